using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>The lexical form of an <c>rdf:JSON</c> literal: the JSON Canonicalization Scheme (RFC 8785).</summary>
internal static class JsonLiteral
{
    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    /// <remarks>
    /// PENDING: JCS is written on the <c>rdfc</c> branch (OpenBadges.Canonicalization.Jcs); until it is merged,
    /// JSON literals cannot be converted to RDF and this refuses them with a clear error rather than guessing.
    /// </remarks>
    public static string CanonicalForm(JToken value) =>
        throw new JsonLdException(
            JsonLdErrorCodes.InvalidJsonLiteral,
            $"Converting the @json literal {value.ToString(Newtonsoft.Json.Formatting.None)} to RDF needs the JSON Canonicalization Scheme, which this build does not include yet.");
}
