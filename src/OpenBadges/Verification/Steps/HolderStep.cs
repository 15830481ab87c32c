using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>A presentation's holder: every holder proof's key is controlled by the <c>holder</c> it names.</summary>
internal sealed class HolderStep : IVerificationStep
{
    private const string Rule = "every holder proof's key is controlled by the presentation's holder";

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        if (run.IsPresentationJwt)
        {
            run.NotApplicable(CheckNames.PresentationHolder, "Not checked: the VP-JWT signature was not verified.", "$.holder", Rule);
            return true;
        }

        await CheckAsync(run.Credential!, run, run.ProofPassed, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckAsync(JObject vp, VerificationRun run, bool proofPassed, CancellationToken cancellationToken)
    {
        var holder = IdOf(vp["holder"]);
        if (holder is null)
        {
            run.NotApplicable(CheckNames.PresentationHolder, "The presentation names no holder: the proof shows only that the key's controller presented it.", "$.holder", Rule);
            return;
        }

        if (!proofPassed)
        {
            run.NotApplicable(CheckNames.PresentationHolder, "Not checked: the holder proof did not pass.", "$.holder", Rule);
            return;
        }

        var proofs = vp["proof"] switch
        {
            JObject single => [single],
            JArray array => array.OfType<JObject>().ToList(),
            _ => new List<JObject>(),
        };
        foreach (var proof in proofs)
        {
            var method = proof["verificationMethod"]?.Type == JTokenType.String ? (string)proof["verificationMethod"]! : string.Empty;
            KeyResolution resolution = await run.Settings.Options.KeyResolver.ResolveVerificationMethodAsync(method, cancellationToken).ConfigureAwait(false);
            if (!resolution.IsResolved)
            {
                run.Undecided(CheckNames.PresentationHolder, $"Cannot resolve '{method}': {resolution.Reason}", "$.proof", Rule);
                return;
            }

            if (!string.Equals(resolution.Controller, holder, StringComparison.Ordinal))
            {
                run.Fail(CheckNames.PresentationHolder, $"The proof's key is controlled by '{resolution.Controller}', not by the holder '{holder}'.", "$.holder", Rule);
                return;
            }
        }

        run.Pass(CheckNames.PresentationHolder, $"The holder {holder} controls the proof's key.", "$.holder", Rule);
    }
}
