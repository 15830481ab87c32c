using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Support;
using OpenBadges.Elm;

namespace OpenBadges.Tests.Elm;

/// <summary>Each Annex I element of the Dutch sample is found at its ELM path (docs/elm-mapping.md is the same table).</summary>
public sealed class ElmMappingTests
{
    private const string Claim = "credentialSubject.hasClaim[0].";
    private const string Spec = Claim + "specifiedBy.";
    private const string Body = Claim + "awardedBy.awardingBody.";

    private static readonly Lazy<(JObject Ob, JObject Elm)> Pair = new(() =>
    {
        var ob = ElmExportTests.Sample();
        return (ob, ElmExport.ToElm(ob, new ElmExportOptions { Learner = new ElmLearner("Sanne", "de Vries"), LearningSetting = ElmLearningSetting.NonFormal }));
    });

    /// <summary>element, OB 3.0 path (the expected value's source; null when <paramref name="expected"/> is given), ELM path, expected value.</summary>
    [Theory]
    [InlineData("M1", "credentialSubject.id", "credentialSubject.id", null)]
    [InlineData("M1", null, "credentialSubject.givenName.en", "Sanne")]
    [InlineData("M1", null, "credentialSubject.familyName.en", "de Vries")]
    [InlineData("M1", null, "credentialSubject.type", "Person")]
    [InlineData("M2", "credentialSubject.achievement.name", Claim + "title.en", null)]
    [InlineData("M2", "credentialSubject.achievement.name", Spec + "title.en", null)]
    [InlineData("M3", null, Body + "location[0].address[0].countryCode.id", "http://publications.europa.eu/resource/authority/country/NLD")]
    [InlineData("M3", null, Body + "location[0].address[0].countryCode.inScheme.id", ElmVocabularies.CountryScheme)]
    [InlineData("M3", "issuer.address.addressCountryCode", "issuer.location[0].address[0].countryCode.notation", null)]
    [InlineData("M4", "issuer.name", Body + "legalName.en", null)]
    [InlineData("M4", "issuer.id", Body + "id", null)]
    [InlineData("M4", "issuer.url", Body + "homepage[0].contentURL", null)]
    [InlineData("M4", "issuer.otherIdentifier[0].identifier", Body + "identifier[0].notation", null)]
    [InlineData("M4", "issuer.name", "issuer.legalName.en", null)]
    [InlineData("M5", "awardedDate", Claim + "awardedBy.awardingDate", null)]
    [InlineData("M5", "validFrom", "validFrom", null)]
    [InlineData("M5", "validFrom", "issued", null)]
    [InlineData("M6", "credentialSubject.achievement.alignment[0].targetName", Spec + "learningOutcome[0].title.en", null)]
    [InlineData("M6", "credentialSubject.achievement.alignment[0].targetUrl", Spec + "learningOutcome[0].relatedESCOSkill[0].id", null)]
    [InlineData("M6", "credentialSubject.achievement.alignment[1].targetUrl", Spec + "learningOutcome[1].relatedESCOSkill[0].id", null)]
    [InlineData("M6", "credentialSubject.achievement.criteria.narrative", Spec + "learningOutcomeSummary.noteLiteral.en", null)]
    [InlineData("M7", null, Spec + "creditPoint[0].point", "5")]
    [InlineData("M7", null, Spec + "creditPoint[0].framework.id", ElmVocabularies.Ects)]
    [InlineData("M8", null, Spec + "educationLevel[0].id", "http://data.europa.eu/snb/eqf/6")]
    [InlineData("M8", null, Spec + "educationLevel[0].inScheme.id", ElmVocabularies.EqfScheme)]
    [InlineData("M9", "credentialSubject.achievement.assessmentType", Claim + "provenBy[0].dcType[0].prefLabel.en", null)]
    [InlineData("M9", null, Claim + "provenBy[0].dcType[0].id", ElmVocabularies.AssessmentPractical)]
    [InlineData("M9", "credentialSubject.achievement.assessmentType", Spec + "provenBy[0].dcType.prefLabel.en", null)]
    [InlineData("M10", null, Spec + "mode[0].id", ElmVocabularies.ModePresential)]
    [InlineData("M10", null, Spec + "mode[1].id", ElmVocabularies.ModeBlended)]
    [InlineData("M10", null, Spec + "learningSetting.id", ElmVocabularies.LearningSettingNonFormal)]
    [InlineData("M10", null, Spec + "additionalNote[?(@.noteLiteral.en == 'Form of participation: onsite or blended')].type", "Note")]
    [InlineData("M11", "credentialSubject.achievement.alignment[3].targetUrl", Spec + "supplementaryDocument[0].contentURL", null)]
    [InlineData("M11", "credentialSubject.achievement.alignment[3].targetName", Spec + "supplementaryDocument[0].title.en", null)]
    [InlineData("O1", "credentialSubject.achievement.prerequisites", Spec + "entryRequirement.noteLiteral.en", null)]
    [InlineData("O2", null, Spec + "additionalNote[?(@.noteLiteral.en == 'Supervision and identity check: onsite with identity verification; identity checked')].type", "Note")]
    [InlineData("O3", "credentialSubject.result[0].value", Claim + "provenBy[0].grade.noteLiteral.en", null)]
    [InlineData("O3", "credentialSubject.achievement.resultDescription[0].name", Claim + "provenBy[0].title.en", null)]
    [InlineData("O4", null, Spec + "additionalNote[?(@.noteLiteral.en == 'Stackability: stackable')].type", "Note")]
    [InlineData("O4", "credentialSubject.achievement.alignment[4].targetName", Spec + "isPartOf[0].title.en", null)]
    [InlineData("O5", "credentialSubject.achievement.description", Spec + "description.en", null)]
    [InlineData("O5", "credentialSubject.achievement.otherIdentifier[0].identifier", Spec + "identifier.notation", null)]
    [InlineData("O5", "credentialSubject.achievement.criteria.id", Spec + "provenBy[0].homepage[0].contentURL", null)]
    [InlineData("language", null, Spec + "language[0].id", "http://publications.europa.eu/resource/authority/language/ENG")]
    [InlineData("language", null, "displayParameter.primaryLanguage.id", "http://publications.europa.eu/resource/authority/language/ENG")]
    public void Each_element_is_at_its_ELM_path(string element, string? obPath, string elmPath, string? expected)
    {
        var (ob, elm) = Pair.Value;
        expected ??= (string?)ob.SelectToken(obPath!, errorWhenNoMatch: true);
        Assert.False(string.IsNullOrEmpty(expected), $"{element}: nothing at {obPath} in the OB credential");
        Assert.True(expected == (string?)elm.SelectToken(elmPath), $"{element}: expected '{expected}' at {elmPath}, found '{elm.SelectToken(elmPath)}'");
    }

    [Fact]
    public void The_alignment_indexes_the_table_relies_on_are_the_sample_s()
    {
        var alignment = (JArray)Pair.Value.Ob.SelectToken("credentialSubject.achievement.alignment")!;
        Assert.Equal(["ext:LearningOutcome", "ext:LearningOutcome", "ext:EQF", "ext:QualityAssurance", "ceterms:Credential"], alignment.Select(a => (string?)a["targetType"]));
    }

    [SharedDataFact]
    public void The_DC4EU_ELM_type_metadata_paths_resolve_except_the_und_language_key_the_EDC_schema_forbids()
    {
        var metadata = JObject.Parse(File.ReadAllText(SharedData.Conformance("eudi-dc4eu/metadata/vctm_elm.json")));
        var wrapped = new JObject { ["elm"] = Pair.Value.Elm };
        var paths = metadata["claims"]!.Select(c => string.Join(".", c["path"]!.Values<string>())).ToList();
        Assert.Equal(3, paths.Count);
        foreach (var path in paths)
        {
            if (path.EndsWith(".und", StringComparison.Ordinal))
            {
                // DC4EU's example writes person names under "und"; the EDC schema's language-map keys are ISO 639-1 codes
                // only, so the export writes the credential's language and a wallet finds the name one key over.
                Assert.Null(wrapped.SelectToken(path));
                Assert.NotNull(wrapped.SelectToken(path[..^".und".Length] + ".en"));
                Assert.DoesNotMatch(EdcSchema.LanguageKeyPattern, "und");
                var withUnd = (JObject)Pair.Value.Elm.DeepClone();
                withUnd["credentialSubject"]!["givenName"] = new JObject { ["und"] = "Sanne" };
                Assert.NotEmpty(EdcSchema.Validate(withUnd));
            }
            else
            {
                Assert.Equal("Hogeschool Rijnland", (string?)wrapped.SelectToken(path));
            }
        }
    }
}
