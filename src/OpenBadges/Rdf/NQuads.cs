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
public static partial class NQuads
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
}
