using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Support;
using OpenBadges.Elm;
using OpenBadges.Model;

namespace OpenBadges.Tests.Elm;

public sealed class ElmExportTests
{
    private static readonly ElmExportOptions Options = new()
    {
        Learner = new ElmLearner("Sanne", "de Vries"),
        CredentialId = "urn:uuid:5b0f7a52-2f3e-4d4c-9a51-0c7e3f1d2b6a",
        LearningSetting = ElmLearningSetting.NonFormal,
    };

    private static string SpecPath(string name) => Path.Combine(SharedData.RepositoryRoot, "samples", "specs", name);

    internal static JObject Sample() => MicroCredentialSpec.Parse(File.ReadAllText(SpecPath("dutch-he-example.json"))).Build().ToJObject();

    private static JObject Achievement(JObject credential) => (JObject)credential["credentialSubject"]!["achievement"]!;

    private static ElmExportException Refused(JObject credential, ElmExportOptions? options = null) =>
        Assert.Throws<ElmExportException>(() => ElmExport.ToElm(credential, options ?? Options));

    [SharedDataFact]
    public void The_Dutch_sample_exports_to_ELM_that_passes_the_EDC_schema()
    {
        var elm = ElmExport.ToElm(Sample(), Options);
        Assert.Empty(EdcSchema.Validate(elm));
        Assert.Equal(["VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"], elm["type"]!.Values<string>());
        Assert.Equal(ElmExport.Contexts, elm["@context"]!.Values<string>());
    }

    [SharedDataFact]
    public void The_EDC_schema_check_can_fail()
    {
        var elm = ElmExport.ToElm(Sample(), Options);
        elm.Remove("issued");
        elm["credentialSubject"]!["hasClaim"]![0]!["awardedBy"]!["awardingBody"]!.Value<JObject>()!.Remove("legalName");
        var errors = EdcSchema.Validate(elm);
        Assert.Contains(errors, e => e.Contains("issued", StringComparison.Ordinal));
        Assert.NotEmpty(EdcSchema.Validate(new JObject { ["type"] = new JArray("VerifiableCredential") }));

        // additionalProperties false and const deep inside (a misspelt ELM property, a wrong node type) are caught too.
        var misspelt = ElmExport.ToElm(Sample(), Options);
        misspelt["credentialSubject"]!["hasClaim"]![0]!["specifiedBy"]!["learningOutcomes"] = new JArray();
        Assert.NotEmpty(EdcSchema.Validate(misspelt));
        var wrongType = ElmExport.ToElm(Sample(), Options);
        wrongType["credentialSubject"]!["hasClaim"]![0]!["specifiedBy"]!["creditPoint"]![0]!["type"] = "CreditPoints";
        Assert.NotEmpty(EdcSchema.Validate(wrongType));
    }

    [Fact]
    public void The_sample_without_M9_and_M11_is_refused_naming_both()
    {
        // The sample spec itself cannot be built (the builder names M9 and M11); the credential it describes, made by
        // removing both from the complete one, is refused by the export for the same two elements.
        var spec = MicroCredentialSpec.Parse(File.ReadAllText(SpecPath("missing-m9-m11.json")));
        Assert.Equal(["M9", "M11"], Assert.Throws<MicroCredentialValidationException>(() => spec.Build()).Problems.Select(p => p.Element).Distinct());

        var credential = Sample();
        var achievement = Achievement(credential);
        achievement.Remove("assessmentType");
        achievement["alignment"] = new JArray(((JArray)achievement["alignment"]!).Where(a => (string?)a["targetType"] != "ext:QualityAssurance"));
        Assert.Equal(["M9", "M11"], Refused(credential).Problems.Select(p => p.Element));
    }

    [Fact]
    public void A_hashed_learner_identity_is_refused_as_M1_when_no_name_is_supplied()
    {
        var error = Refused(Sample(), new ElmExportOptions { CredentialId = Options.CredentialId });
        var problem = Assert.Single(error.Problems);
        Assert.Equal(("M1", "$.credentialSubject.identifier[0]"), (problem.Element, problem.JsonPath));
        Assert.Contains("hashed", problem.Rule, StringComparison.Ordinal);
        Assert.Contains("M1 $.credentialSubject.identifier[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_name_alone_is_refused_as_M1_because_ELM_needs_given_and_family_name()
    {
        var credential = Sample();
        credential["credentialSubject"]!["identifier"] = new JArray(new JObject
        {
            ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = "Sanne de Vries",
        });
        var problem = Assert.Single(Refused(credential, new ElmExportOptions()).Problems);
        Assert.Equal("M1", problem.Element);
        Assert.Contains("given name and family name", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "de Vries", "given name")]
    [InlineData("Sanne", " ", "family name")]
    public void A_missing_given_or_family_name_is_refused_as_M1(string given, string family, string named)
    {
        var problem = Assert.Single(Refused(Sample(), new ElmExportOptions { Learner = new ElmLearner(given, family) }).Problems);
        Assert.Equal("M1", problem.Element);
        Assert.Contains(named, problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("six")]
    public void An_EQF_level_outside_1_to_8_is_refused_as_M8(string code)
    {
        var credential = Sample();
        var eqf = ((JArray)Achievement(credential)["alignment"]!).First(a => (string?)a["targetType"] == "ext:EQF");
        eqf["targetCode"] = code;
        eqf["targetUrl"] = "http://data.europa.eu/snb/eqf/" + code;
        var problem = Assert.Single(Refused(credential).Problems);
        Assert.Equal("M8", problem.Element);
        Assert.StartsWith("$.credentialSubject.achievement.alignment[", problem.JsonPath, StringComparison.Ordinal);
        Assert.Contains("1–8", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("XX")]
    [InlineData("NLD")]
    [InlineData("UK")]
    public void A_country_that_is_not_an_ISO_3166_code_is_refused_as_M3(string country)
    {
        var credential = Sample();
        credential["issuer"]!["address"]!["addressCountryCode"] = country;
        var problem = Assert.Single(Refused(credential).Problems);
        Assert.Equal(("M3", "$.issuer.address.addressCountryCode"), (problem.Element, problem.JsonPath));
        Assert.Contains("ISO 3166", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var credential = Sample();
        credential["issuer"]!["address"]!["addressCountryCode"] = "XX";
        Achievement(credential).Remove("participationType");
        var error = Refused(credential, new ElmExportOptions());
        Assert.Equal(["M1", "M3", "M10"], error.Problems.Select(p => p.Element));
    }

    [Fact]
    public void A_unitless_credit_count_is_not_guessed_to_be_ECTS()
    {
        var credential = Sample();
        Achievement(credential).Remove("ECTS");
        var problem = Assert.Single(Refused(credential).Problems);
        Assert.Equal(("M7", "$.credentialSubject.achievement.creditsAvailable"), (problem.Element, problem.JsonPath));
    }

    [Fact]
    public void Dutch_hours_become_the_volume_of_learning()
    {
        var credential = Sample();
        Achievement(credential)["timeInvestment"] = 140;
        var elm = ElmExport.ToElm(credential, Options);
        Assert.Equal("PT140H", (string?)elm.SelectToken("credentialSubject.hasClaim[0].specifiedBy.volumeOfLearning"));
        Achievement(credential).Remove("timeInvestment");
        Achievement(credential).Remove("ECTS");
        Achievement(credential)["SBU"] = 240.5;
        elm = ElmExport.ToElm(credential, Options);
        Assert.Equal("PT240H30M", (string?)elm.SelectToken("credentialSubject.hasClaim[0].specifiedBy.volumeOfLearning"));
        Assert.Null(elm.SelectToken("credentialSubject.hasClaim[0].specifiedBy.creditPoint"));
    }

    [Fact]
    public async Task The_sealing_hook_gets_the_exported_credential_and_its_answer_is_returned()
    {
        var sealer = new RecordingSealer();
        var sealedForm = await ElmExport.ToSealedElmAsync(Sample(), sealer, Options);
        Assert.Equal("sealed by the institution", sealedForm);
        Assert.Equal("EuropeanDigitalCredential", (string?)sealer.Received!["type"]![2]);
        await Assert.ThrowsAsync<ElmExportException>(async () => await ElmExport.ToSealedElmAsync(Sample(), sealer));
    }

    [Fact]
    public void Misuse_is_an_argument_exception()
    {
        Assert.Throws<ArgumentNullException>(() => ElmExport.ToElm((JObject)null!));
        Assert.Throws<ArgumentException>(() => ElmExport.ToElm(Sample(), new ElmExportOptions { Learner = Options.Learner, CredentialId = "not an iri" }));
    }

    private sealed class RecordingSealer : IElmSealer
    {
        public JObject? Received { get; private set; }

        public ValueTask<string> SealAsync(JObject credential, CancellationToken cancellationToken = default)
        {
            Received = credential;
            return ValueTask.FromResult("sealed by the institution");
        }
    }
}
