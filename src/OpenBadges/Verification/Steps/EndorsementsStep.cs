using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>
/// Step 14: every endorsement — <c>endorsement</c> objects and <c>endorsementJwt</c> strings wherever they appear
/// (credential, issuer, achievement, …) — verified as an EndorsementCredential by the same algorithm, to a depth limit.
/// </summary>
internal sealed class EndorsementsStep : IVerificationStep
{

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        await CheckAsync(run.Credential!, run, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckAsync(JObject credential, VerificationRun run, CancellationToken cancellationToken)
    {
        var rule = $"every endorsement verifies as an EndorsementCredential (to a depth of {run.Settings.Options.MaxEndorsementDepth}, at most {run.Settings.Options.MaxEndorsements} per credential)";
        var found = new List<(JToken Item, string Path)>();
        FindEndorsements(credential, "$", found);
        if (found.Count == 0)
        {
            run.NotApplicable(CheckNames.Endorsements, "The credential carries no endorsements.", null, rule);
            return;
        }

        if (run.Depth >= run.Settings.Options.MaxEndorsementDepth)
        {
            // Undecided, not Failed: nothing is wrong with them, but they were not looked at.
            run.Undecided(CheckNames.Endorsements, $"{found.Count} endorsement(s) at depth {run.Depth + 1} were not verified: the endorsement depth limit is {run.Settings.Options.MaxEndorsementDepth}.", found[0].Path, rule, ProblemCodes.LimitReached);
            return;
        }

        foreach (var (item, path) in found.Take(run.Settings.Options.MaxEndorsements))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Endorsements.Add(await VerificationPipeline.VerifyEmbeddedAsync(run.Settings, item, VerificationReportKind.Endorsement, path, run.Depth + 1, cancellationToken).ConfigureAwait(false));
        }

        var valid = run.Endorsements.Count(e => e.Verdict == Verdict.Valid);
        var invalid = run.Endorsements.Count(e => e.Verdict == Verdict.Invalid);
        var undecided = run.Endorsements.Count - valid - invalid;
        var skipped = found.Count - run.Endorsements.Count;
        var summary = $"{found.Count} endorsement(s): {valid} valid, {invalid} invalid, {undecided} indeterminate" + (skipped > 0 ? $", {skipped} not verified (limit {run.Settings.Options.MaxEndorsements})." : ".");
        if (invalid > 0)
        {
            run.Fail(CheckNames.Endorsements, summary, run.Endorsements.First(e => e.Verdict == Verdict.Invalid).Location, rule);
        }
        else if (undecided > 0 || skipped > 0)
        {
            run.Undecided(CheckNames.Endorsements, summary, null, rule);
        }
        else
        {
            run.Pass(CheckNames.Endorsements, summary, null, rule);
        }
    }

    /// <summary>Every endorsement and endorsementJwt under <paramref name="token"/>; an endorsement's own endorsements (and those of credentials a CLR or presentation carries) are their business.</summary>
    private static void FindEndorsements(JToken token, string path, List<(JToken Item, string Path)> found)
    {
        switch (token)
        {
            case JObject json:
                foreach (var property in json.Properties())
                {
                    var childPath = path + "." + property.Name;
                    if (property.Name is "endorsement" or "endorsementJwt")
                    {
                        if (property.Value is JArray array)
                        {
                            for (var i = 0; i < array.Count; i++)
                            {
                                found.Add((array[i], $"{childPath}[{i}]"));
                            }
                        }
                        else
                        {
                            found.Add((property.Value, childPath));
                        }
                    }
                    else if (property.Name is not ("proof" or "verifiableCredential"))
                    {
                        FindEndorsements(property.Value, childPath, found);
                    }
                }

                break;
            case JArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    FindEndorsements(items[i], $"{path}[{i}]", found);
                }

                break;
        }
    }
}
