using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Model;

namespace OpenBadges.Tests.Unit;

public sealed class MicroCredentialBuilderTests
{
    private const string Achievement = "$.credentialSubject.achievement";

    [Fact]
    public void Complete_dutch_higher_education_credential_builds()
    {
        var builder = MicroCredentialTestData.CompleteDutchHigherEducation();

        Assert.Empty(builder.Validate());
        var json = builder.Build().ToJObject();

        Assert.Equal(EmbeddedContexts.CredentialsV2, (string?)json["@context"]![0]);
        Assert.Equal(EmbeddedContexts.OpenBadgesV303, (string?)json["@context"]![1]);
        Assert.True(MicroCredentialContext.IsExtensionContext(json["@context"]![2]!));
        Assert.Equal(3, ((JArray)json["@context"]!).Count);
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], json["type"]!.Values<string>());
        Assert.Equal("urn:uuid:5b0f7a52-8f6e-4c59-9d1e-0d7a6f3c2b11", (string?)json["id"]);
        Assert.Equal("Data Ethics in Practice", (string?)json["name"]);
        Assert.Equal("2025-06-30T12:00:00Z", (string?)json["validFrom"]);
        Assert.Equal("2025-06-30T12:00:00Z", (string?)json["awardedDate"]);

        var issuer = json["issuer"]!;
        Assert.Equal("did:web:edubadges.example.nl:issuers:uu", (string?)issuer["id"]);
        Assert.Equal(["Profile"], issuer["type"]!.Values<string>());
        Assert.Equal("NL", (string?)issuer["address"]!["addressCountryCode"]);
        Assert.Equal("ext:BRIN", (string?)issuer["otherIdentifier"]![0]!["identifierType"]);
        Assert.Equal("21PD", (string?)issuer["otherIdentifier"]![0]!["identifier"]);

        var subject = json["credentialSubject"]!;
        Assert.Equal("did:example:learner:8d1f", (string?)subject["id"]);
        var identity = subject["identifier"]![0]!;
        Assert.True((bool)identity["hashed"]!);
        Assert.StartsWith("sha256$", (string?)identity["identityHash"]);
        Assert.Equal(
            IdentityObject.ComputeSha256Hash("j.jansen@students.example.nl", (string?)identity["salt"]),
            (string?)identity["identityHash"]);

        var achievement = subject["achievement"]!;
        Assert.Equal(["Achievement", "EuropeanMicroCredential"], achievement["type"]!.Values<string>());
        Assert.Equal("MicroCredential", (string?)achievement["achievementType"]);
        Assert.Equal(JTokenType.Integer, achievement["ECTS"]!.Type);
        Assert.Equal(5, (int)achievement["ECTS"]!);
        Assert.Equal(JTokenType.Integer, achievement["creditsAvailable"]!.Type);
        Assert.Equal("portfolio", (string?)achievement["assessmentType"]);
        Assert.Equal("onsite or blended", (string?)achievement["participationType"]);
        Assert.Equal("onsite with identity verification", (string?)achievement["supervisionType"]);
        Assert.True((bool)achievement["identityChecked"]!);
        Assert.Equal("stackable", (string?)achievement["stackability"]);
        Assert.Equal("66980", (string?)achievement["otherIdentifier"]![0]!["identifier"]);
        Assert.Equal("The learner can assess data projects against ethical principles and the GDPR.", (string?)achievement["criteria"]!["narrative"]);

        var alignments = (JArray)achievement["alignment"]!;
        Assert.Equal(
            ["ext:LearningOutcome", "ext:LearningOutcome", "ext:EQF", "ext:QualityAssurance", "ceterms:Credential"],
            alignments.Select(a => (string?)a["targetType"]));
        Assert.Equal("ESCO", (string?)alignments[0]["targetFramework"]);
        Assert.Equal("http://data.europa.eu/snb/eqf/6", (string?)alignments[2]["targetUrl"]);
        Assert.Equal("6", (string?)alignments[2]["targetCode"]);
        Assert.Equal((string?)achievement["resultDescription"]![0]!["id"], (string?)subject["result"]![0]!["resultDescription"]);
    }

    [Fact]
    public void Built_credential_round_trips_through_the_model()
    {
        var json = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();

        Assert.True(JToken.DeepEquals(json, OpenBadgeCredential.FromJson(json).ToJObject()));
    }

    [Theory]
    [InlineData("M1", "$.credentialSubject")]
    [InlineData("M2", Achievement + ".name")]
    [InlineData("M3", "$.issuer.address.addressCountryCode")]
    [InlineData("M4", "$.issuer.id")]
    [InlineData("M5", "$.validFrom")]
    [InlineData("M6", Achievement + ".alignment[?(@.targetType=='ext:LearningOutcome')]")]
    [InlineData("M7", Achievement + ".ECTS")]
    [InlineData("M8", Achievement + ".alignment[?(@.targetType=='ext:EQF')]")]
    [InlineData("M9", Achievement + ".assessmentType")]
    [InlineData("M10", Achievement + ".participationType")]
    [InlineData("M11", Achievement + ".alignment[?(@.targetType=='ext:QualityAssurance')]")]
    public void Each_missing_mandatory_element_is_named_with_its_code_and_path(string element, string path)
    {
        var builder = MicroCredentialTestData.CompleteDutchHigherEducation(without: element);

        var error = Assert.Throws<MicroCredentialValidationException>(() => builder.Build());

        Assert.Contains(error.Problems, p => p.Element == element && p.JsonPath == path);
        Assert.All(error.Problems, p => Assert.Equal(element, p.Element));
        Assert.Contains($"{element} {path}:", error.Message);
    }

    [Fact]
    public void An_empty_builder_names_every_mandatory_element_in_one_exception()
    {
        var error = Assert.Throws<MicroCredentialValidationException>(() => new MicroCredentialBuilder().Build());

        var elements = error.Problems.Select(p => p.Element).Distinct().ToList();
        Assert.Equal(["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "OB"], elements);
        foreach (var problem in error.Problems)
        {
            Assert.Contains(problem.ToString(), error.Message);
        }
    }

    public static TheoryData<string, Action<MicroCredentialBuilder>, string, string, string> InvalidValues() => new()
    {
        { "EQF 9", b => b.WithEqfLevel(9), "M8", Achievement + ".alignment[2].targetCode", "1 to 8" },
        { "EQF 0", b => b.WithEqfLevel(0), "M8", Achievement + ".alignment[2].targetCode", "1 to 8" },
        { "ECTS 0", b => b.WithEcts(0), "M7", Achievement + ".ECTS", "greater than 0" },
        { "ECTS 2.3", b => b.WithEcts(2.3m), "M7", Achievement + ".ECTS", "steps of 0.5" },
        { "ECTS 31", b => b.WithEcts(31), "M7", Achievement + ".ECTS", "3 to 30" },
        { "country nl", b => b.WithIssuerCountry("nl"), "M3", "$.issuer.address.addressCountryCode", "'NL'" },
        { "country XX", b => b.WithIssuerCountry("XX"), "M3", "$.issuer.address.addressCountryCode", "not an assigned" },
        { "date without zone", b => b.WithIssuedOn("2025-06-30T12:00:00"), "M5", "$.validFrom", "zone" },
        { "date only", b => b.WithIssuedOn("2025-06-30"), "M5", "$.validFrom", "zone" },
        { "language english", b => b.WithLanguage("english"), "OB", Achievement + ".inLanguage", "BCP 47" },
        { "dangling result", b => b.AddResult(new Result { Type = ["Result"], ResultDescription = "urn:uuid:nowhere", Value = "7" }), "O3", "$.credentialSubject.result[1].resultDescription", "urn:uuid:nowhere" },
        { "supervision disagrees", b => b.WithSupervision(SupervisionType.UnsupervisedWithNoIdentityVerification, identityChecked: true), "O2", Achievement + ".identityChecked", "must agree" },
        { "learner id not an IRI", b => b.WithLearnerId("jan jansen"), "M1", "$.credentialSubject.id", "absolute IRI" },
        { "issuer id not an IRI", b => b.WithIssuer("uu", "Universiteit Utrecht"), "M4", "$.issuer.id", "absolute IRI" },
        { "outcome without URL", b => b.AddLearningOutcome("communicate results", ""), "M6", Achievement + ".alignment[2].targetUrl", "targetUrl" },
        { "QA without name", b => b.AddQualityAssurance(" ", "https://www.nvao.net"), "M11", Achievement + ".alignment[4].targetName", "targetName" },
        { "validUntil before validFrom", b => b.WithValidUntil("2024-01-01T00:00:00Z"), "OB", "$.validUntil", "later than" },
        { "evidence without type", b => b.AddEvidence(new Evidence { Id = "https://portfolio.example.nl/1" }), "O5", "$.evidence[0].type", "'Evidence'" },
        { "result without type", b => b.AddResult(new Result { ResultDescription = "urn:uuid:3f1c7a40-1d2b-4d36-9a0e-6b7e2c9d4f01", Value = "8" }), "O3", "$.credentialSubject.result[1].type", "'Result'" },
        { "undefined enum", b => b.WithAssessmentType((AssessmentType)42), "M9", Achievement + ".assessmentType", "not a type of assessment" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Each_invalid_value_is_named(string because, Action<MicroCredentialBuilder> spoil, string element, string path, string ruleFragment)
    {
        var builder = MicroCredentialTestData.CompleteDutchHigherEducation();
        spoil(builder);

        var error = Assert.Throws<MicroCredentialValidationException>(() => builder.Build());

        Assert.True(
            error.Problems.Any(p => p.Element == element && p.JsonPath == path && p.Rule.Contains(ruleFragment, StringComparison.Ordinal)),
            $"{because}: expected {element} {path} ~ '{ruleFragment}', got:\n{error.Message}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(3.5)]
    [InlineData(30)]
    public void Dutch_higher_education_accepts_3_to_30_ec_in_half_steps(decimal ects)
    {
        Assert.Empty(MicroCredentialTestData.CompleteDutchHigherEducation().WithEcts(ects).Validate());
    }

    [Fact]
    public void European_profile_has_no_range_rule_and_accepts_study_hours_alone()
    {
        var builder = MicroCredentialTestData.CompleteDutchHigherEducation(without: "M7")
            .WithProfile(Profiles.European)
            .WithStudyHours(28);

        var achievement = builder.Build().ToJObject()["credentialSubject"]!["achievement"]!;

        Assert.Equal(28, (int)achievement["SBU"]!);
        Assert.Equal(28, (int)achievement["creditsAvailable"]!);
        Assert.Null(achievement["ECTS"]);
        Assert.Empty(MicroCredentialTestData.CompleteDutchHigherEducation().WithProfile(Profiles.European).WithEcts(2.3m).Validate());
    }

    [Fact]
    public void Dutch_vocational_requires_study_hours_not_ects()
    {
        var withEctsOnly = MicroCredentialTestData.CompleteDutchHigherEducation().WithProfile(Profiles.DutchVocational);
        var withHours = MicroCredentialTestData.CompleteDutchHigherEducation(without: "M7").WithProfile(Profiles.DutchVocational).WithStudyHours(140);

        var problem = Assert.Single(withEctsOnly.Validate());
        Assert.Equal(("M7", "$.credentialSubject.achievement.SBU"), (problem.Element, problem.JsonPath));
        Assert.Empty(withHours.Validate());
    }

    [Fact]
    public void Eqf_not_applicable_is_accepted_and_writes_no_level()
    {
        var json = MicroCredentialTestData.CompleteDutchHigherEducation(without: "M8").WithEqfLevelNotApplicable().Build().ToJObject();

        Assert.DoesNotContain(json.SelectTokens("$..alignment[*].targetType"), t => (string?)t == "ext:EQF");
    }

    [Fact]
    public void Identity_checked_defaults_from_the_supervision_type()
    {
        var json = MicroCredentialTestData.CompleteDutchHigherEducation()
            .WithSupervision(SupervisionType.SupervisedWithNoIdentityVerification)
            .Build().ToJObject();

        Assert.False((bool)json["credentialSubject"]!["achievement"]!["identityChecked"]!);
    }

    [Fact]
    public void Fractional_ects_is_written_without_trailing_zeros()
    {
        var achievement = MicroCredentialTestData.CompleteDutchHigherEducation().WithEcts(7.50m).Build().ToJObject()["credentialSubject"]!["achievement"]!;

        Assert.Equal("7.5", achievement["ECTS"]!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("7.5", achievement["creditsAvailable"]!.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void Date_with_offset_keeps_its_offset()
    {
        var json = MicroCredentialTestData.CompleteDutchHigherEducation()
            .WithIssuedOn(new DateTimeOffset(2025, 6, 30, 14, 0, 0, TimeSpan.FromHours(2)))
            .Build().ToJObject();

        Assert.Equal("2025-06-30T14:00:00+02:00", (string?)json["validFrom"]);
    }

    [Fact]
    public void Learner_identifier_can_be_plain_when_asked()
    {
        var json = MicroCredentialTestData.CompleteDutchHigherEducation()
            .WithLearnerStudentNumber("1234567", hashed: false)
            .Build().ToJObject();

        var plain = json["credentialSubject"]!["identifier"]![1]!;
        Assert.False((bool)plain["hashed"]!);
        Assert.Equal("1234567", (string?)plain["identityHash"]);
        Assert.Equal("ext:StudentNumber", (string?)plain["identityType"]);
    }

    [Fact]
    public void Values_outside_open_badges_vocabularies_are_refused_by_the_schema_check()
    {
        var builder = MicroCredentialTestData.CompleteDutchHigherEducation()
            .AddLearnerIdentifier("1234567", "studentNumber")
            .AddProgrammeIdentifier("66980", "CROHO");

        var error = Assert.Throws<MicroCredentialValidationException>(() => builder.Build());

        Assert.Equal(
            [("OB", "$.credentialSubject.achievement.otherIdentifier[1].identifierType"), ("OB", "$.credentialSubject.identifier[1].identityType")],
            error.Problems.Select(p => (p.Element, p.JsonPath)).Order());
        Assert.All(error.Problems, p => Assert.Contains("not an 'ext:' extension", p.Rule));
    }

    [Fact]
    public void Setters_refuse_null_as_misuse()
    {
        Assert.Throws<ArgumentException>(() => new MicroCredentialBuilder().WithTitle(null!));
        Assert.Throws<ArgumentNullException>(() => new MicroCredentialBuilder().AddLearningOutcome(null!, "https://x.example"));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("nl-NL", true)]
    [InlineData("en-EN", true)]
    [InlineData("sr-Latn-RS", true)]
    [InlineData("de-CH-1996", true)]
    [InlineData("x-private", true)]
    [InlineData("english", false)]
    [InlineData("e", false)]
    [InlineData("en_US", false)]
    [InlineData("en-", false)]
    [InlineData("", false)]
    public void Language_tags_are_checked_for_bcp47_syntax(string tag, bool valid)
    {
        var problems = MicroCredentialTestData.CompleteDutchHigherEducation().WithLanguage(tag).Validate();

        Assert.Equal(valid, problems.Count == 0);
    }
}
