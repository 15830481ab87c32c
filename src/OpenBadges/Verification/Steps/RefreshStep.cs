using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>
/// Step 10: <c>refreshService</c> of type <c>1EdTechCredentialRefresh</c> (OB 3.0 §9): only once the proof passed, only
/// once (a refreshed credential is not refreshed again), only through the fetcher. The refreshed credential is verified
/// in full and attached as <see cref="VerificationReport.Refreshed"/>; a refresh that fails leaves the original's
/// verification as it is (the spec: continue with the original credential).
/// </summary>
internal sealed class RefreshStep : IVerificationStep
{

    private const string RefreshType = "1EdTechCredentialRefresh";

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        await CheckAsync(run.Credential!, run, run.ProofPassed, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckAsync(JObject credential, VerificationRun run, bool proofPassed, CancellationToken cancellationToken)
    {
        const string rule = "a 1EdTechCredentialRefresh service is asked for a newer credential once the proof passed; the newer one is verified in full";
        var service = credential["refreshService"] switch
        {
            JObject single => single,
            JArray array => array.OfType<JObject>().FirstOrDefault(s => (string?)s["type"] == RefreshType) ?? array.OfType<JObject>().FirstOrDefault(),
            _ => null,
        };
        if (service is null)
        {
            run.NotApplicable(CheckNames.Refresh, "The credential has no refreshService.", "$.refreshService", rule);
            return;
        }

        var type = service["type"]?.Type == JTokenType.String ? (string?)service["type"] : null;
        var url = service["id"]?.Type == JTokenType.String ? (string?)service["id"] : null;
        if (type != RefreshType)
        {
            run.NotApplicable(CheckNames.Refresh, $"refreshService type '{type}' is not {RefreshType}; not used.", "$.refreshService", rule);
        }
        else if (!proofPassed)
        {
            run.NotApplicable(CheckNames.Refresh, "Not asked: the proof did not pass, so the credential's refresh service is not trusted.", "$.refreshService", rule);
        }
        else if (run.Kind == VerificationReportKind.Refreshed)
        {
            run.NotApplicable(CheckNames.Refresh, "Not asked: this is already a refreshed credential (refresh happens once).", "$.refreshService", rule);
        }
        else if (run.Settings.Options.Fetcher is null)
        {
            run.NotApplicable(CheckNames.Refresh, $"Not asked: offline (no fetcher); {url} would be asked for a refreshed credential.", "$.refreshService.id", rule);
        }
        else if (url is null)
        {
            run.NotApplicable(CheckNames.Refresh, "The refreshService has no id (URL); not used.", "$.refreshService.id", rule);
        }
        else
        {
            var fetched = await DocumentFetch.FetchAsync(url, run, cancellationToken).ConfigureAwait(false);
            if (fetched.Text is null)
            {
                run.NotApplicable(CheckNames.Refresh, $"The refresh failed ({fetched.Error}); the original credential was verified.", "$.refreshService.id", rule);
                return;
            }

            var refreshed = await VerificationPipeline.VerifyEmbeddedAsync(run.Settings, new JValue(fetched.Text), VerificationReportKind.Refreshed, "$.refreshService", run.Depth, cancellationToken).ConfigureAwait(false);
            run.Refreshed = refreshed;
            var issuer = IssuerIdOf(credential);
            if (!string.Equals(refreshed.IssuerId, issuer, StringComparison.Ordinal))
            {
                // A refresh service answering with someone else's credential is not a refresh of this one.
                run.NotApplicable(CheckNames.Refresh, $"{url} returned a credential of another issuer ('{refreshed.IssuerId}', not '{issuer}'); it is not a refresh of this credential (see 'refreshed').", "$.refreshService.id", rule);
                return;
            }

            run.Pass(CheckNames.Refresh, $"{url} returned a refreshed credential, verified as {refreshed.Verdict} (see 'refreshed').", "$.refreshService.id", rule);
        }
    }
}
