namespace OpenBadges.Baking;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw BakingErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class BakingErrors
{
    internal static BakingException SvgNotWritable(string reason) =>
        new($"The SVG cannot be written back as well-formed XML: {reason}");

    internal static BakingException SvgMoreThanOneCredential() =>
        new("The SVG carries more than one openbadges:credential element; an image must carry exactly one credential.");

    internal static BakingException SvgCredentialEmpty() =>
        new("The SVG's openbadges:credential element is empty: it carries no credential.");

    internal static BakingException SvgCredentialNotJsonOrJws() =>
        new("The SVG's openbadges:credential element holds neither a JSON credential nor a compact JWS (a URL alone is Open Badges 2.0 hosted verification, not a credential).");

    internal static BakingException SvgRootNotSvg() =>
        new("Not an SVG image: the root element is not <svg> in the SVG namespace.");

    internal static BakingException SvgTooDeep(int limit, int? line) =>
        new($"The SVG nests elements more than {limit} deep (line {line}); the limit is {limit}.");

    internal static BakingException SvgTooLong(int length, int limit) =>
        new($"The SVG is {length} characters; the limit is {limit}.");

    internal static BakingException SvgEmpty() =>
        new("Not an SVG image: the document is empty.");

    internal static BakingException SvgUnterminated() =>
        new("Not an SVG image: the document did not end.");

    internal static BakingException SvgNotWellFormed(int line, int position, string reason) =>
        new($"The SVG is not well-formed XML (line {line}, position {position}): {reason}");

    internal static BakingException NeitherPngNorSvg() =>
        new("The image is neither a PNG nor an SVG.");

    internal static BakingException PngMoreThanOneCredential(string keyword) =>
        new($"The PNG carries more than one '{keyword}' iTXt chunk; an image must carry exactly one credential.");

    internal static BakingException PngCredentialEmpty(string keyword) =>
        new($"The PNG's '{keyword}' iTXt chunk is empty: it carries no credential.");

    internal static BakingException PngChunkTruncated() =>
        new("The credential iTXt chunk is truncated.");

    internal static BakingException PngChunkCompressed() =>
        new("The credential iTXt chunk is compressed; Open Badges 3.0 requires it uncompressed.");

    internal static BakingException PngChunkLanguageUnterminated() =>
        new("The credential iTXt chunk has no end to its language tag.");

    internal static BakingException PngChunkKeywordUnterminated() =>
        new("The credential iTXt chunk has no end to its translated keyword.");

    internal static BakingException PngChunkNotUtf8() =>
        new("The credential iTXt chunk's text is not valid UTF-8.");

    internal static BakingException PngTooLarge(int length, int limit) =>
        new($"The PNG is {length} bytes; the limit is {limit}.");

    internal static BakingException PngSignatureMissing() =>
        new("Not a PNG image: the 8-byte PNG signature is missing.");

    internal static BakingException PngTruncated(int offset) =>
        new($"The PNG is truncated at byte {offset}: no IEND chunk.");

    internal static BakingException PngChunkPastEnd(int offset, uint length) =>
        new($"The PNG chunk at byte {offset} claims {length} bytes, past the end of the file.");

    internal static BakingException PngChunkWrongCrc(string type, int offset) =>
        new($"The PNG chunk '{type}' at byte {offset} has a wrong CRC.");

    internal static BakingException PngCarriesNoCredential() =>
        new("The PNG carries no baked credential (no 'openbadgecredential' iTXt chunk).");

    internal static BakingException SvgCarriesNoCredential() =>
        new("The SVG carries no baked credential (no openbadges:credential element).");
}
