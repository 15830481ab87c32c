using System.Globalization;
using System.Text;

namespace OpenBadges.Rdf;

/// <summary>
/// N-Quads in the canonical form that RDF Dataset Canonicalization (RDFC-1.0) hashes and signs:
/// one quad per line, single spaces between terms, <c>" .\n"</c> at the end, IRIs written as they are,
/// and in literals only <c>\b \t \n \f \r \" \\</c> as short escapes and the other control characters
/// (U+0000–U+001F, U+007F) as <c>\uXXXX</c> with upper-case hex. Everything else is written literally.
/// </summary>
/// <remarks>
/// The writer refuses terms that canonical N-Quads cannot represent unambiguously (an IRI with a space
/// or <c>&gt;</c>, a malformed blank node label or language tag, a lone surrogate): such a term would let
/// two different datasets serialize, and therefore hash and sign, the same. Whatever the writer emits,
/// <see cref="Parse"/> reads back to the same quads.
/// </remarks>
public static class NQuads
{
    /// <summary>The quad as one canonical N-Quads line, including the trailing <c>"\n"</c>.</summary>
    /// <exception cref="ArgumentException">A term cannot be written in canonical N-Quads.</exception>
    public static string Serialize(RdfQuad quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        var builder = new StringBuilder(EstimateLength(quad));
        Write(quad, builder);
        return builder.ToString();
    }

    /// <summary>The quads as canonical N-Quads lines, in the order given (this does not sort).</summary>
    /// <exception cref="ArgumentException">A term cannot be written in canonical N-Quads.</exception>
    public static string Serialize(IEnumerable<RdfQuad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var builder = new StringBuilder();
        foreach (var quad in quads)
        {
            Write(quad, builder);
        }

        return builder.ToString();
    }

    /// <summary>Appends the quad as one canonical N-Quads line (with its <c>"\n"</c>) to <paramref name="into"/>.</summary>
    /// <exception cref="ArgumentException">A term cannot be written in canonical N-Quads.</exception>
    public static void Write(RdfQuad quad, StringBuilder into)
    {
        ArgumentNullException.ThrowIfNull(quad);
        ArgumentNullException.ThrowIfNull(into);
        AppendQuad(into, quad.Subject, quad.Predicate, quad.Object, quad.Graph);
    }

    /// <summary>Writes the quad as one canonical N-Quads line (with its <c>"\n"</c>) to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentException">A term cannot be written in canonical N-Quads.</exception>
    public static void Write(RdfQuad quad, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(quad);
        ArgumentNullException.ThrowIfNull(writer);
        var builder = new StringBuilder(EstimateLength(quad));
        AppendQuad(builder, quad.Subject, quad.Predicate, quad.Object, quad.Graph);
        foreach (var chunk in builder.GetChunks())
        {
            writer.Write(chunk.Span);
        }
    }

    /// <summary>
    /// Parses an N-Quads document (RDF 1.1 N-Quads grammar: IRIs, blank nodes, literals with datatype or
    /// language tag, <c>\u</c>/<c>\U</c> and short escapes, comments, blank lines, LF or CR line ends).
    /// </summary>
    /// <returns>The quads in document order; duplicates are kept (a dataset is a set, the canonicalizer removes them).</returns>
    /// <exception cref="FormatException">The text is not N-Quads; the message names the line, column and rule.</exception>
    public static IReadOnlyList<RdfQuad> Parse(string nquads)
    {
        ArgumentNullException.ThrowIfNull(nquads);
        return new Parser(nquads).ParseDocument();
    }

    // ---------------------------------------------------------------- writing

    // The writer is generic over where its text goes: a StringBuilder for the public API, UTF-8 bytes for the
    // canonicalizer (which hashes bytes, so writing them directly saves a transcoding pass). One set of rules,
    // checks and messages serves both; the sinks are structs, so each instantiation is compiled with direct calls.

    /// <summary>Where the writer puts text.</summary>
    internal interface ITextSink
    {
        void Append(char c);

        void Append(ReadOnlySpan<char> text);
    }

    /// <summary>Writes into a <see cref="StringBuilder"/>.</summary>
    internal readonly struct StringBuilderSink(StringBuilder builder) : ITextSink
    {
        public void Append(char c) => builder.Append(c);

        public void Append(ReadOnlySpan<char> text) => builder.Append(text);
    }

    /// <summary>Writes UTF-8 into a <see cref="Utf8Buffer"/>.</summary>
    internal readonly struct Utf8Sink(Utf8Buffer buffer) : ITextSink
    {
        public void Append(char c) => buffer.Append(c);

        public void Append(ReadOnlySpan<char> text) => buffer.Append(text);
    }

    /// <summary>Appends <c>subject predicate object [graph] .\n</c>.</summary>
    internal static void AppendQuad(StringBuilder into, RdfTerm subject, RdfTerm predicate, RdfTerm @object, RdfTerm graph)
    {
        var sink = new StringBuilderSink(into);
        AppendTerm(sink, subject, "subject");
        into.Append(' ');
        AppendTerm(sink, predicate, "predicate");
        into.Append(' ');
        AppendTerm(sink, @object, "object");
        if (graph.Kind != RdfTermKind.DefaultGraph)
        {
            into.Append(' ');
            AppendTerm(sink, graph, "graph");
        }

        into.Append(" .\n");
    }

    /// <summary>Appends one term in canonical form; the default graph appends nothing. Shared with the canonicalizer.</summary>
    internal static void AppendTerm<TSink>(TSink into, RdfTerm term, string position)
        where TSink : struct, ITextSink
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                AppendIri(into, term.Value, position);
                break;
            case RdfTermKind.BlankNode:
                AppendBlankNode(into, term.Value, position);
                break;
            case RdfTermKind.Literal:
                AppendLiteral(into, term, position);
                break;
            case RdfTermKind.DefaultGraph:
                break;
            default:
                throw RdfErrors.UnknownTermKind(term.Kind, position);
        }
    }

    /// <summary>Appends <c>_:label</c> after checking the label against BLANK_NODE_LABEL.</summary>
    private static void AppendBlankNode<TSink>(TSink into, string label, string position)
        where TSink : struct, ITextSink
    {
        if (!IsBlankNodeLabel(label))
        {
            throw RdfErrors.InvalidBlankNodeLabel(label, position);
        }

        into.Append("_:");
        into.Append(label);
    }

    // (The datatype flag names the place in messages as "the object's datatype"; building that name only when
    // it is needed keeps a string allocation off every typed literal.)
    private static void AppendIri<TSink>(TSink into, string iri, string position, bool isDatatype = false)
        where TSink : struct, ITextSink
    {
        // Canonical N-Quads writes IRIs without escapes, so an IRI holding a character that IRIREF
        // excludes cannot be written at all (a '>' or a space would end or split the term).
        // Typical IRIs contain none of the characters to look at; one vectorized search confirms it.
        var span = iri.AsSpan();
        var index = span.IndexOfAny(IriAttention);
        while (index >= 0)
        {
            var c = iri[index];
            if (!char.IsSurrogate(c))
            {
                throw RdfErrors.InvalidIriCharacter(iri, Place(position, isDatatype), Describe(c), index);
            }

            if (!IsSurrogatePairAt(iri, index))
            {
                throw LoneSurrogate($"the IRI in the {Place(position, isDatatype)}", index, c);
            }

            var next = span[(index + 2)..].IndexOfAny(IriAttention);
            index = next < 0 ? -1 : index + 2 + next;
        }

        into.Append('<');
        into.Append(span);
        into.Append('>');
    }

    /// <summary>Appends <c>\uXXXX</c> (upper-case hex) for a control character.</summary>
    private static void AppendUnicodeEscape<TSink>(TSink into, char c)
        where TSink : struct, ITextSink
    {
        Span<char> hex = stackalloc char[4];
        ((int)c).TryFormat(hex, out _, "X4", CultureInfo.InvariantCulture);
        into.Append("\\u");
        into.Append(hex);
    }

    private static string Place(string position, bool isDatatype) => isDatatype ? position + "'s datatype" : position;

    private static void AppendLiteral<TSink>(TSink into, RdfTerm literal, string position)
        where TSink : struct, ITextSink
    {
        var text = literal.Value.AsSpan();
        into.Append('"');

        // Copy the runs between characters that need a look (escapes, surrogates) in one call each;
        // most literals have none, so this is one vectorized search and one append.
        var runStart = 0;
        while (true)
        {
            var found = text[runStart..].IndexOfAny(LiteralAttention);
            if (found < 0)
            {
                break;
            }

            var i = runStart + found;
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (!IsSurrogatePairAt(literal.Value, i))
                {
                    throw LoneSurrogate($"the literal in the {position}", i, c);
                }

                // A valid pair is written as it is: copy through it (a run never ends inside a pair, which
                // the UTF-8 sink relies on).
                into.Append(text[runStart..(i + 2)]);
                runStart = i + 2;
                continue;
            }

            into.Append(text[runStart..i]);
            runStart = i + 1;
            switch (c)
            {
                case '"': into.Append("\\\""); break;
                case '\\': into.Append("\\\\"); break;
                case '\n': into.Append("\\n"); break;
                case '\r': into.Append("\\r"); break;
                case '\t': into.Append("\\t"); break;
                case '\b': into.Append("\\b"); break;
                case '\f': into.Append("\\f"); break;
                default: AppendUnicodeEscape(into, c); break;
            }
        }

        into.Append(text[runStart..]);
        into.Append('"');

        if (literal.Language is { } language)
        {
            if (!IsLanguageTag(language))
            {
                throw RdfErrors.InvalidLanguageTag(language, position);
            }

            into.Append('@');
            into.Append(language);
        }
        else if (literal.Datatype is { } datatype && !string.Equals(datatype, RdfVocabulary.XsdString, StringComparison.Ordinal))
        {
            into.Append("^^");
            AppendIri(into, datatype, position, isDatatype: true);
        }
    }

    private static int EstimateLength(RdfQuad quad) =>
        quad.Subject.Value.Length + quad.Predicate.Value.Length + quad.Object.Value.Length +
        (quad.Object.Datatype?.Length ?? 0) + quad.Graph.Value.Length + 24;

    // ---------------------------------------------------------------- character classes (RDF 1.1 N-Quads grammar)

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

    // ---------------------------------------------------------------- parsing

    /// <summary>A recursive-descent reader over one document; one instance per call, so it is thread-safe.</summary>
    private sealed class Parser
    {
        private readonly string _text;
        private readonly List<RdfQuad> _quads = [];
        private readonly StringBuilder _scratch = new();
        private int _position;
        private int _line = 1;
        private int _lineStart;

        public Parser(string text) => _text = text;

        public IReadOnlyList<RdfQuad> ParseDocument()
        {
            while (true)
            {
                SkipSpacesAndComment();
                if (_position >= _text.Length)
                {
                    return _quads;
                }

                if (IsLineEnd(_text[_position]))
                {
                    SkipLineEnd();
                    continue;
                }

                _quads.Add(ParseStatement());
                SkipSpacesAndComment();
                if (_position < _text.Length)
                {
                    if (!IsLineEnd(_text[_position]))
                    {
                        throw Error("expected the end of the line after ' .'");
                    }

                    SkipLineEnd();
                }
            }
        }

        private RdfQuad ParseStatement()
        {
            var subject = Peek() switch
            {
                '<' => RdfTerm.Iri(ReadIri()),
                '_' => RdfTerm.BlankNode(ReadBlankNodeLabel()),
                _ => throw Error("expected a subject: an IRI <...> or a blank node _:label"),
            };
            SkipSpaces();
            if (Peek() != '<')
            {
                throw Error("expected a predicate: an IRI <...>");
            }

            var predicate = RdfTerm.Iri(ReadIri());
            SkipSpaces();
            var @object = Peek() switch
            {
                '<' => RdfTerm.Iri(ReadIri()),
                '_' => RdfTerm.BlankNode(ReadBlankNodeLabel()),
                '"' => ReadLiteral(),
                _ => throw Error("expected an object: an IRI <...>, a blank node _:label or a literal \"...\""),
            };
            SkipSpaces();
            var graph = Peek() switch
            {
                '<' => RdfTerm.Iri(ReadIri()),
                '_' => RdfTerm.BlankNode(ReadBlankNodeLabel()),
                _ => RdfTerm.DefaultGraph,
            };
            SkipSpaces();
            if (Peek() != '.')
            {
                throw Error(graph.Kind == RdfTermKind.DefaultGraph
                    ? "expected a graph label (<...> or _:label) or the closing '.'"
                    : "expected the closing '.'");
            }

            _position++;
            return new RdfQuad(subject, predicate, @object, graph);
        }

        private string ReadIri()
        {
            // IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
            _position++;
            _scratch.Clear();
            while (true)
            {
                // Copy the run of ordinary characters up to the next one that needs a decision.
                var run = _text.AsSpan(_position).IndexOfAny(IriAttention);
                if (run < 0)
                {
                    _position = _text.Length;
                    throw Error("unterminated IRI: expected '>'");
                }

                _scratch.Append(_text, _position, run);
                _position += run;
                var c = _text[_position];
                if (c == '>')
                {
                    _position++;
                    return _scratch.ToString();
                }

                if (c == '\\')
                {
                    var escapeAt = _position;
                    var codePoint = ReadUnicodeEscape("IRI");
                    if (codePoint <= 0x20 || (codePoint < 0x80 && IsExcludedFromIri((char)codePoint)))
                    {
                        _position = escapeAt;
                        throw Error($"the escape in this IRI encodes {Describe(codePoint)}, which an IRI cannot contain");
                    }

                    AppendCodePoint(codePoint);
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    AppendChecked(c);
                    continue;
                }

                throw IsLineEnd(c) ? Error("unterminated IRI: expected '>'") : Error($"{Describe(c)} is not allowed in an IRI");
            }
        }

        private string ReadBlankNodeLabel()
        {
            if (_position + 1 >= _text.Length || _text[_position + 1] != ':')
            {
                throw Error("expected '_:' to start a blank node label");
            }

            _position += 2;
            var start = _position;
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '<' or '"' or '#' || IsLineEnd(c))
                {
                    break;
                }

                _position++;
            }

            // A '.' directly before the statement's closing " ." belongs to the statement, not the label.
            while (_position > start && _text[_position - 1] == '.')
            {
                _position--;
            }

            var label = _text[start.._position];
            if (!IsBlankNodeLabel(label))
            {
                _position = start;
                throw Error($"'_:{label}' is not a valid blank node label");
            }

            // RdfTerm stores labels without "_:" and strips one given with it, so "_:_:x" would silently become
            // the same node as "_:x" and merge two blank nodes: refuse it instead.
            if (label.StartsWith("_:", StringComparison.Ordinal))
            {
                _position = start;
                throw Error($"the blank node label '_:{label}' starts with '_:' again, which is not supported");
            }

            return label;
        }

        private RdfTerm ReadLiteral()
        {
            // STRING_LITERAL_QUOTE ::= '"' ([^#x22#x5C#xA#xD] | ECHAR | UCHAR)* '"'
            _position++;
            _scratch.Clear();
            while (true)
            {
                // Copy the run of ordinary characters up to the next quote, backslash, line end or surrogate.
                var run = _text.AsSpan(_position).IndexOfAny(LiteralParseStops);
                if (run < 0)
                {
                    _position = _text.Length;
                    throw Error("unterminated literal: expected '\"'");
                }

                _scratch.Append(_text, _position, run);
                _position += run;
                var c = _text[_position];
                if (IsLineEnd(c))
                {
                    throw Error("unterminated literal: expected '\"'");
                }

                if (c == '"')
                {
                    _position++;
                    break;
                }

                if (c != '\\')
                {
                    AppendChecked(c); // a surrogate: must be half of a pair
                    continue;
                }

                var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
                var shortEscape = next switch
                {
                    't' => '\t',
                    'b' => '\b',
                    'n' => '\n',
                    'r' => '\r',
                    'f' => '\f',
                    '"' => '"',
                    '\'' => '\'',
                    '\\' => '\\',
                    _ => (char?)null,
                };
                if (shortEscape is { } unescaped)
                {
                    _scratch.Append(unescaped);
                    _position += 2;
                    continue;
                }

                AppendCodePoint(ReadUnicodeEscape("literal"));
            }

            var lexicalForm = _scratch.ToString();
            if (Peek() == '@')
            {
                return RdfTerm.Literal(lexicalForm, language: ReadLanguageTag());
            }

            if (Peek() == '^')
            {
                if (_position + 1 >= _text.Length || _text[_position + 1] != '^')
                {
                    throw Error("expected '^^' before the datatype IRI");
                }

                _position += 2;
                if (Peek() != '<')
                {
                    throw Error("expected the datatype IRI <...> after '^^'");
                }

                return RdfTerm.Literal(lexicalForm, datatype: ReadIri());
            }

            return RdfTerm.Literal(lexicalForm);
        }

        private string ReadLanguageTag()
        {
            // LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
            var start = ++_position;
            while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '-'))
            {
                _position++;
            }

            var tag = _text[start.._position];
            if (!IsLanguageTag(tag))
            {
                _position = start;
                throw Error($"'@{tag}' is not a valid language tag");
            }

            return tag;
        }

        /// <summary>Reads <c>\uXXXX</c> or <c>\UXXXXXXXX</c> at the current backslash and returns the code point.</summary>
        private int ReadUnicodeEscape(string where)
        {
            var kind = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
            var digits = kind switch
            {
                'u' => 4,
                'U' => 8,
                _ => 0,
            };
            if (digits == 0)
            {
                throw Error(where == "IRI"
                    ? "only \\uXXXX and \\UXXXXXXXX escapes are allowed in an IRI"
                    : "unknown escape: expected one of \\t \\b \\n \\r \\f \\\" \\' \\\\ \\uXXXX \\UXXXXXXXX");
            }

            // Parsed as a long: eight hex digits can exceed int.MaxValue, which int would wrap to a negative.
            if (_position + 2 + digits > _text.Length ||
                !long.TryParse(_text.AsSpan(_position + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint))
            {
                throw Error($"\\{kind} must be followed by {digits} hexadecimal digits");
            }

            if (codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
            {
                throw Error($"\\{kind}{_text.Substring(_position + 2, digits)} is not a Unicode scalar value");
            }

            _position += 2 + digits;
            return (int)codePoint;
        }

        private void AppendCodePoint(int codePoint)
        {
            if (codePoint < 0x10000)
            {
                _scratch.Append((char)codePoint);
            }
            else
            {
                _scratch.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        /// <summary>Appends a literal character, taking a surrogate pair whole and refusing a lone surrogate.</summary>
        private void AppendChecked(char c)
        {
            if (char.IsSurrogate(c))
            {
                if (!IsSurrogatePairAt(_text, _position))
                {
                    throw Error($"lone surrogate U+{(int)c:X4}");
                }

                _scratch.Append(c).Append(_text[_position + 1]);
                _position += 2;
                return;
            }

            _scratch.Append(c);
            _position++;
        }

        private void SkipSpaces()
        {
            while (_position < _text.Length && _text[_position] is ' ' or '\t')
            {
                _position++;
            }
        }

        private void SkipSpacesAndComment()
        {
            SkipSpaces();
            if (_position < _text.Length && _text[_position] == '#')
            {
                while (_position < _text.Length && !IsLineEnd(_text[_position]))
                {
                    _position++;
                }
            }
        }

        private void SkipLineEnd()
        {
            // EOL ::= [#xD#xA]+ ; CR LF counts as one line end, a lone CR or LF as one each.
            var c = _text[_position++];
            if (c == '\r' && _position < _text.Length && _text[_position] == '\n')
            {
                _position++;
            }

            _line++;
            _lineStart = _position;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private static bool IsLineEnd(char c) => c is '\n' or '\r';

        private FormatException Error(string problem) =>
            RdfErrors.ParseError(_line, _position - _lineStart + 1, problem);
    }
}
