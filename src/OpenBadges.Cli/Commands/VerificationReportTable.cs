using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Cli.Commands;

/// <summary>The human-readable form of a <see cref="VerificationReport"/>: a verdict line, then one line per check (status, name, message), nested reports indented.</summary>
internal static class VerificationReportTable
{
    public static void Write(TextWriter output, string title, VerificationReport report, int indent = 0)
    {
        var pad = new string(' ', indent);
        output.WriteLine($"{pad}{title}: {Headline(report)}");
        var width = report.Checks.Count == 0 ? 0 : report.Checks.Max(c => c.Name.Length);
        foreach (var check in report.Checks)
        {
            var code = check.Code is null ? string.Empty : $" [{check.Code}]";
            output.WriteLine($"{pad}  {Mark(check.Status)} {check.Name.PadRight(width)}  {check.Message}{code}");
        }

        foreach (var endorsement in report.Endorsements)
        {
            Write(output, "endorsement " + endorsement.Location, endorsement, indent + 4);
        }

        foreach (var credential in report.Credentials)
        {
            Write(output, "credential " + credential.Location, credential, indent + 4);
        }

        if (report.Refreshed is { } refreshed)
        {
            Write(output, "refreshed credential", refreshed, indent + 4);
        }
    }

    /// <summary>VALID, VALID with N warnings, INVALID (… warnings, strict), INDETERMINATE.</summary>
    public static string Headline(VerificationReport report)
    {
        var verdict = report.Verdict.ToString().ToUpperInvariant();
        if (report.WarningCount == 0)
        {
            return verdict;
        }

        var warnings = report.WarningCount == 1 ? "1 warning" : $"{report.WarningCount} warnings";
        return report.IsStrict && report.Verdict == Verdict.Invalid ? $"{verdict} ({warnings}, strict)" : $"{verdict} with {warnings}";
    }

    private static string Mark(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "ok  ",
        CheckStatus.Failed => "FAIL",
        CheckStatus.CouldNotCheck => "??  ",
        CheckStatus.Warning => "warn",
        _ => "--  ",
    };
}
