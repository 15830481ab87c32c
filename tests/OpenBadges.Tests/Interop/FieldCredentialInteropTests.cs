using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// Credentials as other issuers in the field make them, signed here by the JavaScript reference stack and verified by
/// ours: Ed25519Signature2018 (detached JWS), a DCC-style badge without a subject id, a bare did:key verification method.
/// </summary>
public sealed class FieldCredentialInteropTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static CredentialVerifier Verifier(bool strict = false) => new(new CredentialVerifierOptions { TimeProvider = new FixedClock(Now), Strict = strict });

    /// <summary>A VC 1.1 Open Badge as the JFF plugfest and 2022–23 issuers wrote it: no subject id, a learner identity by e-mail hash.</summary>
    public static JObject Vc1Badge(bool withSubjectId) => JsonInput.ParseObject($$$"""
        {
          "@context": ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:0b5a3c3e-4d4f-4b0e-8f0c-7d6a2e1b9c01",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "{{{InteropCorpus.IssuerDid}}}", "type": "Profile", "name": "Plugfest Academy"},
          "issuanceDate": "2023-03-01T00:00:00Z",
          "name": "Plugfest badge",
          "credentialSubject": {
            {{{(withSubjectId ? "\"id\": \"did:example:learner\"," : string.Empty)}}}
            "type": "AchievementSubject",
            "achievement": {"id": "urn:uuid:8f1c2b7e-0d5e-4f3a-9c2b-1e0d7a6b5c41", "type": "Achievement", "name": "Interop", "description": "Took part.", "criteria": {"narrative": "Attend."}}
          }
        }
        """);

    private static Task<JObject> SignAsync(JObject credential, string suite, string? verificationMethod = null) =>
        ReferenceStack.Shared.SignAsync(credential, suite, InteropCorpus.SeedHex, InteropCorpus.IssuerDid, verificationMethod ?? InteropCorpus.VerificationMethodId, "2023-03-01T00:00:00Z");

    [InteropFact]
    public async Task An_ed25519_signature_2018_badge_signed_by_the_js_stack_verifies()
    {
        var signed = await SignAsync(Vc1Badge(withSubjectId: true), "Ed25519Signature2018");
        Assert.Equal("Ed25519Signature2018", (string?)signed["proof"]!["type"]);
        Assert.StartsWith("eyJhbGciOiJFZERTQSIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19..", (string?)signed["proof"]!["jws"]);
        var report = await Verifier().VerifyAsync(signed);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(0, report.WarningCount);
        Assert.Equal(CheckStatus.Passed, report.Find("proof.signature")!.Status);
    }

    [InteropFact]
    public async Task A_tampered_ed25519_signature_2018_badge_fails_with_a_cryptographic_code()
    {
        var signed = await SignAsync(Vc1Badge(withSubjectId: true), "Ed25519Signature2018");
        signed["name"] = "Plugfest badge (forged)";
        var report = await Verifier().VerifyAsync(signed);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        var signature = report.Find("proof.signature")!;
        Assert.Equal(CheckStatus.Failed, signature.Status);
        Assert.Equal(ProblemCodes.CryptographicSecurityErrorType, signature.ProblemType);
    }

    [InteropFact]
    public async Task An_ed25519_signature_2018_jws_with_another_header_fails()
    {
        var signed = await SignAsync(Vc1Badge(withSubjectId: true), "Ed25519Signature2018");
        var jws = (string)signed["proof"]!["jws"]!;
        // {"alg":"EdDSA","b64":true,"crit":["b64"]}: an encoded payload would be another signing input.
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"EdDSA","b64":true,"crit":["b64"]}"""u8);
        signed["proof"]!["jws"] = header + jws[jws.IndexOf('.', StringComparison.Ordinal)..];
        var report = await Verifier().VerifyAsync(signed);
        Assert.Equal(CheckStatus.Failed, report.Find("proof.jws")!.Status);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    [InteropFact]
    public async Task A_dcc_style_badge_without_a_subject_id_is_valid_with_one_warning_and_invalid_when_strict()
    {
        var signed = await SignAsync(Vc1Badge(withSubjectId: false), "eddsa-rdfc-2022");
        Assert.True((await ReferenceStack.Shared.VerifyAsync(signed)).Verified);
        var report = await Verifier().VerifyAsync(signed);
        Assert.Equal(Verdict.Valid, report.Verdict);
        Assert.Equal(1, report.WarningCount);
        Assert.Equal(ProblemCodes.SubjectDataModel, report.Find(CheckNames.CredentialSubject)!.Code);
        Assert.Equal(Verdict.Invalid, (await Verifier(strict: true).VerifyAsync(signed)).Verdict);
    }

    [InteropFact]
    public async Task A_bare_did_key_verification_method_resolves_to_the_key_it_encodes()
    {
        var signed = await SignAsync(Vc1Badge(withSubjectId: true), "eddsa-rdfc-2022", verificationMethod: InteropCorpus.IssuerDid);
        Assert.Equal(InteropCorpus.IssuerDid, (string?)signed["proof"]!["verificationMethod"]);
        // (The JS stack's own verifier dereferences the bare DID to the DID document, not a key, and refuses it; wallets
        // that resolve it take the document's one key, as this verifier does.)
        var report = await Verifier().VerifyAsync(signed);
        Assert.True(report.IsValid, report.ToString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
