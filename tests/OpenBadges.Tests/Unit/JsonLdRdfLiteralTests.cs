using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Rdf;

namespace OpenBadges.Tests.Unit;

/// <summary>Native JSON values to RDF literals (JSON-LD 1.1 API 8.2.2 steps 9 to 12).</summary>
public sealed class JsonLdRdfLiteralTests
{
    [Theory]
    [InlineData("5", "5", RdfVocabulary.XsdInteger)]
    [InlineData("5.0", "5", RdfVocabulary.XsdInteger)]
    [InlineData("-0.0", "0", RdfVocabulary.XsdInteger)]
    // Integers are kept exactly as written (JavaScript would round those above 2^53 to a double first).
    [InlineData("123456789012345678901", "123456789012345678901", RdfVocabulary.XsdInteger)]
    [InlineData("999999999999999999999", "999999999999999999999", RdfVocabulary.XsdInteger)]
    [InlineData("1000000000000000000000", "1.0E21", RdfVocabulary.XsdDouble)]
    [InlineData("1e20", "100000000000000000000", RdfVocabulary.XsdInteger)]
    [InlineData("1e21", "1.0E21", RdfVocabulary.XsdDouble)]
    [InlineData("1.5", "1.5E0", RdfVocabulary.XsdDouble)]
    [InlineData("-2.5e-3", "-2.5E-3", RdfVocabulary.XsdDouble)]
    [InlineData("0.1", "1.0E-1", RdfVocabulary.XsdDouble)]
    [InlineData("true", "true", RdfVocabulary.XsdBoolean)]
    [InlineData("false", "false", RdfVocabulary.XsdBoolean)]
    public void NativeValues(string json, string lexical, string datatype)
    {
        var literal = ObjectOf($$"""{"@id": "http://ex/s", "http://ex/p": {{json}}}""");

        Assert.Equal(lexical, literal.Value);
        Assert.Equal(datatype, literal.Datatype);
    }

    [Theory]
    [InlineData("1", "1.0E0")]
    [InlineData("2.0", "2.0E0")]
    [InlineData("2.25", "2.25E0")]
    public void NumbersCoercedToDoubleAlwaysUseTheDoubleForm(string json, string lexical)
    {
        var literal = ObjectOf($$"""{"@context": {"p": {"@id": "http://ex/p", "@type": "http://www.w3.org/2001/XMLSchema#double"} }, "@id": "http://ex/s", "p": {{json}}}""");

        Assert.Equal(lexical, literal.Value);
        Assert.Equal(RdfVocabulary.XsdDouble, literal.Datatype);
    }

    [Theory]
    [InlineData("7", "7")]
    [InlineData("7.0", "7")]
    [InlineData("7.5", "7.5E0")]
    public void OtherCoercionsKeepTheIntegerOrDoubleRule(string json, string lexical)
    {
        var literal = ObjectOf($$"""{"@context": {"p": {"@id": "http://ex/p", "@type": "http://ex/myNumber"} }, "@id": "http://ex/s", "p": {{json}}}""");

        Assert.Equal(lexical, literal.Value);
        Assert.Equal("http://ex/myNumber", literal.Datatype);
    }

    [Fact]
    public void StringsAndLanguages()
    {
        var plain = ObjectOf("""{"@id": "http://ex/s", "http://ex/p": "text"}""");
        var tagged = ObjectOf("""{"@context": {"@language": "EN-gb"}, "@id": "http://ex/s", "http://ex/p": "text"}""");

        Assert.Equal(RdfVocabulary.XsdString, plain.Datatype);
        Assert.Equal("en-gb", tagged.Language);
        Assert.Equal(RdfVocabulary.LangString, tagged.Datatype);
    }

    [Theory]
    [InlineData(null, "\"text\"@en")]
    [InlineData("i18n-datatype", "\"text\"^^<https://www.w3.org/ns/i18n#en_rtl>")]
    public void DirectionOptions(string? rdfDirection, string expected)
    {
        var document = JsonInput.Parse("""{"@id": "http://ex/s", "http://ex/p": {"@value": "text", "@language": "en", "@direction": "rtl"}}""");

        var quad = Assert.Single(JsonLdProcessor.ToRdf(document, new JsonLdOptions { RdfDirection = rdfDirection }));

        Assert.Equal(expected, quad.Object.ToString());
    }

    [Fact]
    public void CompoundLiteralDirection()
    {
        var document = JsonInput.Parse("""{"@id": "http://ex/s", "http://ex/p": {"@value": "text", "@language": "en", "@direction": "rtl"}}""");

        var quads = JsonLdProcessor.ToRdf(document, new JsonLdOptions { RdfDirection = "compound-literal" });

        Assert.Equal(4, quads.Count);
        Assert.Contains(quads, q => q.Predicate.Value == RdfVocabulary.Direction && q.Object.Value == "rtl");
        Assert.Contains(quads, q => q.Predicate.Value == RdfVocabulary.Language && q.Object.Value == "en");
    }

    private static RdfTerm ObjectOf(string json) => Assert.Single(JsonLdProcessor.ToRdf(JsonInput.Parse(json))).Object;
}
