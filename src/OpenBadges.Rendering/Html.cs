using System.Net;

namespace OpenBadges.Rendering;

/// <summary>Escaping for text and attribute values taken from a credential (which is untrusted input).</summary>
internal static class Html
{
    // WebUtility escapes < > & " ' and leaves other characters as they are (the page is UTF-8).
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
