using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Oid4Vci.VcApi;
using OpenBadges.Tests.Oid4Vci;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// A wallet made of the JavaScript reference stack (<c>vcapi-wallet.mjs</c>: @digitalbazaar/vc with eddsa-rdfc-2022,
/// or Ed25519Signature2020 over the VC 1.1 context as the Learner Credential Wallet signs) against our VC-API exchange
/// on a loopback Kestrel: it follows the interaction URL, answers the DIDAuthentication request, and gets back a
/// presentation that our PresentationVerifier accepts, holding a credential bound to its did:key that verifies Valid
/// here and in the JavaScript reference stack.
/// </summary>
public sealed class VcApiWalletInteropTests
{
    private static Task<JObject> RunWalletAsync(JObject input) => NodeScript.RunAsync("vcapi-wallet.mjs", input, "the VC-API wallet");

    [InteropTheory]
    [InlineData("eddsa-rdfc-2022", 2)]
    [InlineData("Ed25519Signature2020", 1)]
    public async Task A_DIDAuth_response_made_with_the_JS_stack_gets_a_presentation_our_verifier_accepts(string suite, int version)
    {
        await using var host = await VcApiHost.StartAsync();
        var invitation = host.Exchanger.CreateExchange(VcApiHost.AwardId);

        var result = await RunWalletAsync(new JObject { ["interactionUrl"] = invitation.InteractionUrl, ["suite"] = suite, ["version"] = version });

        var holder = (string)result["holder"]!;
        var request = (JObject)result["request"]!;
        var presentation = (JObject)result["response"]!["verifiablePresentation"]!;
        var credential = (JObject)Assert.Single((JArray)presentation["verifiableCredential"]!);
        Assert.StartsWith("did:key:z6Mk", holder, StringComparison.Ordinal);
        Assert.Equal(holder, (string?)credential["credentialSubject"]!["id"]);
        Assert.Equal(VcApiExchangeState.Complete, host.Exchanger.FindExchange(invitation.ExchangeId)!.State);
        Assert.Equal(holder, host.Exchanger.FindExchange(invitation.ExchangeId)!.HolderDid);

        // The JS stack's DIDAuth response is what it claims: our verifier accepts it on its own too.
        var didAuth = await new PresentationVerifier(new PresentationVerifierOptions
        {
            ExpectedChallenge = (string)request["challenge"]!,
            ExpectedDomain = (string)request["domain"]!,
        }).VerifyAsync((JObject)result["didAuth"]!);
        Assert.True(didAuth.IsValid, didAuth.ToString());

        var report = await new PresentationVerifier(new PresentationVerifierOptions
        {
            ExpectedChallenge = (string)request["challenge"]!,
            ExpectedDomain = host.Origin,
        }).VerifyAsync(presentation);
        Assert.True(report.IsValid, report + " | " + string.Join(" | ", report.Credentials));
        Assert.Equal(CheckStatus.Passed, report.Find(CheckNames.PresentationHolder)!.Status);
        Assert.True(Assert.Single(report.Credentials).IsValid);

        var (jsVerified, jsErrors) = await ReferenceStack.Shared.VerifyAsync(credential);
        Assert.True(jsVerified, jsErrors);
    }
}
