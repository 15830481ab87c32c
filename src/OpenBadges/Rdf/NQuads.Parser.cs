using System.Globalization;
using System.Text;

namespace OpenBadges.Rdf;

// Reading N-Quads documents (NQuads.Parse).
public static partial class NQuads
{
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
