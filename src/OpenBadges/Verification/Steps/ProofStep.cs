using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Verification;

/// <summary>Step 9: the proof — the VC-JWT's signature, and every embedded Data Integrity proof (over the dataset the JSON-LD step converted).</summary>
internal sealed class ProofStep : IVerificationStep
{

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        run.ProofPassed = await CheckAsync(run.Credential!, run.Jwt, run, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<bool> CheckAsync(JObject credential, VcJwtVerificationResult? jwt, VerificationRun run, CancellationToken cancellationToken)
    {
        const string rule = "the credential is secured: its VC-JWT signature, and every embedded Data Integrity proof, verify with a key its issuer controls";
        var checks = new List<VerificationCheck>();
        if (jwt is not null)
        {
            checks.AddRange(jwt.Checks);
        }

        // A VC-JWT may also carry embedded proofs; each must hold like any other (a proof set fails on one bad proof).
        if (jwt is null || credential["proof"] is not null)
        {
            var embedded = await DataIntegrityVerifier.VerifyAsync(credential, run.Settings.Proof, run.Dataset?.Unsecured, cancellationToken).ConfigureAwait(false);
            checks.AddRange(embedded.AllChecks);
        }

        run.Checks.AddRange(checks);
        var what = jwt is null ? "embedded proof" : credential["proof"] is null ? "VC-JWT" : "VC-JWT and embedded proof";
        return Summarize(checks, run, what, jwt is null ? "$.proof" : null, rule);
    }

    /// <summary>Adds the <c>proof</c> summary of <paramref name="checks"/>; true when they all passed.</summary>
    public static bool Summarize(List<VerificationCheck> checks, VerificationRun run, string what, string? path, string rule)
    {
        switch (VerdictRules.Combine(checks))
        {
            case Verdict.Valid:
                run.Pass(CheckNames.Proof, $"The {what} verifies.", path, rule);
                return true;
            case Verdict.Invalid:
                var failed = checks.First(c => c.Status == CheckStatus.Failed);
                run.Fail(CheckNames.Proof, $"The {what} does not verify: {failed.Name}: {failed.Message}", failed.JsonPath, rule, failed.Code);
                return false;
            default:
                var undecided = checks.First(c => c.Status == CheckStatus.CouldNotCheck);
                run.Undecided(CheckNames.Proof, $"The {what} could not be checked: {undecided.Name}: {undecided.Message}", undecided.JsonPath, rule, undecided.Code);
                return false;
        }
    }
}
