using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>The credentials a document carries (a CLR's, a presentation's), each verified in a run of its own and summarized in one check.</summary>
internal static class NestedCredentials
{
    /// <summary>Verifies the first <paramref name="limit"/> of <paramref name="items"/> at <paramref name="depth"/> and adds the <paramref name="name"/> check that sums them up.</summary>
    /// <param name="run">The run of the document that carries them.</param>
    /// <param name="items">Each credential with its JSON path.</param>
    /// <param name="limit">At most this many are verified.</param>
    /// <param name="depth">The nesting depth of their runs.</param>
    /// <param name="name">The summary check's name.</param>
    /// <param name="path">The summary check's JSON path.</param>
    /// <param name="rule">The summary check's rule.</param>
    /// <param name="limitCode">The problem code of an Indeterminate summary when the limit left credentials unverified (null: none).</param>
    /// <param name="cancellationToken">Stops the verification.</param>
    public static async Task VerifyEachAsync(VerificationRun run, List<(JToken Item, string Path)> items, int limit, int depth, string name, string path, string rule, string? limitCode, CancellationToken cancellationToken)
    {
        foreach (var (item, itemPath) in items.Take(limit))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Credentials.Add(await VerificationPipeline.VerifyEmbeddedAsync(run.Settings, item, VerificationReportKind.Credential, itemPath, depth, cancellationToken).ConfigureAwait(false));
        }

        var valid = run.Credentials.Count(c => c.Verdict == Verdict.Valid);
        var invalid = run.Credentials.Count(c => c.Verdict == Verdict.Invalid);
        var skipped = items.Count - run.Credentials.Count;
        var summary = $"{items.Count} credential(s): {valid} valid, {invalid} invalid, {run.Credentials.Count - valid - invalid} indeterminate" + (skipped > 0 ? $", {skipped} not verified (limit)." : ".");
        if (invalid > 0)
        {
            run.Fail(name, summary, run.Credentials.First(c => c.Verdict == Verdict.Invalid).Location, rule);
        }
        else if (valid < items.Count)
        {
            run.Undecided(name, summary, path, rule, skipped > 0 ? limitCode : null);
        }
        else
        {
            run.Pass(name, summary, path, rule);
        }
    }
}
