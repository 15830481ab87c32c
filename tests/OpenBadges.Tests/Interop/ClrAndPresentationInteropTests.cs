using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Tests.Support;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// CLR 2.0 (two badges wrapped and signed by the JS stack), the CLR test vector, a presentation of two credentials
/// (signed by the JS stack), and a generic VC with the examples context: each verified by ours.
/// </summary>
public sealed class ClrAndPresentationInteropTests
{
    private const string Created = "2024-09-01T00:00:00Z";
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CredentialVerifierOptions Options() => new() { TimeProvider = new FixedClock(Now) };

    private static JObject Badge(string name, string achievementId) => JsonInput.ParseObject($$$"""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:{{{Guid.NewGuid()}}}",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "{{{InteropCorpus.IssuerDid}}}", "type": ["Profile"], "name": "Northbridge College"},
          "validFrom": "2024-09-01T00:00:00Z",
          "name": "{{{name}}}",
          "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {"id": "{{{achievementId}}}", "type": ["Achievement"], "name": "{{{name}}}", "description": "{{{name}}}.", "criteria": {"narrative": "Pass."}}
          }
        }
        """);

    private static Task<JObject> SignAsync(JObject document) =>
        ReferenceStack.Shared.SignAsync(document, "eddsa-rdfc-2022", InteropCorpus.SeedHex, InteropCorpus.IssuerDid, InteropCorpus.VerificationMethodId, Created);

    private static async Task<JObject> ClrOfTwoAsync(Func<JObject, JObject>? tamperSecond = null)
    {
        var first = await SignAsync(Badge("Algebra", "urn:uuid:11111111-1111-4111-8111-111111111111"));
        var second = await SignAsync(Badge("Geometry", "urn:uuid:22222222-2222-4222-8222-222222222222"));
        second = tamperSecond?.Invoke(second) ?? second;
        var clr = JsonInput.ParseObject($$$"""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
              "id": "urn:uuid:33333333-3333-4333-8333-333333333333",
              "type": ["VerifiableCredential", "ClrCredential"],
              "issuer": {"id": "{{{InteropCorpus.IssuerDid}}}", "type": ["Profile"], "name": "Northbridge College"},
              "validFrom": "2024-09-01T00:00:00Z",
              "name": "Transcript",
              "credentialSubject": {
                "id": "did:example:learner",
                "type": ["ClrSubject"],
                "verifiableCredential": [],
                "association": [{"type": "Association", "associationType": "isRelatedTo",
                  "sourceId": "urn:uuid:11111111-1111-4111-8111-111111111111", "targetId": "urn:uuid:22222222-2222-4222-8222-222222222222"}]
              }
            }
            """);
        clr["credentialSubject"]!["verifiableCredential"] = new JArray(first, second);
        return await SignAsync(clr);
    }

    [InteropFact]
    public async Task A_clr_wrapping_two_badges_signed_by_the_js_stack_verifies_with_a_nested_report_for_each()
    {
        var clr = await ClrOfTwoAsync();
        var report = await new CredentialVerifier(Options()).VerifyAsync(clr);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(CheckStatus.Passed, report.Find(CheckNames.ClrSubject)!.Status);
        Assert.Equal(CheckStatus.Passed, report.Find(CheckNames.ClrCredentials)!.Status);
        Assert.Equal(2, report.Credentials.Count);
        Assert.All(report.Credentials, c => Assert.True(c.IsValid, c.ToString()));
        Assert.Equal("$.credentialSubject.verifiableCredential[1]", report.Credentials[1].Location);
        Assert.Equal(2, ((JArray)report.ToJson()["credentials"]!).Count);
    }

    [InteropFact]
    public async Task A_clr_whose_inner_badge_was_tampered_before_wrapping_is_invalid_through_the_nested_report()
    {
        // The CLR's own proof is good (it signed the tampered badge), so only the nested verification can catch it.
        var clr = await ClrOfTwoAsync(second => { second["name"] = "Geometry (honours)"; return second; });
        var report = await new CredentialVerifier(Options()).VerifyAsync(clr);
        Assert.Equal(CheckStatus.Passed, report.Find(CheckNames.Proof)!.Status);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Equal(CheckStatus.Failed, report.Find(CheckNames.ClrCredentials)!.Status);
        Assert.Equal(ProblemCodes.EmbeddedCredentialInvalid, report.Find(CheckNames.ClrCredentials)!.Code);
        Assert.Equal(Verdict.Invalid, report.Credentials[1].Verdict);
    }

    [SharedDataFact]
    public async Task The_clr_test_vector_verifies_trusting_its_key_fragment()
    {
        var signed = JsonInput.ParseObject(File.ReadAllText(SharedData.Conformance("ob3/test-vector-clr/signed.json")));
        var report = await new CredentialVerifier(Options() with { KeyResolver = KeyResolvers.OfflineTrustingKeyFragments }).VerifyAsync(signed);
        Assert.True(report.IsValid, report.ToString() + " | " + string.Join(" | ", report.Credentials.Select(c => c.ToString())));
        Assert.Single(report.Credentials);
        // And by default (the key in a URL fragment proves nothing about control) it is undecided, never valid.
        Assert.Equal(Verdict.Indeterminate, (await new CredentialVerifier(Options()).VerifyAsync(signed)).Verdict);
    }

    private static JObject Presentation(params JObject[] credentials) => new()
    {
        ["@context"] = new JArray("https://www.w3.org/ns/credentials/v2"),
        ["type"] = new JArray("VerifiablePresentation"),
        ["holder"] = InteropCorpus.EndorserDid,
        ["verifiableCredential"] = new JArray(credentials.Cast<object>().ToArray()),
    };

    private static async Task<JObject> PresentTwoAsync(string challenge, string domain)
    {
        var first = await SignAsync(Badge("Algebra", "urn:uuid:11111111-1111-4111-8111-111111111111"));
        var second = await SignAsync(Badge("Geometry", "urn:uuid:22222222-2222-4222-8222-222222222222"));
        var holderKey = InteropCorpus.EndorserDid + "#" + InteropCorpus.EndorserDid["did:key:".Length..];
        return await ReferenceStack.Shared.PresentAsync(Presentation(first, second), "eddsa-rdfc-2022", InteropCorpus.EndorserSeedHex, InteropCorpus.EndorserDid, holderKey, Created, challenge, domain);
    }

    [InteropFact]
    public async Task A_presentation_of_two_credentials_signed_by_the_js_stack_verifies_with_challenge_and_domain()
    {
        var vp = await PresentTwoAsync("nonce-123", "verifier.example");
        var verifier = new PresentationVerifier(new PresentationVerifierOptions { Credentials = Options(), ExpectedChallenge = "nonce-123", ExpectedDomain = "verifier.example" });
        var report = await verifier.VerifyAsync(vp);
        Assert.True(report.IsValid, report.ToString() + " | " + string.Join(" | ", report.Credentials.Select(c => c.ToString())));
        Assert.Equal(2, report.Credentials.Count);
        Assert.Equal(CheckStatus.Passed, report.Find(CheckNames.PresentationHolder)!.Status);

        var replay = new PresentationVerifier(new PresentationVerifierOptions { Credentials = Options(), ExpectedChallenge = "another-nonce" });
        Assert.Equal(Verdict.Invalid, (await replay.VerifyAsync(vp)).Verdict);
    }

    [InteropFact]
    public async Task The_cli_routes_a_presentation_by_its_type()
    {
        var vp = await PresentTwoAsync("nonce-123", "verifier.example");
        var dir = Directory.CreateTempSubdirectory("ob-vp-").FullName;
        try
        {
            var path = Path.Combine(dir, "vp.json");
            await File.WriteAllTextAsync(path, vp.ToString());
            var run = Cli.CliRun.Of("verify", "--json", "--now", "2025-06-01T12:00:00Z", "--challenge", "nonce-123", "--domain", "verifier.example", path);
            Assert.True(run.ExitCode == 0, run.Out + run.Error);
            var entry = (JObject)JArray.Parse(run.Out)[0];
            Assert.Equal("Presentation", (string?)entry["kind"]);
            Assert.Equal(2, ((JArray)entry["credentials"]!).Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [InteropFact]
    public async Task A_generic_vc_with_the_examples_context_gets_the_vc_checks_and_not_an_open_badge()
    {
        var credential = JsonInput.ParseObject($$$"""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
              "id": "urn:uuid:44444444-4444-4444-8444-444444444444",
              "type": ["VerifiableCredential", "ExampleAlumniCredential"],
              "issuer": "{{{InteropCorpus.IssuerDid}}}",
              "validFrom": "2024-09-01T00:00:00Z",
              "credentialSubject": {"id": "did:example:learner", "alumniOf": "The School of Examples"}
            }
            """);
        var signed = await SignAsync(credential);
        var examples = JToken.Parse(File.ReadAllText(SharedData.Contexts("credentials-examples-v2.jsonld")));
        var options = Options() with { DocumentLoader = OpenBadges.JsonLd.EmbeddedDocumentLoader.Default.With("https://www.w3.org/ns/credentials/examples/v2", examples) };
        var report = await new CredentialVerifier(options).VerifyAsync(signed);
        Assert.True(report.IsValid, report.ToString());
        var notOb = report.Find(CheckNames.OpenBadge)!;
        Assert.Equal(CheckStatus.NotApplicable, notOb.Status);
        Assert.StartsWith("Not an Open Badge: OB checks not applied", notOb.Message);
        Assert.Null(report.Find(CheckNames.CredentialSubject));

        signed["credentialSubject"]!["alumniOf"] = "Another School";
        Assert.Equal(Verdict.Invalid, (await new CredentialVerifier(options).VerifyAsync(signed)).Verdict);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
