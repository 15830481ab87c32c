using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Unit;

/// <summary>Credentials, clocks and raw JWS building for the VC-JWT tests.</summary>
internal static class JwtTestSupport
{
    /// <summary>The tests' "now": between the sample's validFrom and validUntil.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public const string SubjectId = "did:example:ebfeb1f712ebc6f1c276e12ec21";
    public const string CredentialId = "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002";

    public static JObject Credential(string issuerId) => new()
    {
        ["@context"] = new JArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = CredentialId,
        ["type"] = new JArray("VerifiableCredential", "OpenBadgeCredential"),
        ["issuer"] = new JObject { ["id"] = issuerId, ["type"] = new JArray("Profile"), ["name"] = "Example University" },
        ["validFrom"] = "2024-01-01T00:00:00Z",
        ["validUntil"] = "2030-01-01T00:00:00Z",
        ["name"] = "Teamwork Badge",
        ["credentialSubject"] = new JObject
        {
            ["id"] = SubjectId,
            ["type"] = new JArray("AchievementSubject"),
            ["achievement"] = new JObject
            {
                ["id"] = "https://example.edu/achievements/teamwork",
                ["type"] = new JArray("Achievement"),
                ["name"] = "Teamwork",
                ["criteria"] = new JObject { ["narrative"] = "Team members are nominated for this badge by their peers." },
            },
        },
    };

    public static VcJwtVerificationOptions Options(VcJwtVerificationOptions? options = null) =>
        (options ?? VcJwtVerificationOptions.Default) with { TimeProvider = new FixedTime(Now) };

    public static string B64(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    public static string B64(JObject json) => B64(json.ToString(Formatting.None));

    /// <summary>A compact JWS over any header and payload text, signed by <paramref name="signer"/>: for tokens the issuer would refuse to make.</summary>
    public static async Task<string> SignRawAsync(string headerJson, string payloadJson, ISigner signer)
    {
        var signingInput = B64(headerJson) + "." + B64(payloadJson);
        var signature = await signer.SignAsync(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    public static Task<string> SignRawAsync(JObject header, JObject payload, ISigner signer) =>
        SignRawAsync(header.ToString(Formatting.None), payload.ToString(Formatting.None), signer);

    public static VerificationCheck Check(VcJwtVerificationResult result, string name) =>
        result.Find(name) ?? throw new Xunit.Sdk.XunitException($"check {name} was not run; checks: {string.Join(", ", result.Checks.Select(c => c.Name))}");

    public static void AssertFailed(VcJwtVerificationResult result, string name)
    {
        Assert.Equal(Verdict.Invalid, result.Verdict);
        var check = Check(result, name);
        Assert.True(check.Status == CheckStatus.Failed, $"{name} is {check.Status}: {check.Message}");
    }

    public static void AssertValid(VcJwtVerificationResult result) =>
        Assert.True(result.Verdict == Verdict.Valid, result.ToString());

    public sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
