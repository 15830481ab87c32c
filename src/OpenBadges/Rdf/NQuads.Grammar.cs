namespace OpenBadges.Rdf;

// The character classes and productions of the RDF 1.1 N-Quads grammar that the writer and the parser share.
public static partial class NQuads
{
    // Characters the writer must look at: in IRIs, those IRIREF excludes plus surrogates (checked for pairing);
    // in literals, those canonical N-Quads escapes plus surrogates.
    private static readonly System.Buffers.SearchValues<char> IriAttention = System.Buffers.SearchValues.Create(
        CharRange('\u0000', '\u0020') + "<>\"{}|^`\\" + CharRange('\uD800', '\uDFFF'));

    private static readonly System.Buffers.SearchValues<char> LiteralAttention = System.Buffers.SearchValues.Create(
        CharRange('\u0000', '\u001F') + "\"\\\u007F" + CharRange('\uD800', '\uDFFF'));

    // Where the parser must stop copying inside a literal.
    private static readonly System.Buffers.SearchValues<char> LiteralParseStops = System.Buffers.SearchValues.Create(
        "\"\\\n\r" + CharRange('\uD800', '\uDFFF'));

    private static string CharRange(char first, char last)
    {
        var chars = new char[last - first + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)(first + i);
        }

        return new string(chars);
    }

    private static bool IsExcludedFromIri(char c) =>
        c <= 0x20 || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\';

    private static bool IsSurrogatePairAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);

    private static bool IsLanguageTag(string tag)
    {
        // LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*   (without the '@' here)
        var i = 0;
        while (i < tag.Length && char.IsAsciiLetter(tag[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < tag.Length)
        {
            if (tag[i] != '-')
            {
                return false;
            }

            var start = ++i;
            while (i < tag.Length && char.IsAsciiLetterOrDigit(tag[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlankNodeLabel(string label)
    {
        // BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
        if (label.Length == 0)
        {
            return false;
        }

        var i = 0;
        var first = ReadCodePoint(label, ref i);
        if (first < 0 || !(IsPnCharsU(first) || first is >= '0' and <= '9'))
        {
            return false;
        }

        var last = first;
        while (i < label.Length)
        {
            last = ReadCodePoint(label, ref i);
            if (last < 0 || !(IsPnChars(last) || last == '.'))
            {
                return false;
            }
        }

        return last != '.';
    }

    /// <summary>The code point at <paramref name="index"/> (advancing past it), or -1 for a lone surrogate.</summary>
    private static int ReadCodePoint(string text, ref int index)
    {
        var c = text[index++];
        if (!char.IsSurrogate(c))
        {
            return c;
        }

        if (char.IsHighSurrogate(c) && index < text.Length && char.IsLowSurrogate(text[index]))
        {
            return char.ConvertToUtf32(c, text[index++]);
        }

        return -1;
    }

    private static bool IsPnCharsBase(int c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z')
            or (>= 0x00C0 and <= 0x00D6) or (>= 0x00D8 and <= 0x00F6) or (>= 0x00F8 and <= 0x02FF)
            or (>= 0x0370 and <= 0x037D) or (>= 0x037F and <= 0x1FFF) or (>= 0x200C and <= 0x200D)
            or (>= 0x2070 and <= 0x218F) or (>= 0x2C00 and <= 0x2FEF) or (>= 0x3001 and <= 0xD7FF)
            or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD) or (>= 0x10000 and <= 0xEFFFF);

    private static bool IsPnCharsU(int c) => IsPnCharsBase(c) || c == '_' || c == ':';

    private static bool IsPnChars(int c) =>
        IsPnCharsU(c) || c == '-' || c is >= '0' and <= '9' || c == 0x00B7
            || c is >= 0x0300 and <= 0x036F || c is >= 0x203F and <= 0x2040;

    private static string Describe(int c) =>
        c == ' ' ? "a space" : $"U+{c:X4}" + (c > 0x20 && c < 0x7F ? $" '{(char)c}'" : string.Empty);

    private static ArgumentException LoneSurrogate(string where, int index, char c) =>
        RdfErrors.LoneSurrogate(char.ToUpperInvariant(where[0]), where[1..], (int)c, index);
}
