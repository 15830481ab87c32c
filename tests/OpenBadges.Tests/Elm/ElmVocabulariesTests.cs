using OpenBadges.Elm;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Elm;

public sealed class ElmVocabulariesTests
{
    [Theory]
    [InlineData("NL", "http://publications.europa.eu/resource/authority/country/NLD")]
    [InlineData("DE", "http://publications.europa.eu/resource/authority/country/DEU")]
    [InlineData("GB", "http://publications.europa.eu/resource/authority/country/GBR")]
    [InlineData("SE", "http://publications.europa.eu/resource/authority/country/SWE")]
    [InlineData("nl", null)]
    [InlineData("UK", null)]
    [InlineData("XX", null)]
    public void Countries_map_to_the_EU_authority_table_by_alpha_3(string alpha2, string? iri) =>
        Assert.Equal(iri, ElmVocabularies.Country(alpha2));

    [Theory]
    [InlineData("en", "http://publications.europa.eu/resource/authority/language/ENG")]
    [InlineData("nl", "http://publications.europa.eu/resource/authority/language/NLD")]
    [InlineData("de", "http://publications.europa.eu/resource/authority/language/DEU")]
    [InlineData("fr", "http://publications.europa.eu/resource/authority/language/FRA")]
    [InlineData("und", null)]
    [InlineData("EN", null)]
    public void Languages_map_to_the_EU_authority_table_by_ISO_639_2_T(string code, string? iri) =>
        Assert.Equal(iri, ElmVocabularies.Language(code));

    [Fact]
    public void EQF_levels_exist_for_1_to_8_only()
    {
        Assert.Equal("http://data.europa.eu/snb/eqf/8", ElmVocabularies.EqfLevel(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElmVocabularies.EqfLevel(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ElmVocabularies.EqfLevel(9));
    }

    [SharedDataFact]
    public void Every_language_key_the_export_can_write_is_one_the_EDC_schema_accepts()
    {
        var pattern = EdcSchema.LanguageKeyPattern;
        var keys = pattern.Trim('^', '$', '(', ')').Split('|');
        Assert.All(keys.Where(k => ElmVocabularies.Language(k) is not null), k => Assert.Matches(pattern, k));
        Assert.True(keys.Count(k => ElmVocabularies.Language(k) is not null) >= 180);
    }

    [Fact]
    public void A_credential_language_without_an_ISO_639_1_code_is_refused()
    {
        var credential = ElmExportTests.Sample();
        credential["credentialSubject"]!["achievement"]!["inLanguage"] = "gsw-CH";
        var error = Assert.Throws<ElmExportException>(() => ElmExport.ToElm(credential, new ElmExportOptions { Learner = new ElmLearner("A", "B") }));
        Assert.Equal(("language", "$.credentialSubject.achievement.inLanguage"), (error.Problems[0].Element, error.Problems[0].JsonPath));

        credential["credentialSubject"]!["achievement"]!["inLanguage"] = "nl-NL";
        var elm = ElmExport.ToElm(credential, new ElmExportOptions { Learner = new ElmLearner("A", "B") });
        Assert.Equal("A", (string?)elm.SelectToken("credentialSubject.givenName.nl"));
        Assert.Equal("http://publications.europa.eu/resource/authority/language/NLD", (string?)elm.SelectToken("displayParameter.primaryLanguage.id"));
    }
}
