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
        var items = new List<(JToken Item, string Path)>();
        switch (credential["credentialSubject"]?["verifiableCredential"])
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add((array[i], $"$.credentialSubject.verifiableCredential[{i}]"));
                }

                break;
            case null:
                run.NotApplicable(CheckNames.ClrCredentials, "The CLR carries no credentials (see clr.subject).", "$.credentialSubject.verifiableCredential", rule);
                return;
            case var single:
                items.Add((single, "$.credentialSubject.verifiableCredential"));
                break;
        }

        if (run.Depth >= run.Settings.Options.MaxEndorsementDepth)
        {
            run.Undecided(CheckNames.ClrCredentials, $"{items.Count} credential(s) at depth {run.Depth + 1} were not verified: the nesting limit is {run.Settings.Options.MaxEndorsementDepth}.", items[0].Path, rule, ProblemCodes.LimitReached);
            return;
        }

        foreach (var (item, path) in items.Take(run.Settings.Options.MaxEndorsements))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Credentials.Add(await VerificationPipeline.VerifyEmbeddedAsync(run.Settings, item, VerificationReportKind.Credential, path, run.Depth + 1, cancellationToken).ConfigureAwait(false));
        }

        var valid = run.Credentials.Count(c => c.Verdict == Verdict.Valid);
        var invalid = run.Credentials.Count(c => c.Verdict == Verdict.Invalid);
        var skipped = items.Count - run.Credentials.Count;
        var summary = $"{items.Count} credential(s): {valid} valid, {invalid} invalid, {run.Credentials.Count - valid - invalid} indeterminate" + (skipped > 0 ? $", {skipped} not verified (limit)." : ".");
        if (invalid > 0)
        {
            run.Fail(CheckNames.ClrCredentials, summary, run.Credentials.First(c => c.Verdict == Verdict.Invalid).Location, rule);
        }
        else if (valid < items.Count)
        {
            run.Undecided(CheckNames.ClrCredentials, summary, "$.credentialSubject.verifiableCredential", rule, skipped > 0 ? ProblemCodes.LimitReached : null);
        }
        else
        {
            run.Pass(CheckNames.ClrCredentials, summary, "$.credentialSubject.verifiableCredential", rule);
        }
    }
}
