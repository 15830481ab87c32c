using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.JsonLd;

/// <summary>The lexical form of an <c>rdf:JSON</c> literal (spec 8.2.2 step 8): the JSON Canonicalization Scheme (RFC 8785).</summary>
internal static class JsonLiteral
{
    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    /// <exception cref="JsonLdException"><c>invalid JSON literal</c>: the value holds something RFC 8785 cannot represent.</exception>
    public static string CanonicalForm(JToken value)
    {
        try
        {
            return Jcs.Canonicalize(value);
        }
        catch (ArgumentException e)
        {
            throw JsonLdErrors.JsonLiteralNotCanonicalizable(e.Message, e);
        }
    }
}
