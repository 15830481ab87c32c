using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Schemas;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class SchemaValidationTests
{
    private static JObject Load(string relative) => (JObject)JsonInput.ParseFile(SharedData.Conformance(relative));

    [SharedDataTheory]
    [InlineData("ob_v3p0_achievementcredential_schema.json", OpenBadgesSchemas.AchievementCredentialSchemaId)]
    [InlineData("ob_v3p0_endorsementcredential_schema.json", OpenBadgesSchemas.EndorsementCredentialSchemaId)]
    [InlineData("ob_v3p0_profile_schema.json", OpenBadgesSchemas.ProfileSchemaId)]
    public void Embedded_schemas_equal_the_published_copies(string file, string schemaId)
    {
        var published = JsonInput.ParseFile(SharedData.Conformance("ob3/schemas/jsonld-adaptation/" + file), new JsonLimits { MaxInputLength = 1 << 20 });

        var embedded = OpenBadgesSchemas.FindSchemaDocument(schemaId);

        Assert.NotNull(embedded);
        Assert.True(JToken.DeepEquals(published, embedded));
        Assert.Equal(schemaId, (string?)embedded!["$id"]);
    }

    [SharedDataTheory]
    [InlineData("ob3/test-vector/credential.json")]
    [InlineData("ob3/test-vector/signed.json")]
    [InlineData("reference-stack/ob3-microcredential.unsigned.json")]
    [InlineData("reference-stack/ob3-microcredential.eddsa-rdfc-2022.signed.json")]
    public void Conforming_credentials_pass(string relative)
    {
        var errors = OpenBadgesSchemas.ValidateAchievementCredential(Load(relative));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [SharedDataFact]
    public void Credential_without_issuer_fails_with_property_required()
    {
        var credential = Load("ob3/test-vector/credential.json");
        credential.Remove("issuer");

        var errors = OpenBadgesSchemas.ValidateAchievementCredential(credential);

        Assert.Contains(errors, e => e.Path == "#/issuer" && e.Kind == "PropertyRequired");
        Assert.Contains("#/issuer PropertyRequired", string.Join("\n", errors));
    }

    [SharedDataFact]
    public void Achievement_without_name_and_a_bad_date_are_reported()
    {
        var credential = Load("ob3/test-vector/credential.json");
        ((JObject)credential["credentialSubject"]!["achievement"]!).Remove("name");
        credential["validFrom"] = "yesterday";

        var errors = OpenBadgesSchemas.ValidateAchievementCredential(credential);

        Assert.Contains(errors, e => e.Kind == "DateTimeExpected" && e.Path == "#/validFrom");
        Assert.Contains(errors, e => e.Kind == "PropertyRequired" && e.Property == "name");
    }

    [SharedDataFact]
    public void Single_value_type_and_proof_are_accepted_and_the_input_is_not_modified()
    {
        var credential = Load("ob3/test-vector/signed.json");
        credential["proof"] = credential["proof"] is JArray proofs ? proofs[0].DeepClone() : credential["proof"];
        var before = credential.DeepClone();

        var errors = OpenBadgesSchemas.ValidateAchievementCredential(credential);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(JToken.DeepEquals(before, credential));
    }

    [Fact]
    public void Built_micro_credential_passes()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation()
            .AddEvidence(new Model.Evidence { Id = "https://portfolio.example.nl/j.jansen", Type = ["Evidence"], Name = "Portfolio" })
            .WithImage("https://www.example-university.nl/badges/data-ethics.png", "Badge")
            .WithValidUntil("2030-06-30T12:00:00Z")
            .Build()
            .ToJObject();

        var errors = OpenBadgesSchemas.ValidateAchievementCredential(credential);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Nested_definitions_are_resolved_so_a_bad_alignment_fails()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
        ((JObject)credential["credentialSubject"]!["achievement"]!["alignment"]![0]!).Remove("targetUrl");
        credential["credentialSubject"]!["identifier"]![0]!["hashed"] = "yes";

        var errors = OpenBadgesSchemas.ValidateAchievementCredential(credential).SelectMany(e => e.SelfAndDetails()).ToList();

        Assert.Contains(errors, e => e.Kind == "PropertyRequired" && e.Property == "targetUrl");
        Assert.Contains(errors, e => e.Kind == "BooleanExpected" && e.Path.EndsWith("hashed", StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_spec_output_passes()
    {
        var spec = Model.MicroCredentialSpec.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "specs", "dutch-he-example.json")));

        var errors = OpenBadgesSchemas.ValidateAchievementCredential(spec.Build().ToJObject());

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Endorsement_and_profile_schemas_validate()
    {
        var endorsement = JsonInput.Parse("""
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"urn:uuid:9a1b","type":["VerifiableCredential","EndorsementCredential"],"name":"Endorsement of the programme",
             "issuer":{"id":"https://endorser.example","type":["Profile"]},"validFrom":"2024-01-01T00:00:00Z",
             "credentialSubject":{"id":"https://issuer.example/achievements/1","type":["EndorsementSubject"],"endorsementComment":"Solid."}}
            """);
        var profile = JsonInput.Parse("""{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"https://issuer.example","type":["Profile"],"name":"Issuer"}""");

        Assert.Empty(OpenBadgesSchemas.ValidateEndorsementCredential(endorsement));
        Assert.Empty(OpenBadgesSchemas.ValidateProfile(profile));
        ((JObject)endorsement).Remove("credentialSubject");
        Assert.Contains(OpenBadgesSchemas.ValidateEndorsementCredential(endorsement), e => e.Path == "#/credentialSubject" && e.Kind == "PropertyRequired");
    }

    [Fact]
    public void Validation_is_safe_to_run_concurrently()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
        var broken = (JObject)credential.DeepClone();
        broken.Remove("issuer");

        var results = Enumerable.Range(0, 16).AsParallel().AsOrdered()
            .Select(i => OpenBadgesSchemas.ValidateAchievementCredential(i % 2 == 0 ? credential : broken).Count)
            .ToList();

        Assert.All(results.Where((_, i) => i % 2 == 0), count => Assert.Equal(0, count));
        Assert.All(results.Where((_, i) => i % 2 == 1), count => Assert.True(count > 0));
    }
}
