using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>
/// Last step for a CLR 2.0 ClrCredential: every AchievementCredential / OpenBadgeCredential inside
/// <c>credentialSubject.verifiableCredential</c> is verified on its own, each with a report nested under the CLR's
/// (<see cref="VerificationReport.Credentials"/>).
/// </summary>
internal sealed class ClrCredentialsStep : IVerificationStep
{

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        if (run.CredentialKind == CredentialKind.Clr)
        {
            await CheckAsync(run.Credential!, run, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task CheckAsync(JObject credential, VerificationRun run, CancellationToken cancellationToken)
    {
        var rule = $"every credential in the CLR verifies on its own (at most {run.Settings.Options.MaxEndorsements}, to a depth of {run.Settings.Options.MaxEndorsementDepth})";
        const string path = "$.credentialSubject.verifiableCredential";
        var options = run.Settings.Options;
        var token = credential["credentialSubject"]?["verifiableCredential"];
        var items = CredentialJson.Items(token, path);
        if (token is null)
        {
            run.NotApplicable(CheckNames.ClrCredentials, "The CLR carries no credentials (see clr.subject).", path, rule);
            return;
        }

        if (run.Depth >= options.MaxEndorsementDepth)
        {
            run.Undecided(CheckNames.ClrCredentials, $"{items.Count} credential(s) at depth {run.Depth + 1} were not verified: the nesting limit is {options.MaxEndorsementDepth}.", items[0].Path, rule, ProblemCodes.LimitReached);
            return;
        }

        await NestedCredentials.VerifyEachAsync(run, items, options.MaxEndorsements, run.Depth + 1, CheckNames.ClrCredentials, path, rule, ProblemCodes.LimitReached, cancellationToken).ConfigureAwait(false);
    }
}
