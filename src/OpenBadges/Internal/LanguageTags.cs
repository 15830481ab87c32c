using System.Text.RegularExpressions;

namespace OpenBadges.Internal;

/// <summary>
/// The two tests of a BCP 47 language tag the library applies, kept side by side because they answer different
/// questions: JSON-LD's (is this value shaped like a tag at all) and the builder's (is this a tag an issuer should write).
/// </summary>
internal static partial class LanguageTags
{
    /// <summary>
    /// JSON-LD's well-formedness test, in its simple form: <c>ALPHA{1,8} *("-" ALPHANUM{1,8})</c>. Lenient on purpose:
    /// a processor must keep any such value (<c>en</c>, <c>x-private</c>, <c>english</c>); only a malformed one is
    /// dropped (with a warning, an error in safe mode).
    /// </summary>
    public static bool IsWellFormedForJsonLd(string tag)
    {
        if (tag.Length == 0)
        {
            return false;
        }

        var subtags = tag.Split('-');
        for (var i = 0; i < subtags.Length; i++)
        {
            var subtag = subtags[i];
            if (subtag.Length is 0 or > 8)
            {
                return false;
            }

            foreach (var c in subtag)
            {
                if (!(i == 0 ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The syntax of RFC 5646 tags, e.g. <c>en</c>, <c>nl-NL</c>, <c>sr-Latn-RS</c>, for what the builder writes.
    /// Stricter than the ABNF in one place on purpose: the primary language subtag must be 2–3 letters (ISO 639).
    /// RFC 5646 also admits 4-letter (reserved) and 5–8-letter (registered) language subtags, but none are registered,
    /// and accepting them would let <c>"english"</c> pass as a tag. Grandfathered irregular tags (e.g.
    /// <c>i-klingon</c>) are not accepted.
    /// </summary>
    public static bool IsWellFormedBcp47(string? tag) => tag is not null && Bcp47().IsMatch(tag);

    // language[-extlang] [-script] [-region] *(-variant) *(-extension) [-privateuse] | privateuse
    [GeneratedRegex(
        @"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Bcp47();
}
