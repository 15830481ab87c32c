using Newtonsoft.Json.Linq;

namespace OpenBadges.Verification;

/// <summary>
/// The trusted-issuer policy (<see cref="CredentialVerifierOptions.TrustedIssuers"/>): when the caller names the issuers
/// it accepts, a credential from any other issuer fails this check. Without the option the check is not reported.
/// </summary>
public sealed partial class CredentialVerifier
{
    private void CheckTrustedIssuer(JObject credential, Run run)
    {
        const string rule = "the issuer id is one of CredentialVerifierOptions.TrustedIssuers (exact match)";
        if (_options.TrustedIssuers is not { } trusted)
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
