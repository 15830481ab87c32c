using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Verification;

/// <summary>Unknown suites are undecided, unknown URI schemes fail, a bare did:key resolves, extra proof members warn.</summary>
public sealed class ProofSuiteVerdictTests
{
    [Theory]
    [InlineData("DataIntegrityProof", "ecdsa-rdfc-2099")]
    [InlineData("DataIntegrityProof", "bbs-2023")]
    [InlineData("JsonWebSignature2020", null)]
    public async Task A_proof_suite_not_implemented_is_could_not_check_never_failed(string type, string? cryptosuite)
    {
        var signed = await SignAsync(Credential());
        signed["proof"]!["type"] = type;
        if (cryptosuite is null)
        {
            ((JObject)signed["proof"]!).Remove("cryptosuite");
        }
        else
        {
            signed["proof"]!["cryptosuite"] = cryptosuite;
        }

        var report = await Verifier().VerifyAsync(signed);
        var check = report.Find("proof.type")!;
        Assert.Equal(CheckStatus.CouldNotCheck, check.Status);
        Assert.Equal(ProblemCodes.UnsupportedProof, check.Code);
        Assert.Equal(ProblemCodes.UnsupportedProof, report.Find(CheckNames.Proof)!.Code);
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
    }

    [Theory]
    [InlineData("xxx:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw")]
    [InlineData("z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw")]
    [InlineData("urn:key:1")]
    public async Task A_verification_method_no_resolver_could_dereference_fails(string method)
    {
        var signed = await SignAsync(Credential());
        signed["proof"]!["verificationMethod"] = method;
        var report = await Verifier().VerifyAsync(signed);
        var check = report.Find("proof.verificationMethod")!;
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal(ProblemCodes.VerificationMethodInvalid, check.Code);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    [Fact]
    public async Task An_unknown_did_method_is_undecided_a_resolver_could_exist()
    {
        var signed = await SignAsync(Credential());
        signed["proof"]!["verificationMethod"] = "did:example:123#key-1";
        var report = await Verifier().VerifyAsync(signed);
        Assert.Equal(CheckStatus.CouldNotCheck, report.Find("proof.verificationMethod")!.Status);
        Assert.Equal(ProblemCodes.KeyUnresolved, report.Find("proof.verificationMethod")!.Code);
    }

    [Fact]
    public void A_bare_did_key_resolves_and_a_fragment_that_names_another_key_does_not()
    {
        var did = IssuerDid;
        var bare = new DidKeyResolver().Resolve(did);
        Assert.True(bare.IsResolved, bare.Reason);
        Assert.Equal(did, bare.Controller);
        Assert.False(new DidKeyResolver().Resolve(did + "#z6Mkother").IsResolved);
        Assert.False(new DidKeyResolver().Resolve("did:key:zNotAKey").IsResolved);
    }

    [Fact]
    public async Task An_undefined_extra_proof_member_is_a_warning_and_the_signature_still_verifies()
    {
        var signed = await SignAsync(Credential());
        signed["proof"]!["issuerNote"] = "added after signing";
        var report = await Verifier().VerifyAsync(signed);
        Assert.Equal(CheckStatus.Warning, report.Find("proof.members")!.Status);
        Assert.Equal(ProblemCodes.ProofDataModel, report.Find("proof.members")!.Code);
        Assert.Equal(CheckStatus.Passed, report.Find("proof.signature")!.Status);
        Assert.Equal(Verdict.Valid, report.Verdict);
        Assert.Equal(Verdict.Invalid, (await new CredentialVerifier(Verifier().Options with { Strict = true }).VerifyAsync(signed)).Verdict);
    }

    [Fact]
    public async Task An_extra_proof_member_does_not_hide_a_tampered_credential()
    {
        var signed = await SignAsync(Credential());
        signed["proof"]!["issuerNote"] = "added after signing";
        signed["name"] = "Changed";
        var report = await Verifier().VerifyAsync(signed);
        Assert.Equal(CheckStatus.Failed, report.Find("proof.signature")!.Status);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }
}
