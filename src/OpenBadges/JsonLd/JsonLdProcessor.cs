using Newtonsoft.Json.Linq;
using OpenBadges.Rdf;
using OpenBadges.Json;

namespace OpenBadges.JsonLd;

/// <summary>
/// JSON-LD 1.1 processing: expansion and conversion to RDF. Thread-safe; processed contexts are cached
/// per <see cref="IDocumentLoader"/>, so repeated documents with the same <c>@context</c> are cheap.
/// With <see cref="JsonLdOptions.SafeMode"/> (the default) anything that would be silently dropped or
/// left ambiguous throws <see cref="JsonLdSafeModeException"/>.
/// </summary>
public static class JsonLdProcessor
{
    /// <summary>Expands <paramref name="input"/> (JSON-LD 1.1 API, <c>expand()</c>). The input is not modified.</summary>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD; <see cref="JsonLdException.Code"/> is the spec's error code.</exception>
    /// <exception cref="JsonLdSafeModeException">Safe mode refused the document.</exception>
    public static JArray Expand(JToken input, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Expand(input, options ?? JsonLdOptions.Default, documentUrl: null, contextUrl: null, cancellationToken);
    }

    /// <summary>Converts <paramref name="input"/> to an RDF dataset (JSON-LD 1.1 API, <c>toRdf()</c>); expands it first.</summary>
    /// <exception cref="JsonLdException">The document is not valid JSON-LD.</exception>
    /// <exception cref="JsonLdSafeModeException">Safe mode refused the document.</exception>
    public static IReadOnlyList<RdfQuad> ToRdf(JToken input, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= JsonLdOptions.Default;
        var expanded = Expand(input, options, documentUrl: null, contextUrl: null, cancellationToken);
        return ExpandedToRdf(expanded, options, cancellationToken);
    }

    /// <summary>
    /// Converts an already expanded document (the output of <see cref="Expand(JToken, JsonLdOptions?, CancellationToken)"/>)
    /// to RDF, skipping expansion. The input is not modified.
    /// </summary>
    public static IReadOnlyList<RdfQuad> ExpandedToRdf(JArray expanded, JsonLdOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expanded);
        var run = new JsonLdRun(options ?? JsonLdOptions.Default, cancellationToken);
        var nodeMap = new NodeMapGeneration(run).Generate(expanded);
        return new RdfSerialization(run, nodeMap.Issuer).ToDataset(nodeMap);
    }

    /// <summary>toRdf with the document's own URL (see the internal <c>Expand</c> overload).</summary>
    internal static IReadOnlyList<RdfQuad> ToRdf(JToken input, JsonLdOptions options, string? documentUrl, CancellationToken cancellationToken) =>
        ExpandedToRdf(Expand(input, options, documentUrl, contextUrl: null, cancellationToken), options, cancellationToken);

    /// <summary>
    /// Expansion with the document's own URL (the default base, and the base for relative context URLs) and a
    /// context URL from an HTTP Link header, as a document loader reports them.
    /// </summary>
    internal static JArray Expand(JToken input, JsonLdOptions options, string? documentUrl, string? contextUrl, CancellationToken cancellationToken) =>
        Expand(input, options, documentUrl, contextUrl, cancellationToken, view: null);

    /// <summary>toRdf of a document read through a <see cref="DocumentView"/> (the proof hot path: no copy of the document).</summary>
    internal static IReadOnlyList<RdfQuad> ToRdf(DocumentView view, JsonLdOptions options, CancellationToken cancellationToken) =>
        ExpandedToRdf(Expand(view.Root, options, documentUrl: null, contextUrl: null, cancellationToken, view), options, cancellationToken);

    /// <summary>
    /// toRdf as the library runs it when it signs, verifies or canonicalizes: the one place that chooses between the
    /// one-pass conversion (<see cref="OnePassToRdf"/>, for plain documents) and the spec path, which decides and words
    /// everything else. Either way the same dataset, up to blank node labels and quad order, which RDFC-1.0 does not see
    /// (the differential tests). Callers that need the spec's own labels (ecdsa-sd-2023 grouping) call the spec path.
    /// </summary>
    /// <remarks><paramref name="into"/>: an empty list the one-pass conversion may fill (a caller's reused one).</remarks>
    internal static IReadOnlyList<RdfQuad> ToDataset(JToken document, JsonLdOptions options, CancellationToken cancellationToken, List<RdfQuad>? into = null) =>
        OnePassToRdf.TryConvert(document, null, options, cancellationToken, into) ?? ToRdf(document, options, cancellationToken);

    /// <summary>As <see cref="ToDataset(JToken, JsonLdOptions, CancellationToken, List{RdfQuad}?)"/>, for a document read through a view.</summary>
    internal static IReadOnlyList<RdfQuad> ToDataset(DocumentView view, JsonLdOptions options, CancellationToken cancellationToken, List<RdfQuad>? into = null) =>
        OnePassToRdf.TryConvert(view.Root, view, options, cancellationToken, into) ?? ToRdf(view, options, cancellationToken);

    /// <summary>
    /// The dataset of a secured document, and, when the one-pass walk could tell them apart, the statements of the
    /// document without its top-level <c>proof</c>: what a Data Integrity proof signs, so a verifier converts once.
    /// </summary>
    internal static SecuredDataset ToSecuredDataset(JObject document, JsonLdOptions options, CancellationToken cancellationToken)
    {
        var quads = OnePassToRdf.TryConvert(document, null, options, cancellationToken, into: null, setAside: "proof", out var proofStatements);
        if (quads is null)
        {
            return new SecuredDataset(ToRdf(document, options, cancellationToken), Unsecured: null);
        }

        if (proofStatements is not { } range)
        {
            return new SecuredDataset(quads, Unsecured: null);
        }

        var (start, length) = range.GetOffsetAndLength(quads.Count);
        var unsecured = new List<RdfQuad>(quads.Count - length);
        unsecured.AddRange(quads.Take(start));
        unsecured.AddRange(quads.Skip(start + length));
        return new SecuredDataset(quads, unsecured);
    }

    private static JArray Expand(JToken input, JsonLdOptions options, string? documentUrl, string? contextUrl, CancellationToken cancellationToken, DocumentView? view)
    {
        var run = new JsonLdRun(options, cancellationToken);
        var baseIri = options.Base ?? documentUrl;
        var active = run.Cache.InitialContext(baseIri, options.ProcessingMode);
        var contextBase = documentUrl ?? options.Base;

        if (options.ExpandContext is { } expandContext)
        {
            var context = expandContext is JObject map && map.TryGetValue(Keywords.Context, out var inner) ? inner : expandContext;
            active = ContextProcessor.Process(run, active, context, contextBase, JsonPath.OfDocument("expandContext"));
        }

        if (contextUrl is not null)
        {
            active = ContextProcessor.Process(run, active, new JValue(contextUrl), contextBase, JsonPath.OfDocument("Link header"));
        }

        var expanded = new Expansion(run, view).Expand(active, null, input, contextBase, JsonPath.Root, depth: 0);
        if (expanded is JObject { Count: 1 } only && only.TryGetValue(Keywords.Graph, out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => [],
            JArray array => array,
            _ => new JArray(expanded),
        };
    }
}

/// <summary>A secured document's RDF dataset (see <see cref="JsonLdProcessor.ToSecuredDataset"/>).</summary>
/// <param name="Quads">Every statement of the document, its proof included.</param>
/// <param name="Unsecured">
/// The statements of the document without its top-level <c>proof</c> member, read with the document's own context: the
/// unsecured document a proof without a <c>@context</c> of its own signs. Null when the conversion could not tell them apart.
/// </param>
internal sealed record SecuredDataset(IReadOnlyList<RdfQuad> Quads, IReadOnlyList<RdfQuad>? Unsecured);
