using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;

namespace OpenBadges.Tests.Unit;

/// <summary>Context caching, remote-context limits, depth limits, cancellation and thread safety.</summary>
public sealed class JsonLdProcessingLimitsTests
{
    private const string Credential = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:1",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://example.edu/issuers/1", "type": ["Profile"], "name": "Example University"},
          "validFrom": "2024-01-01T00:00:00Z",
          "name": "Badge",
          "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://example.edu/achievements/1", "type": ["Achievement"], "name": "A", "description": "D", "criteria": {"narrative": "N"}}
          }
        }
        """;

    [Fact]
    public void SecondDocumentWithTheSameContextDoesNotCallTheLoader()
    {
        var loader = new CountingLoader(EmbeddedDocumentLoader.Default);
        var options = new JsonLdOptions { DocumentLoader = loader };

        var first = JsonLdProcessor.ToRdf(JsonInput.Parse(Credential), options);
        var loadsAfterFirst = loader.Count;
        var second = JsonLdProcessor.ToRdf(JsonInput.Parse(Credential), options);

        Assert.Equal(2, loadsAfterFirst);
        Assert.Equal(loadsAfterFirst, loader.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void EachRemoteContextIsLoadedOncePerLoaderEvenInOtherCombinations()
    {
        var loader = new CountingLoader(EmbeddedDocumentLoader.Default);
        var options = new JsonLdOptions { DocumentLoader = loader };
        var other = JsonInput.ParseObject(Credential);
        other["@context"] = new JArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", new JObject { ["extra"] = "http://ex/extra" });

        JsonLdProcessor.ToRdf(JsonInput.Parse(Credential), options);
        JsonLdProcessor.ToRdf(other, options);

        Assert.Equal(2, loader.Count);
    }

    [Fact]
    public void CachedContextsAreNotChangedByLaterDefinitions()
    {
        var loader = EmbeddedDocumentLoader.Default.With("https://ex.test/base", JsonInput.Parse("""{"@context": {"name": "http://ex/name"}}"""));
        var options = new JsonLdOptions { DocumentLoader = loader };
        var extended = JsonInput.Parse("""{"@context": ["https://ex.test/base", {"extra": "http://ex/extra"}], "@id": "http://ex/a", "name": "A", "extra": "E"}""");
        var plain = JsonInput.Parse("""{"@context": ["https://ex.test/base"], "@id": "http://ex/b", "name": "B", "extra": "E"}""");

        Assert.Equal(2, JsonLdProcessor.ToRdf(extended, options).Count);
        var error = Assert.Throws<JsonLdSafeModeException>(() => JsonLdProcessor.ToRdf(plain, options));

        Assert.Equal("extra", error.Event.Term);
    }

    [Fact]
    public void ContextLoadsPerDocumentAreLimited()
    {
        // a0 -> a1 -> a2 -> ... : each context includes the next one.
        var loader = EmbeddedDocumentLoader.Default;
        for (var i = 0; i < 10; i++)
        {
            loader = loader.With($"https://ex.test/a{i}", JsonInput.Parse($$"""{"@context": ["https://ex.test/a{{i + 1}}", {"t{{i}}": "http://ex/t{{i}}"}]}"""));
        }

        loader = loader.With("https://ex.test/a10", JsonInput.Parse("""{"@context": {"@vocab": "http://ex/"}}"""));
        var document = JsonInput.Parse("""{"@context": "https://ex.test/a0", "@id": "http://ex/s", "t0": "v"}""");

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(document, new JsonLdOptions { DocumentLoader = loader, MaxRemoteContexts = 5 }));
        Assert.Equal("context overflow", error.Code);
        Assert.Single(JsonLdProcessor.Expand(document, new JsonLdOptions { DocumentLoader = loader, MaxRemoteContexts = 11 }));
    }

    [Fact]
    public void ContextIncludingItselfIsRejected()
    {
        var loader = EmbeddedDocumentLoader.Default.With("https://ex.test/self", JsonInput.Parse("""{"@context": "https://ex.test/self"}"""));

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(JsonInput.Parse("""{"@context": "https://ex.test/self", "@id": "http://ex/s"}"""), new JsonLdOptions { DocumentLoader = loader }));

        Assert.Equal("recursive context inclusion", error.Code);
    }

    [Fact]
    public void UnknownRemoteContextFailsWithoutNetwork()
    {
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(JsonInput.Parse("""{"@context": "https://unknown.example/context.json", "@id": "http://ex/s"}""")));

        Assert.Equal("loading remote context failed", error.Code);
        Assert.Contains("https://unknown.example/context.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsRejectedCleanly()
    {
        JToken document = new JObject { ["http://ex/p"] = "leaf" };
        for (var i = 0; i < 5000; i++)
        {
            document = new JObject { ["http://ex/p"] = document };
        }

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(document));

        Assert.Equal(JsonLdErrorCodes.MaximumDepthExceeded, error.Code);
    }

    [Fact]
    public void DepthLimitIsConfigurable()
    {
        var document = JsonInput.Parse("""{"http://ex/p": {"http://ex/p": {"http://ex/p": {"http://ex/p": "leaf"}}}}""");

        Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(document, new JsonLdOptions { MaxDepth = 3 }));
        Assert.Single(JsonLdProcessor.Expand(document, new JsonLdOptions { MaxDepth = 16 }));
    }

    [Fact]
    public void DeeplyNestedScopedContextsAreRejectedCleanly()
    {
        // Built in code, so no parser depth limit protects it.
        var context = new JObject { ["@vocab"] = "http://ex/" };
        for (var i = 0; i < 5000; i++)
        {
            context = new JObject { ["t"] = new JObject { ["@id"] = "http://ex/t", ["@context"] = context } };
        }

        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(new JObject { ["@context"] = context, ["@id"] = "http://ex/s" }));

        Assert.Equal(JsonLdErrorCodes.MaximumDepthExceeded, error.InnermostJsonLdException().Code);
    }

    [Fact]
    public void LongChainOfTermDependenciesIsRejected()
    {
        var context = new JObject { ["t0"] = "http://ex/" };
        for (var i = 1; i < 2000; i++)
        {
            context[$"t{i}"] = $"t{i - 1}:x";
        }

        var reversed = new JObject(context.Properties().Reverse());
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(new JObject { ["@context"] = reversed, ["@id"] = "http://ex/s" }));

        Assert.Equal("invalid term definition", error.Code);
    }

    [Fact]
    public void CancellationIsHonoured()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => JsonLdProcessor.ToRdf(JsonInput.Parse(Credential), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void ParallelProcessingGivesIdenticalResults()
    {
        var expected = JsonLdProcessor.ToRdf(JsonInput.Parse(Credential));
        var results = new ConcurrentBag<IReadOnlyList<OpenBadges.Rdf.RdfQuad>>();

        Parallel.For(0, 64, _ => results.Add(JsonLdProcessor.ToRdf(JsonInput.Parse(Credential))));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void InputIsNotModified()
    {
        var document = JsonInput.Parse(Credential);
        var copy = document.DeepClone();

        var expanded = JsonLdProcessor.Expand(document);
        JsonLdProcessor.ExpandedToRdf(expanded);

        Assert.True(JToken.DeepEquals(copy, document));
    }
}

internal static class JsonLdExceptionExtensions
{
    /// <summary>Scoped-context errors are wrapped in "invalid scoped context"; the innermost names the cause.</summary>
    public static JsonLdException InnermostJsonLdException(this JsonLdException error)
    {
        while (error.InnerException is JsonLdException inner)
        {
            error = inner;
        }

        return error;
    }
}

/// <summary>A loader that counts the calls it passes on.</summary>
internal sealed class CountingLoader(IDocumentLoader inner) : IDocumentLoader
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public RemoteDocument Load(string url, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return inner.Load(url, cancellationToken);
    }
}
