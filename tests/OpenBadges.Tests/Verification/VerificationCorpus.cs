using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Proofs;
using OpenBadges.Status;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Verification;

/// <summary>One corpus entry: the input as a verifier receives it, what the test fetcher serves, and the expected answer.</summary>
internal sealed record CorpusCase(byte[] Input, Verdict Expected, string? DecidingCheck = null, IReadOnlyDictionary<string, string>? Served = null, DateTimeOffset? Now = null);

/// <summary>
/// Real-world-shaped credentials (after the OB 3.0 and VC examples), signed here, with the verdict each must get.
/// Built on demand by name so a theory can list them.
/// </summary>
internal static class VerificationCorpus
{
    private static readonly Dictionary<string, Func<Task<CorpusCase>>> Cases = new(StringComparer.Ordinal)
    {
        ["valid-vc2-eddsa-rdfc-2022"] = async () => Json(await SignAsync(Credential()), Verdict.Valid),
        ["valid-vc2-eddsa-jcs-2022"] = async () => Json(await SignAsync(Credential(), suite: Cryptosuites.EddsaJcs2022), Verdict.Valid),
        ["valid-vc2-ed25519signature2020"] = async () => Json(await SignAsync(Credential(), suite: Cryptosuites.Ed25519Signature2020), Verdict.Valid),
        ["valid-vc1-eddsa-rdfc-2022"] = async () => Json(await SignAsync(Vc1Credential()), Verdict.Valid),
        ["valid-vc1-ed25519signature2020"] = async () => Json(await SignAsync(Vc1Credential(), suite: Cryptosuites.Ed25519Signature2020), Verdict.Valid),
        ["valid-png"] = async () => Png((await SignAsync(Credential())).ToString(), Verdict.Valid),
        ["valid-svg"] = async () => new CorpusCase(Encoding.UTF8.GetBytes(SvgBaker.Bake(Unit.BakingTests.TinySvg, (await SignAsync(Credential())).ToString())), Verdict.Valid),
        ["valid-jwt"] = async () => new CorpusCase(Encoding.ASCII.GetBytes(await IssueJwtAsync(Credential())), Verdict.Valid),
        ["valid-jwt-in-png"] = async () => Png(await IssueJwtAsync(Credential()), Verdict.Valid),
        ["valid-with-status"] = async () => Json(await WithStatusAsync(), Verdict.Valid, CheckNames.Status, new Dictionary<string, string> { [StatusListUrl] = (await StatusListAsync()).ToString() }),
        ["valid-endorsed"] = async () => Json(await EndorsedAsync(), Verdict.Valid, CheckNames.Endorsements),
        ["valid-micro-credential-hashed-email"] = async () => Json(await SignAsync(MicroCredential()), Verdict.Valid),
        ["expired"] = async () => Json(await SignAsync(With(Credential(), "validUntil", "2025-05-01T00:00:00Z")), Verdict.Invalid, CheckNames.ValidityEnd),
        ["expired-vc1"] = async () => Json(await SignAsync(With(Vc1Credential(), "expirationDate", "2025-05-01T00:00:00Z")), Verdict.Invalid, CheckNames.ValidityEnd),
        ["not-yet-valid"] = async () => Json(await SignAsync(With(Credential(), "validFrom", "2025-09-01T00:00:00Z")), Verdict.Invalid, CheckNames.ValidityStart),
        ["revoked"] = async () => Json(await WithStatusAsync(), Verdict.Invalid, CheckNames.Status, new Dictionary<string, string> { [StatusListUrl] = (await StatusListAsync(setBits: [77])).ToString() }),
        ["status-offline"] = async () => Json(await WithStatusAsync(), Verdict.Indeterminate, CheckNames.Status),
        ["tampered"] = async () => Json(With(await SignAsync(Credential()), "name", "Leadership"), Verdict.Invalid, "proof.signature"),
        ["tampered-jwt-signature"] = async () => new CorpusCase(Encoding.ASCII.GetBytes(FlipLastSignatureChar(await IssueJwtAsync(Credential()))), Verdict.Invalid, "jwt.signature"),
        ["unknown-context"] = async () => Json(AddContext(await SignAsync(Credential()), "https://unknown.example/ctx.jsonld"), Verdict.Indeterminate, CheckNames.JsonLd),
        ["wrong-controller"] = async () => Json(await SignAsync(Credential(), OtherSeed), Verdict.Invalid, "proof.controller"),
        ["missing-issuer"] = async () => Json(Without(await SignAsync(Credential()), "issuer"), Verdict.Invalid, CheckNames.Schema),
        ["unsigned"] = () => Task.FromResult(Json(Credential(), Verdict.Invalid, "proof.present")),
        ["not-a-badge"] = async () => Json(await SignAsync(With(Credential(), "type", new JArray("VerifiableCredential"))), Verdict.Invalid, CheckNames.Type),
        ["did-web-issuer-offline"] = async () => Json(await SignAsync(Credential("did:web:uni.example"), options: new ProofOptions { Created = Signed, VerificationMethod = "did:web:uni.example#key-1" }), Verdict.Indeterminate, "proof.verificationMethod"),
    };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    public static Task<CorpusCase> GetAsync(string name) => Cases[name]();

    private static CorpusCase Json(JObject document, Verdict expected, string? decidingCheck = null, IReadOnlyDictionary<string, string>? served = null) =>
        new(Encoding.UTF8.GetBytes(document.ToString()), expected, decidingCheck, served);

    private static CorpusCase Png(string credential, Verdict expected) => new(PngBaker.Bake(Unit.BakingTests.TinyPng(), credential), expected);

    private static JObject With(JObject document, string property, JToken value)
    {
        document[property] = value;
        return document;
    }

    private static JObject Without(JObject document, string property)
    {
        document.Remove(property);
        return document;
    }

    private static JObject AddContext(JObject document, string url)
    {
        ((JArray)document["@context"]!).Add(url);
        return document;
    }

    private static string FlipLastSignatureChar(string jwt) => jwt[..^2] + (jwt[^2] == 'A' ? 'B' : 'A') + jwt[^1];

    private static async Task<JObject> WithStatusAsync()
    {
        var credential = Credential();
        credential["credentialStatus"] = StatusListCredentials.Entry(StatusListUrl, 77);
        return await SignAsync(credential);
    }

    private static async Task<JObject> EndorsedAsync()
    {
        var credential = Credential();
        credential["credentialSubject"]!["achievement"]!["endorsement"] = new JArray(await SignAsync(Endorsement("https://example.edu/achievements/teamwork"), EndorserSeed));
        credential["issuer"]!["endorsementJwt"] = new JArray(await IssueJwtAsync(Endorsement(IssuerDid), EndorserSeed));
        return await SignAsync(credential);
    }

    /// <summary>The shape of OB 3.0 spec example "Achievement Credential" with a salted e-mail identity and results.</summary>
    private static JObject MicroCredential()
    {
        var credential = Credential();
        credential["awardedDate"] = "2025-03-01T00:00:00Z";
        credential["description"] = "Awarded for the team project micro-credential.";
        var subject = (JObject)credential["credentialSubject"]!;
        subject.Remove("id");
        subject["identifier"]![0]!["identityHash"] = OpenBadges.Model.IdentityObject.ComputeSha256Hash("student@uni.example", "b0c1d2e3");
        subject["identifier"]![0]!["salt"] = "b0c1d2e3";
        var achievement = (JObject)subject["achievement"]!;
        achievement["achievementType"] = "MicroCredential";
        achievement["creditsAvailable"] = 3.5;
        achievement["alignment"] = new JArray(new JObject
        {
            ["type"] = new JArray("Alignment"),
            ["targetName"] = "Teamwork",
            ["targetUrl"] = "http://data.europa.eu/esco/skill/teamwork",
            ["targetType"] = "ceasn:Competency",
        });
        achievement["resultDescription"] = new JArray(new JObject
        {
            ["id"] = "urn:uuid:a1b2c3d4-0001-4000-8000-000000000001",
            ["type"] = new JArray("ResultDescription"),
            ["name"] = "Final grade",
            ["resultType"] = "GradePointAverage",
        });
        subject["result"] = new JArray(new JObject { ["type"] = new JArray("Result"), ["resultDescription"] = "urn:uuid:a1b2c3d4-0001-4000-8000-000000000001", ["value"] = "8.0" });
        return credential;
    }
}
