using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The W3C remote-doc tests: the document itself is loaded through a loader that simulates the suite's HTTP
/// server (content types, redirects, Link headers), then expanded.
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
