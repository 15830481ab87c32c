using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The W3C remote-doc tests: the document itself is loaded through a loader that simulates the suite's HTTP
/// server (content types, redirects, Link headers), then expanded. Most of what this suite is about — content-type
/// checks, redirects, the context Link header — is therefore done by <see cref="HttpSimulatingLoader"/> here, in the
/// test: the library has no HTTP document loader (it fetches nothing; a user who wants one implements
/// <see cref="IDocumentLoader"/>). What the passes show of the library is how the processor uses what a loader
/// returns: the document URL as base, the context URL from a Link header, and the loader's errors.
/// </summary>
public sealed class JsonLdRemoteDocConformanceTests(ITestOutputHelper output)
{
    private const string Manifest = "remote-doc-manifest.jsonld";

    public static IEnumerable<object[]> Cases() => JsonLdTestSuite.Cases(Manifest);

    public static IEnumerable<object[]> ListedCases() => JsonLdTestSuite.ListedCases(Manifest);

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void RemoteDocument(string id)
    {
        JsonLdTestSuite.Report(RunOne(id), output);
    }

    // Never runs: each row shows in the totals as skipped, with its reason. (Summary still runs the known failures.)
    [SharedDataTheory]
    [MemberData(nameof(ListedCases), Skip = JsonLdTestSuite.ListedSkip)]
    public void RemoteDocumentListed(string id, string reason)
    {
        Assert.Fail($"{id} is listed in json-ld-skips.json ({reason}) and must not run here");
    }

    // A skip must give the real reason: the manifest says what each entry exercises (a processor feature, an
    // alternate Link, an HTML document), and the listed reason must name it (tla01 was once listed as "HTML input"
    // while what it tests is following a rel="alternate" Link).
    [SharedDataFact]
    public void Every_skipped_entry_is_listed_for_what_it_actually_tests()
    {
        var listed = ListedCases().Where(c => (string)c[0] != "(shared data missing)").ToList();
        Assert.NotEmpty(listed);
        foreach (var listedCase in listed)
        {
            var (id, reason) = ((string)listedCase[0], (string)listedCase[1]);
            var entry = JsonLdTestSuite.Entries(Manifest).Single(e => (string?)e["@id"] == id);
            var links = entry["option"]?["httpLink"] is JArray many ? string.Join(" ", many) : (string?)entry["option"]?["httpLink"] ?? "";
            if ((string?)entry["option"]?["processorFeature"] is { } feature)
            {
                Assert.True(reason.Contains(feature, StringComparison.Ordinal), $"{id} needs the {feature} feature; its reason does not say so: {reason}");
            }

            if (links.Contains("rel=\"alternate\"", StringComparison.Ordinal))
            {
                Assert.True(reason.Contains("rel=\"alternate\"", StringComparison.Ordinal), $"{id} follows an alternate Link; its reason does not say so: {reason}");
            }

            if ((string?)entry["input"] is { } input && input.EndsWith(".html", StringComparison.Ordinal) || links.Contains(".html>", StringComparison.Ordinal))
            {
                Assert.True(reason.Contains("HTML", StringComparison.Ordinal) || reason.Contains("html", StringComparison.Ordinal), $"{id} involves an HTML document; its reason does not say so: {reason}");
            }
        }
    }

    [SharedDataFact]
    public void Summary()
    {
        var outcomes = JsonLdTestSuite.RunAll(Manifest, RunOne);

        JsonLdTestSuite.Summary("remote-doc", outcomes, output);
        Assert.DoesNotContain(outcomes, o => o.Status == JsonLdTestSuite.Status.Failed);
    }

    private static JsonLdTestSuite.Outcome RunOne(string id) => JsonLdTestSuite.Run(
        Manifest,
        id,
        (entry, options, inputUrl) =>
        {
            var actual = Expand(entry, options, inputUrl);
            var expected = JsonLdTestDocumentLoader.Instance.Parse(JsonLdTestDocumentLoader.BaseIri + (string)entry["expect"]!);
            return JsonLdComparer.Equivalent(expected, actual)
                ? null
                : $"expected {expected.ToString(Newtonsoft.Json.Formatting.None)}\n  actual {actual.ToString(Newtonsoft.Json.Formatting.None)}";
        },
        (entry, options, inputUrl) =>
        {
            try
            {
                Expand(entry, options, inputUrl);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });

    private static JArray Expand(JObject entry, JsonLdOptions options, string inputUrl)
    {
        // A loader per test: each test's server behaves differently for the same URLs.
        var loader = new HttpSimulatingLoader(inputUrl, entry["option"] as JObject ?? []);
        var document = loader.Load(inputUrl);
        return JsonLdProcessor.Expand(
            document.Document,
            options with { DocumentLoader = loader, Base = (string?)entry["option"]?["base"] ?? document.DocumentUrl },
            document.DocumentUrl,
            document.ContextUrl,
            default);
    }

    /// <summary>Serves the suite's files as its HTTP server would, applying the entry's contentType, redirectTo and httpLink.</summary>
    private sealed class HttpSimulatingLoader(string inputUrl, JObject option) : IDocumentLoader
    {
        private const string ContextRelation = "http://www.w3.org/ns/json-ld#context";

        public RemoteDocument Load(string url, CancellationToken cancellationToken = default)
        {
            var isInput = url == inputUrl;
            var documentUrl = isInput && (string?)option["redirectTo"] is { } redirect ? JsonLdTestDocumentLoader.BaseIri + redirect : url;
            var contentType = (isInput ? (string?)option["contentType"] : null) ?? ContentTypeOf(documentUrl);
            if (!(contentType is "application/json" or "application/ld+json" || contentType.EndsWith("+json", StringComparison.Ordinal)))
            {
                throw new JsonLdException(JsonLdErrorCodes.LoadingDocumentFailed, $"'{url}' is served as {contentType}, which is not JSON.");
            }

            var document = JsonLdTestDocumentLoader.Instance.Load(documentUrl, cancellationToken).Document;
            string? contextUrl = null;
            if (isInput && contentType != "application/ld+json")
            {
                var links = option["httpLink"] is JArray many ? many.Select(l => (string)l!).ToList() : option["httpLink"] is { } one ? [(string)one!] : [];
                var contextLinks = links.Where(l => l.Contains("rel=\"" + ContextRelation + "\"", StringComparison.Ordinal)).ToList();
                if (contextLinks.Count > 1)
                {
                    throw new JsonLdException(JsonLdErrorCodes.MultipleContextLinkHeaders, $"'{url}' has {contextLinks.Count} context Link headers.");
                }

                if (contextLinks.Count == 1)
                {
                    var target = contextLinks[0][(contextLinks[0].IndexOf('<', StringComparison.Ordinal) + 1)..contextLinks[0].IndexOf('>', StringComparison.Ordinal)];
                    contextUrl = new Uri(new Uri(documentUrl), target).AbsoluteUri;
                }
            }

            return new RemoteDocument(documentUrl, document, contextUrl, contentType);
        }

        private static string ContentTypeOf(string url) => Path.GetExtension(new Uri(url).AbsolutePath) switch
        {
            ".jsonld" => "application/ld+json",
            ".json" => "application/json",
            ".html" => "text/html",
            _ => "application/octet-stream",
        };
    }
}
