using Newtonsoft.Json.Linq;
using OpenBadges.Proofs;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Verification;

/// <summary>Presentations: the holder proof (authentication, challenge, domain), holder binding, and the credentials inside.</summary>
public sealed class PresentationVerifierTests
{
    private const string Challenge = "c-8d3a1f";
    private const string Domain = "verifier.example";

    private static async Task<JObject> PresentationAsync(JToken credential, string? challenge = Challenge, string? domain = Domain, string purpose = "authentication", string holderSeed = EndorserSeed, string? holder = null)
    {
        var vp = new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JArray("VerifiablePresentation"),
            ["holder"] = holder ?? DidOf(holderSeed),
            ["verifiableCredential"] = new JArray(credential),
        };
        return await SignAsync(vp, holderSeed, options: new ProofOptions { Created = Signed, ProofPurpose = purpose, Challenge = challenge, Domain = domain });
    }

    private static PresentationVerifier Verifier(string? challenge = Challenge, string? domain = Domain) =>
        new(new PresentationVerifierOptions { Credentials = Options(), ExpectedChallenge = challenge, ExpectedDomain = domain });

    [Fact]
    public async Task A_presentation_with_the_expected_challenge_and_domain_and_a_valid_credential_is_valid()
    {
        var report = await Verifier().VerifyAsync(await PresentationAsync(await SignAsync(Credential())));
        Assert.True(report.IsValid, report + " | " + string.Join(" | ", report.Credentials));
        Assert.Equal(VerificationReportKind.Presentation, report.Kind);
        var inner = Assert.Single(report.Credentials);
        Assert.True(inner.IsValid);
        Assert.Equal("$.verifiableCredential[0]", inner.Location);
        AssertCheck(report, CheckNames.PresentationHolder, CheckStatus.Passed);
        Assert.NotNull(report.ToJson()["credentials"]);
    }

    [Fact]
    public async Task A_vc_jwt_inside_a_presentation_is_verified()
    {
        var report = await Verifier().VerifyAsync(await PresentationAsync(await IssueJwtAsync(Credential())));
        Assert.True(report.IsValid, report + " | " + string.Join(" | ", report.Credentials));
        Assert.Equal("jwt", report.Credentials[0].Format);
    }

    [Theory]
    [InlineData("another-challenge", Domain, "proof.challenge")]
    [InlineData(null, Domain, "proof.challenge")]
    [InlineData(Challenge, "evil.example", "proof.domain")]
    public async Task A_replayed_or_misdirected_presentation_is_invalid(string? challenge, string? domain, string failing)
    {
        var report = await Verifier().VerifyAsync(await PresentationAsync(await SignAsync(Credential()), challenge, domain));
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, failing, CheckStatus.Failed);
    }

    [Fact]
    public async Task A_holder_proof_with_the_assertion_purpose_is_invalid()
    {
        var report = await Verifier().VerifyAsync(await PresentationAsync(await SignAsync(Credential()), purpose: "assertionMethod"));
        AssertCheck(report, "proof.purpose", CheckStatus.Failed);
    }

    [Fact]
    public async Task A_proof_by_someone_other_than_the_holder_is_invalid()
    {
        var report = await Verifier().VerifyAsync(await PresentationAsync(await SignAsync(Credential()), holder: DidOf(OtherSeed)));
        AssertCheck(report, CheckNames.PresentationHolder, CheckStatus.Failed);
    }

    [Fact]
    public async Task An_unsigned_presentation_is_invalid()
    {
        var vp = await PresentationAsync(await SignAsync(Credential()));
        vp.Remove("proof");
        AssertCheck(await Verifier().VerifyAsync(vp.ToString()), "proof.present", CheckStatus.Failed);
    }

    [Fact]
    public async Task A_tampered_credential_inside_makes_the_presentation_invalid()
    {
        var credential = await SignAsync(Credential());
        credential["name"] = "Leadership";
        var report = await Verifier().VerifyAsync(await PresentationAsync(credential));
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.PresentationCredentials, CheckStatus.Failed);
        Assert.Equal(Verdict.Invalid, report.Credentials[0].Verdict);
    }

    [Fact]
    public async Task Without_an_expected_challenge_none_is_required()
    {
        var report = await Verifier(challenge: null, domain: null).VerifyAsync(await PresentationAsync(await SignAsync(Credential()), challenge: null, domain: null));
        Assert.True(report.IsValid, report.ToString());
    }
}
