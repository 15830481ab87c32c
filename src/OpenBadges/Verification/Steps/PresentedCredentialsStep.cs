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
        var items = new List<(JToken Item, string Path)>();
        switch (vp["verifiableCredential"])
        {
            case null:
                run.NotApplicable(CheckNames.PresentationCredentials, "The presentation carries no credentials.", "$.verifiableCredential", rule);
                return;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add((array[i], $"$.verifiableCredential[{i}]"));
                }

                break;
            case var single:
                items.Add((single, "$.verifiableCredential"));
                break;
        }

        foreach (var (item, path) in items.Take(options.MaxCredentials))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Credentials.Add(await VerificationPipeline.VerifyEmbeddedAsync(run.Settings, item, VerificationReportKind.Credential, path, 0, cancellationToken).ConfigureAwait(false));
        }

        var valid = run.Credentials.Count(c => c.Verdict == Verdict.Valid);
        var invalid = run.Credentials.Count(c => c.Verdict == Verdict.Invalid);
        var skipped = items.Count - run.Credentials.Count;
        var summary = $"{items.Count} credential(s): {valid} valid, {invalid} invalid, {run.Credentials.Count - valid - invalid} indeterminate" + (skipped > 0 ? $", {skipped} not verified (limit)." : ".");
        if (invalid > 0)
        {
            run.Fail(CheckNames.PresentationCredentials, summary, run.Credentials.First(c => c.Verdict == Verdict.Invalid).Location, rule);
        }
        else if (valid < items.Count)
        {
            run.Undecided(CheckNames.PresentationCredentials, summary, "$.verifiableCredential", rule);
        }
        else
        {
            run.Pass(CheckNames.PresentationCredentials, summary, "$.verifiableCredential", rule);
        }
    }
}
