using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Status;
using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Verification;

/// <summary>Keys, credentials, clocks and a fetcher serving fixed documents, shared by the verifier tests.</summary>
internal static class VerificationFixtures
{
    public const string IssuerSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"; // RFC 8032 test 1
    public const string OtherSeed = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"; // RFC 8032 test 2
    public const string EndorserSeed = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"; // RFC 8032 test 3

    /// <summary>"Now" for every test: inside every fixture's validity window.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Signed = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string StatusListUrl = "https://uni.example/status/1";

    public static string DidOf(string seed)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seed));
        return key.PublicKey.ToDidKey();
    }

    public static string IssuerDid => DidOf(IssuerSeed);

    /// <summary>A VC 2.0 OpenBadgeCredential that conforms to the OB 3.0 schema.</summary>
    public static JObject Credential(string? issuer = null) => OpenBadges.Json.JsonInput.ParseObject($$"""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:6b0c1c39-6c5b-4f5e-9d3f-0c4f1b2a7e10",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "{{issuer ?? IssuerDid}}", "type": ["Profile"], "name": "Example University"},
          "validFrom": "2025-03-01T00:00:00Z",
          "name": "Teamwork",
          "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "identifier": [{
              "type": "IdentityObject",
              "hashed": true,
              "identityHash": "{{OpenBadges.Model.IdentityObject.ComputeSha256Hash("learner@example.org", "s4lt")}}",
              "identityType": "emailAddress",
              "salt": "s4lt"
            }],
            "achievement": {
              "id": "https://example.edu/achievements/teamwork",
              "type": ["Achievement"],
              "name": "Teamwork",
              "description": "Works well in a team.",
              "criteria": {"narrative": "Completed the team project."}
            }
          }
        }
        """);

    /// <summary>The same credential in the VC 1.1 form (issuanceDate, the 2018 context).</summary>
    public static JObject Vc1Credential()
    {
        var credential = Credential();
        credential["@context"] = new JArray("https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        credential.Remove("validFrom");
        credential["issuanceDate"] = "2025-03-01T00:00:00Z";
        return credential;
    }

    /// <summary>An EndorsementCredential by <paramref name="seed"/>'s did:key about <paramref name="subjectId"/>.</summary>
    public static JObject Endorsement(string subjectId, string seed = EndorserSeed) => OpenBadges.Json.JsonInput.ParseObject($$"""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:1d7e9a3e-4f0b-4c55-8f0e-3a1b2c3d4e5f",
          "type": ["VerifiableCredential", "EndorsementCredential"],
          "issuer": {"id": "{{DidOf(seed)}}", "type": ["Profile"], "name": "Accreditation Body"},
          "validFrom": "2025-02-01T00:00:00Z",
          "name": "Accredited",
          "credentialSubject": {"id": "{{subjectId}}", "type": ["EndorsementSubject"], "endorsementComment": "Meets the standard."}
        }
        """);

    /// <summary>Adds the OB extensions context, which defines 1EdTechCredentialRefresh, 1EdTechRevocationList and 1EdTechJsonSchemaValidator2019.</summary>
    public static JObject WithExtensions(JObject credential)
    {
        ((JArray)credential["@context"]!).Add(OpenBadges.JsonLd.EmbeddedContexts.OpenBadgesExtensions);
        return credential;
    }

    public static async Task<JObject> SignAsync(JObject document, string seed = IssuerSeed, Cryptosuite? suite = null, ProofOptions? options = null)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seed));
        return await DataIntegritySigner.SignAsync(document, Ed25519Signer.ForDidKey(key), suite ?? Cryptosuites.EddsaRdfc2022, options ?? new ProofOptions { Created = Signed });
    }

    public static async Task<string> IssueJwtAsync(JObject credential, string seed = IssuerSeed)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seed));
        return await new VcJwtIssuer(Ed25519Signer.ForDidKey(key)).IssueAsync(credential);
    }

    /// <summary>A signed status list credential of <paramref name="purpose"/> with <paramref name="setBits"/> set.</summary>
    public static async Task<JObject> StatusListAsync(string purpose = "revocation", int[]? setBits = null, string seed = IssuerSeed, string url = StatusListUrl, int length = BitstringStatusList.MinimumLength)
    {
        var list = BitstringStatusList.Create(length);
        foreach (var bit in setBits ?? [])
        {
            list.Set(bit, true);
        }

        var unsigned = StatusListCredentials.Create(url, DidOf(seed), purpose, list, Signed);
        return await SignAsync(unsigned, seed);
    }

    public static CredentialVerifierOptions Options(IReadOnlyDictionary<string, string>? served = null, DateTimeOffset? now = null, string? recipient = null) => new()
    {
        TimeProvider = new FixedClock(now ?? Now),
        Fetcher = served is null ? null : Serve(served),
        ExpectedRecipient = recipient,
    };

    public static CredentialVerifier Verifier(IReadOnlyDictionary<string, string>? served = null, DateTimeOffset? now = null, string? recipient = null) =>
        new(Options(served, now, recipient));

    /// <summary>A fetcher that serves <paramref name="documents"/> by URL and fails for anything else, as a 404 would.</summary>
    public static Func<Uri, CancellationToken, Task<string>> Serve(IReadOnlyDictionary<string, string> documents) =>
        (uri, _) => documents.TryGetValue(uri.ToString(), out var text) ? Task.FromResult(text) : throw new HttpRequestException($"404 {uri}");

    public static void AssertCheck(VerificationReport report, string name, CheckStatus status)
    {
        var check = report.Checks.FirstOrDefault(c => c.Name == name);
        Assert.True(check is not null, $"no check '{name}' in: {string.Join(", ", report.Checks.Select(c => c.Name))}");
        Assert.True(check.Status == status, $"{name}: expected {status}, got {check.Status}: {check.Message}\n{report}");
    }

    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
