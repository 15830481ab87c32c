using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// Serves the W3C json-ld-api test suite offline: <c>https://w3c.github.io/json-ld-api/tests/</c> maps to
/// ../shared/conformance/json-ld-api/. Anything else fails with <c>loading document failed</c>, as an
/// unreachable URL would.
/// </summary>
internal sealed class JsonLdTestDocumentLoader : IDocumentLoader
{
    public const string BaseIri = "https://w3c.github.io/json-ld-api/tests/";

    private static readonly JsonLimits Limits = new() { MaxInputLength = 4 * 1024 * 1024, MaxDepth = 256 };
    private readonly ConcurrentDictionary<string, JToken> _parsed = new(StringComparer.Ordinal);

    /// <summary>One loader for the whole suite, so its context cache is shared like a real deployment's.</summary>
    public static JsonLdTestDocumentLoader Instance { get; } = new();

    public static string Folder => SharedData.Conformance("json-ld-api");

    /// <summary>The local file behind a suite URL, or null when the URL is outside the suite.</summary>
    public static string? LocalPath(string url)
    {
        if (!url.StartsWith(BaseIri, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = url[BaseIri.Length..];
        var cut = relative.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            relative = relative[..cut];
        }

        return Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>Parses a suite file (cached; callers must not mutate the result).</summary>
    public JToken Parse(string url)
    {
        var path = LocalPath(url);
        if (path is null || !File.Exists(path))
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingDocumentFailed, $"'{url}' is not in the offline test suite.");
        }

        return _parsed.GetOrAdd(url, _ => JsonInput.ParseFile(path, Limits));
    }

    public RemoteDocument Load(string url, CancellationToken cancellationToken = default)
    {
        JToken document;
        try
        {
            document = Parse(url);
        }
        catch (JsonInputException e)
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingDocumentFailed, $"'{url}' is not valid JSON: {e.Message}", e);
        }

        return new RemoteDocument(url, document, ContentType: "application/ld+json");
    }
}
