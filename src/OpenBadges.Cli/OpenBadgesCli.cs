using System.CommandLine;
using OpenBadges.Cli.Commands;

namespace OpenBadges.Cli;

/// <summary>The <c>openbadges</c> command line: one root command with a subcommand per task.</summary>
public static class OpenBadgesCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to the given streams, and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, http: null);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the handler service calls go through (tests host the service in-process).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? http)
    {
        var context = new CliContext(stdout, stderr)
        {
            HttpHandler = http,
            Interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            RealConsole = ReferenceEquals(stdout, Console.Out) && ReferenceEquals(stderr, Console.Error),
        };
        var root = new RootCommand("openbadges: build, issue, sign, verify, bake and inspect Open Badges 3.0 micro-credentials.");
        foreach (var command in AllCommands(context))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("error: " + error.Message);
            }

            stderr.WriteLine("Run 'openbadges --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static IEnumerable<Command> AllCommands(CliContext context)
    {
        yield return KeygenCommand.Create(context);
        yield return BuildCommand.Create(context);
        yield return CanonicalizeCommand.Create(context);
        yield return SignCommand.Create(context);
        yield return VerifyCommand.Create(context);
        yield return IssueCommand.Create(context);
        yield return BakeCommand.Create(context);
        yield return UnbakeCommand.Create(context);
        yield return InspectCommand.Create(context);
        yield return StatusCommand.Create(context);
        yield return DidWebCommand.Create(context);
    }
}
