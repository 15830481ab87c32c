using System.Globalization;
using System.Text;

namespace OpenBadges.Rdf;

// Writing canonical N-Quads (the rules in NQuads.cs's summary), for the public API and for the canonicalizer.
public static partial class NQuads
{
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
}
