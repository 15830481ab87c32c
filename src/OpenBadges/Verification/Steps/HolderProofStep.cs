using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Proofs;

namespace OpenBadges.Verification;

/// <summary>
/// A presentation's holder proof (VC Data Integrity: proof purpose <c>authentication</c>, the expected challenge and
/// domain). A VP-JWT's holder signature is not verified by this version: said so, never taken as verified.
/// </summary>
internal sealed class HolderProofStep : IVerificationStep
{
    private const string Rule = "the holder's proof verifies, with purpose authentication and the challenge and domain this verifier expects";

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        if (run.IsPresentationJwt)
        {
            // The credentials inside are still verified, each on its own proof.
            run.Undecided(CheckNames.Proof, "The presentation is a VP-JWT; its holder signature is not verified by this version (the credentials inside are).", null,
                Rule, ProblemCodes.UnsupportedProof);
            return true;
        }

        run.ProofPassed = await CheckAsync(run.Credential!, run.Presentation!, run, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<bool> CheckAsync(JObject vp, PresentationVerifierOptions options, VerificationRun run, CancellationToken cancellationToken)
    {
        var proofOptions = run.Settings.Proof with
        {
            ExpectedProofPurpose = "authentication",
            ExpectedChallenge = options.ExpectedChallenge,
            ExpectedDomain = options.ExpectedDomain,
            RequireControllerToBeIssuer = false, // a presentation has a holder, not an issuer: checked below
        };
        var result = await DataIntegrityVerifier.VerifyAsync(vp, proofOptions, run.Dataset?.Unsecured, cancellationToken).ConfigureAwait(false);
        var checks = result.AllChecks.ToList();
        run.Checks.AddRange(checks);
        return ProofStep.Summarize(checks, run, "holder proof", "$.proof", Rule);
    }
}
