using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>Every credential a presentation carries in <c>verifiableCredential</c>, verified on its own (reports in <see cref="VerificationReport.Credentials"/>).</summary>
internal sealed class PresentedCredentialsStep : IVerificationStep
{
    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        await CheckAsync(run.Credential!, run.Presentation!, run, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckAsync(JObject vp, PresentationVerifierOptions options, VerificationRun run, CancellationToken cancellationToken)
    {
        var rule = $"every credential in verifiableCredential verifies (at most {options.MaxCredentials})";
        const string path = "$.verifiableCredential";
        var token = vp["verifiableCredential"];
        var items = CredentialJson.Items(token, path);
        if (token is null)
        {
            run.NotApplicable(CheckNames.PresentationCredentials, "The presentation carries no credentials.", path, rule);
            return;
        }

        await NestedCredentials.VerifyEachAsync(run, items, options.MaxCredentials, depth: 0, CheckNames.PresentationCredentials, path, rule, limitCode: null, cancellationToken).ConfigureAwait(false);
    }
}
