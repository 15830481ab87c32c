using System.Text.RegularExpressions;

namespace OpenBadges.Model;

/// <summary>
/// Checks the syntax of BCP 47 (RFC 5646) language tags, e.g. <c>en</c>, <c>nl-NL</c>, <c>sr-Latn-RS</c>.
/// Stricter than the ABNF in one place on purpose: the primary language subtag must be 2–3 letters (ISO 639).
/// RFC 5646 also admits 4-letter (reserved) and 5–8-letter (registered) language subtags, but none are registered,
/// and accepting them would let <c>"english"</c> pass as a tag. Grandfathered irregular tags (e.g. <c>i-klingon</c>)
/// are not accepted.
/// </summary>
internal static partial class LanguageTags
{
    public static bool IsWellFormed(string? tag) => tag is not null && Pattern().IsMatch(tag);

    // language[-extlang] [-script] [-region] *(-variant) *(-extension) [-privateuse] | privateuse
    [GeneratedRegex(
        @"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?|[Xx](?:-[A-Za-z0-9]{1,8})+)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
