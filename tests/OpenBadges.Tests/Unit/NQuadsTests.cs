using OpenBadges.Rdf;

namespace OpenBadges.Tests.Unit;

public sealed class NQuadsTests
{
    private static readonly RdfTerm S = RdfTerm.Iri("urn:ex:s");
    private static readonly RdfTerm P = RdfTerm.Iri("urn:ex:p");

    [Theory]
    // Canonical N-Quads (RDF 1.1 N-Triples canonical form as RDFC-1.0 uses it): \" \\ \n \r and \b \t \f as
    // short escapes, the other C0 controls and DEL as \u with upper-case hex, everything else literally.
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("line\nfeed\rreturn", "\"line\\nfeed\\rreturn\"")]
    [InlineData("\t\b\f", "\"\\t\\b\\f\"")]
    [InlineData("\u0000\u0001\u000B\u000E\u001F\u007F", "\"\\u0000\\u0001\\u000B\\u000E\\u001F\\u007F\"")]
    [InlineData("' < > { } | ^ ` \u0080 \u00A0 \u2028 € 😀", "\"' < > { } | ^ ` \u0080 \u00A0 \u2028 € 😀\"")]
    public void Literal_escaping_is_canonical(string lexicalForm, string expectedTerm)
    {
        var line = NQuads.Serialize(new RdfQuad(S, P, RdfTerm.Literal(lexicalForm)));
        Assert.Equal($"<urn:ex:s> <urn:ex:p> {expectedTerm} .\n", line);
    }

    [Fact]
    public void Writes_datatypes_language_tags_blank_nodes_and_graphs()
    {
        var quads = new[]
        {
            new RdfQuad(RdfTerm.BlankNode("b0"), P, RdfTerm.Literal("1", RdfVocabulary.XsdInteger), RdfTerm.Iri("urn:ex:g")),
            new RdfQuad(S, P, RdfTerm.Literal("chat", language: "fr-CA"), RdfTerm.BlankNode("_:g1")),
            new RdfQuad(S, P, RdfTerm.Literal("s", RdfVocabulary.XsdString)),
        };

        Assert.Equal(
            "_:b0 <urn:ex:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:ex:g> .\n" +
            "<urn:ex:s> <urn:ex:p> \"chat\"@fr-CA _:g1 .\n" +
            "<urn:ex:s> <urn:ex:p> \"s\" .\n",
            NQuads.Serialize(quads));
    }

    [Fact]
    public void Write_to_a_text_writer_matches_serialize()
    {
        var quad = new RdfQuad(S, P, RdfTerm.Literal("x\ny"));
        using var writer = new StringWriter();
        NQuads.Write(quad, writer);
        Assert.Equal(NQuads.Serialize(quad), writer.ToString());
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("urn:ex:a>b")]
    [InlineData("urn:ex:\n")]
    [InlineData("urn:ex:\"")]
    [InlineData("urn:ex:{x}")]
    public void Writer_refuses_iris_that_canonical_nquads_cannot_hold(string iri)
    {
        var error = Assert.Throws<ArgumentException>(() => NQuads.Serialize(new RdfQuad(RdfTerm.Iri(iri), P, S)));
        Assert.Contains("subject", error.Message);
    }

    [Fact]
    public void Writer_refuses_lone_surrogates_bad_labels_and_bad_language_tags()
    {
        Assert.Throws<ArgumentException>(() => NQuads.Serialize(new RdfQuad(S, P, RdfTerm.Literal("x\uD800y"))));
        Assert.Throws<ArgumentException>(() => NQuads.Serialize(new RdfQuad(RdfTerm.BlankNode("has space"), P, S)));
        Assert.Throws<ArgumentException>(() => NQuads.Serialize(new RdfQuad(RdfTerm.BlankNode("ends."), P, S)));
        Assert.Throws<ArgumentException>(() => NQuads.Serialize(new RdfQuad(S, P, RdfTerm.Literal("x", language: "en US"))));
    }

    [Fact]
    public void Parse_refuses_a_lone_surrogate()
    {
        // (Not an InlineData case: test data serialization would replace the lone surrogate.)
        var error = Assert.Throws<FormatException>(() => NQuads.Parse("<urn:ex:s> <urn:ex:p> \"x\uD800\" .\n"));
        Assert.Contains("lone surrogate", error.Message);
    }

    [Fact]
    public void Parses_the_full_grammar()
    {
        const string document =
            "# a comment line\n" +
            "\n" +
            "<urn:ex:\\u0073> <urn:ex:p> \"tab\\there \\u00E9 \\U0001F600 \\\" \\' \\\\\" . # trailing comment\r\n" +
            "_:b0 <urn:ex:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:ex:g> .\r" +
            "\t_:b1.x <urn:ex:p> \"chat\"@fr-CA _:g .\n" +
            "<urn:ex:s><urn:ex:p>_:o.\n" +
            "<urn:ex:s> <urn:ex:p> \"\" .";

        var quads = NQuads.Parse(document);

        Assert.Equal(5, quads.Count);
        Assert.Equal(new RdfQuad(S, P, RdfTerm.Literal("tab\there \u00E9 \U0001F600 \" ' \\")), quads[0]);
        Assert.Equal(new RdfQuad(RdfTerm.BlankNode("b0"), P, RdfTerm.Literal("1", RdfVocabulary.XsdInteger), RdfTerm.Iri("urn:ex:g")), quads[1]);
        Assert.Equal(new RdfQuad(RdfTerm.BlankNode("b1.x"), P, RdfTerm.Literal("chat", language: "fr-CA"), RdfTerm.BlankNode("g")), quads[2]);
        Assert.Equal(new RdfQuad(S, P, RdfTerm.BlankNode("o")), quads[3]);
        Assert.Equal(new RdfQuad(S, P, RdfTerm.Literal(string.Empty)), quads[4]);
        Assert.Equal(RdfVocabulary.LangString, quads[2].Object.Datatype);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("\"\\\r\n\t\b\f\u0000\u001F\u007F")]
    [InlineData("é € 😀 \u2028 \uFFFD")]
    [InlineData("\\u0041 is not an escape once escaped")]
    public void Literals_round_trip(string lexicalForm)
    {
        var quad = new RdfQuad(RdfTerm.BlankNode("b0"), P, RdfTerm.Literal(lexicalForm), RdfTerm.Iri("urn:ex:g"));
        Assert.Equal(quad, Assert.Single(NQuads.Parse(NQuads.Serialize(quad))));
    }

    [Theory]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n<urn:ex:s> <urn:ex:p> \"unterminated .\n", 2, "unterminated literal")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\n\n# comment\n<urn:ex:s> <urn:ex:p> <urn:ex:o>\n", 4, "'.'")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"x\"@ .\n", 1, "language tag")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"\\q\" .\n", 1, "unknown escape")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"\\u12\" .\n", 1, "hexadecimal")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"\\U00110000\" .\n", 1, "Unicode scalar")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:a b> .\n", 1, "not allowed in an IRI")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:\\u0020> .\n", 1, "IRI cannot contain")]
    [InlineData("<urn:ex:s>\r\n<urn:ex:s> \"lit\" <urn:ex:o> .\r\n", 1, "predicate")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o> .\r\n\"lit\" <urn:ex:p> <urn:ex:o> .\r\n", 2, "subject")]
    [InlineData("_:a <urn:ex:p> <urn:ex:o> . <urn:ex:s> <urn:ex:p> <urn:ex:o> .\n", 1, "end of the line")]
    [InlineData("_:-a <urn:ex:p> <urn:ex:o> .\n", 1, "blank node label")]
    [InlineData("_:x <urn:ex:p> _:_:x .\n", 1, "starts with '_:'")]
    [InlineData("<urn:ex:s> <urn:ex:p> <urn:ex:o>", 1, "'.'")]
    [InlineData("<urn:ex:s> <urn:ex:p> \"x\"^<urn:ex:dt> .\n", 1, "'^^'")]
    public void Parse_errors_name_the_line(string document, int line, string rule)
    {
        var error = Assert.Throws<FormatException>(() => NQuads.Parse(document));
        Assert.StartsWith($"N-Quads line {line}, column ", error.Message);
        Assert.Contains(rule, error.Message);
    }
}
