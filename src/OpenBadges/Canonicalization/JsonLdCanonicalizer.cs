using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Rdf;
using OpenBadges.Json;

namespace OpenBadges.Canonicalization;

/// <summary>
/// JSON-LD document → canonical N-Quads: toRdf (safe mode by default) followed by RDFC-1.0. Plain documents go
/// through the one-pass conversion (the same dataset, a seventh of the time); anything else through the spec path
/// (the choice is <c>JsonLdProcessor.ToDataset</c>'s).
/// This is the transformation of <c>eddsa-rdfc-2022</c> and <c>Ed25519Signature2020</c>.
/// Text direction (<c>@direction</c>) is kept as <c>i18n-datatype</c> literals unless the options say
/// otherwise: that is what the reference implementation signs, and dropping it would leave the direction
/// of a credential's text outside the signature.
/// </summary>
public static class JsonLdCanonicalizer
{
    private static readonly JsonLdOptions DefaultOptions = new() { RdfDirection = "i18n-datatype" };

    /// <summary>The canonical N-Quads of <paramref name="document"/>.</summary>
    /// <exception cref="JsonLdException">JSON-LD processing failed, or safe mode found data loss.</exception>
    /// <exception cref="CanonicalizationLimitException">The dataset needs more canonicalization work than allowed.</exception>
    public static string Canonicalize(JToken document, JsonLdOptions? jsonLd = null, Rdfc10Options? rdfc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        jsonLd ??= DefaultOptions;
        if (jsonLd.RdfDirection is null)
        {
            jsonLd = jsonLd with { RdfDirection = "i18n-datatype" };
        }

        var quads = JsonLdProcessor.ToDataset(document, jsonLd, cancellationToken);
        return Rdfc10.Canonicalize(quads, rdfc, cancellationToken).NQuads;
    }

    /// <summary>SHA-256 of the UTF-8 of <see cref="Canonicalize"/>'s result, without building that string (the proof hot path).</summary>
    internal static void CanonicalSha256(JToken document, JsonLdOptions? jsonLd, Rdfc10Options? rdfc, CancellationToken cancellationToken, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(document);
        jsonLd = WithDirection(jsonLd);
        var reused = TakeQuadList();
        try
        {
            var quads = JsonLdProcessor.ToDataset(document, jsonLd, cancellationToken, reused);
            Rdfc10.CanonicalSha256(quads, rdfc, cancellationToken, destination);
        }
        finally
        {
            ReturnQuadList(reused);
        }
    }

    /// <summary>As above, for a document read through a view (the secured document without its proof: no copy).</summary>
    internal static void CanonicalSha256(DocumentView view, JsonLdOptions? jsonLd, Rdfc10Options? rdfc, CancellationToken cancellationToken, Span<byte> destination)
    {
        jsonLd = WithDirection(jsonLd);
        var reused = TakeQuadList();
        try
        {
            var quads = JsonLdProcessor.ToDataset(view, jsonLd, cancellationToken, reused);
            Rdfc10.CanonicalSha256(quads, rdfc, cancellationToken, destination);
        }
        finally
        {
            ReturnQuadList(reused);
        }
    }

    /// <summary>As above, for a dataset already converted (a verifier's, read once for all its checks).</summary>
    internal static void CanonicalSha256(IReadOnlyList<RdfQuad> dataset, Rdfc10Options? rdfc, CancellationToken cancellationToken, Span<byte> destination) =>
        Rdfc10.CanonicalSha256(dataset, rdfc, cancellationToken, destination);

    // The hash path's quad list, kept per thread between calls (a sign or verify fills two): only the hash leaves
    // the call, so the list is emptied and kept, unless a large document grew it.
    [ThreadStatic]
    private static List<RdfQuad>? t_quads;

    private static List<RdfQuad> TakeQuadList()
    {
        var list = t_quads ?? new List<RdfQuad>(128);
        t_quads = null;
        return list;
    }

    private static void ReturnQuadList(List<RdfQuad> list)
    {
        list.Clear();
        if (list.Capacity <= 4096)
        {
            t_quads = list;
        }
    }

    internal static JsonLdOptions WithDirection(JsonLdOptions? jsonLd)
    {
        jsonLd ??= DefaultOptions;
        return jsonLd.RdfDirection is null ? jsonLd with { RdfDirection = "i18n-datatype" } : jsonLd;
    }
}
