using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Tests.Support;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Verification;

/// <summary>SURF eduCredentials' schemas are embedded: a credentialSchema naming one is validated offline.</summary>
public sealed class EduCredentialSchemaTests
{
    private const string Ects = "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/schemas/microcredential_ects.json";

    private static async Task<VerificationCheck> CredentialSchemaCheckAsync(JToken ects)
    {
        var credential = Credential();
        credential["credentialSubject"]!["achievement"]!["ECTS"] = ects;
        credential["credentialSchema"] = new JArray(new JObject { ["id"] = Ects, ["type"] = "1EdTechJsonSchemaValidator2019" });
        var report = await Verifier().VerifyAsync(credential);
        return report.Checks.Single(c => c.Name == CheckNames.CredentialSchema);
    }

    [Fact]
    public async Task Ects_within_the_dutch_profile_passes_offline() =>
        Assert.Equal(CheckStatus.Passed, (await CredentialSchemaCheckAsync(5)).Status);

    [Theory]
    [InlineData(2)]      // below 3 EC
    [InlineData(3.25)]   // not a multiple of 0.5
    [InlineData(31)]     // above 30 EC
    public async Task Ects_outside_the_dutch_profile_fails_the_schema(double ects)
    {
        var check = await CredentialSchemaCheckAsync(ects);
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal(ProblemCodes.SchemaViolation, check.Code);
    }

    [SharedDataFact]
    public void The_embedded_schemas_are_the_conformance_copies()
    {
        foreach (var file in Directory.GetFiles(SharedData.Conformance("ob3/schemas/educredentials"), "*.json"))
        {
            var embedded = OpenBadges.Schemas.EduCredentialSchemas.Find("https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/schemas/" + Path.GetFileName(file));
            Assert.NotNull(embedded);
            Assert.True(JToken.DeepEquals(JToken.Parse(File.ReadAllText(file)), JToken.Parse(embedded!)), file);
        }
    }
}
