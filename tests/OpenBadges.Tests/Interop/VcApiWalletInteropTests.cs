using System.Diagnostics;
using Newtonsoft.Json;
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
    private static async Task<JObject> RunWalletAsync(JObject input)
    {
        var start = new ProcessStartInfo("node", "vcapi-wallet.mjs")
        {
            WorkingDirectory = ReferenceStack.HarnessDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(input.ToString(Formatting.None));
        node.StandardInput.Close();
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"the VC-API wallet failed (exit {node.ExitCode}):\n{await stderr}");
        return JsonInput.ParseObject(await stdout);
    }

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
