using Newtonsoft.Json.Linq;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>
/// The trusted-issuer policy (<see cref="CredentialVerifierOptions.TrustedIssuers"/>): when the caller names the issuers
/// it accepts, a credential from any other issuer fails this check. Without the option the check is not reported.
/// </summary>
internal sealed class TrustedIssuerStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run)
    {
        const string rule = "the issuer id is one of CredentialVerifierOptions.TrustedIssuers (exact match)";
        if (run.Settings.Options.TrustedIssuers is not { } trusted)
        {
            return;
        }

        var issuer = IssuerIdOf(credential);
        if (issuer is not null && trusted.Contains(issuer))
        {
            run.Pass(CheckNames.TrustedIssuer, $"The issuer '{issuer}' is trusted.", "$.issuer", rule);
        }
        else
        {
            run.Fail(CheckNames.TrustedIssuer, $"The issuer '{issuer}' is not among the {trusted.Count} trusted issuers.", "$.issuer", rule);
        }
    }
}
