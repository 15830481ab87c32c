using OpenBadges.Cli;

namespace OpenBadges.Tests.Cli;

/// <summary>Runs the <c>openbadges</c> tool in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = OpenBadgesCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
