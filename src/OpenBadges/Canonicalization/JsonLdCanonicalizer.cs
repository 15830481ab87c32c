using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;

namespace OpenBadges.Canonicalization;

/// <summary>
/// JSON-LD document → canonical N-Quads: toRdf (safe mode by default) followed by RDFC-1.0.
/// This is the transformation of <c>eddsa-rdfc-2022</c> and <c>Ed25519Signature2020</c>.
/// </summary>
public static class JsonLdCanonicalizer
{
    /// <summary>The canonical N-Quads of <paramref name="document"/>.</summary>
    /// <exception cref="JsonLdException">JSON-LD processing failed, or safe mode found data loss.</exception>
    /// <exception cref="CanonicalizationLimitException">The dataset needs more canonicalization work than allowed.</exception>
    public static string Canonicalize(JToken document, JsonLdOptions? jsonLd = null, Rdfc10Options? rdfc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var quads = JsonLdProcessor.ToRdf(document, jsonLd, cancellationToken);
        return Rdfc10.Canonicalize(quads, rdfc, cancellationToken).NQuads;
    }
}
