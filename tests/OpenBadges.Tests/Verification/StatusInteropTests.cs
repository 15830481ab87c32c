using OpenBadges.Status;
using OpenBadges.Tests.Interop;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Verification;

/// <summary>Status lists across implementations: lists the JS reference stack signs are trusted here, and ours verify there.</summary>
public sealed class StatusInteropTests
{
    [InteropFact]
    public async Task A_status_list_and_credential_signed_by_the_reference_stack_give_the_revocation_answer()
    {
        var list = BitstringStatusList.Create();
        list.Set(31_337, true);
        var theirList = await ReferenceStack.Shared.SignWithTestKeyAsync(StatusListCredentials.Create(StatusListUrl, IssuerDid, "revocation", list, Signed), "eddsa-rdfc-2022");
        var served = new Dictionary<string, string> { [StatusListUrl] = theirList.ToString() };

        foreach (var (index, expected) in new[] { (31_337, Verdict.Invalid), (31_338, Verdict.Valid) })
        {
            var credential = Credential();
            credential["credentialStatus"] = StatusListCredentials.Entry(StatusListUrl, index);
            var theirCredential = await ReferenceStack.Shared.SignWithTestKeyAsync(credential, "eddsa-rdfc-2022");
            var report = await Verifier(served).VerifyAsync(theirCredential.ToString());
            Assert.True(expected == report.Verdict, $"index {index}: {report}");
        }
    }

    [InteropFact]
    public async Task A_status_list_signed_by_the_manager_verifies_with_the_reference_stack()
    {
        using var key = OpenBadges.Keys.Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var manager = new StatusListManager(StatusListUrl, IssuerDid);
        manager.Revoke(manager.Allocate().Index);
        var ours = await manager.SignAsync(OpenBadges.Keys.Ed25519Signer.ForDidKey(key), Signed);
        var verdict = await ReferenceStack.Shared.VerifyDetailedAsync(ours);
        Assert.True(verdict.AllProofsVerified, verdict.ErrorText);
    }
}
