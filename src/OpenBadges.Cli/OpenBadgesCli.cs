using System.CommandLine;
using OpenBadges.Cli.Commands;

namespace OpenBadges.Cli;

/// <summary>The <c>openbadges</c> command line: one root command with a subcommand per task.</summary>
public static class OpenBadgesCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to the given streams, and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, http: null);

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with the handler service calls go through (tests host the service in-process).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? http) =>
        Run(args, stdout, stderr, http, CliProgress.ConsoleFor(stdout, stderr));

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, drawing progress on <paramref name="progressConsole"/>'s console (null: none); tests force it on.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? http, Func<Spectre.Console.IAnsiConsole>? progressConsole)
    {
        var context = new CliContext(stdout, stderr)
        {
            HttpHandler = http,
            ProgressConsole = progressConsole,
            Interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            RealConsole = ReferenceEquals(stdout, Console.Out) && ReferenceEquals(stderr, Console.Error),
        };
        // Not a RootCommand: that one takes its name from the executable (OpenBadges.Cli.dll when run as a dotnet tool),
        // and help must say the command the user types.
        var root = new Command(CommandName, "openbadges: build, issue, sign, verify, bake and inspect Open Badges 3.0 micro-credentials.")
        {
            Options = { new System.CommandLine.Help.HelpOption(), new VersionOption() },
        };
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

            if (SuggestCommand(root, args) is { } suggestion)
            {
                stderr.WriteLine($"Did you mean '{CommandName} {suggestion}'?");
            }

            stderr.WriteLine("Run 'openbadges --help' for usage.");
            return ExitCodes.UsageOrInput;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>The command users type (the tool's command name), used in help and messages.</summary>
    public const string CommandName = "openbadges";

    /// <summary>For a first argument that names no command, the command it most likely misspells, or null.</summary>
    internal static string? SuggestCommand(Command root, IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-') || root.Subcommands.Any(c => c.Name == args[0]))
        {
            return null;
        }

        var typed = args[0].ToLowerInvariant();
        var best = root.Subcommands
            .Select(c => (c.Name, Distance: EditDistance(typed, c.Name)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        // Two edits, or a third of a long name: "verfy" and "sing" are caught, an unrelated word is not.
        return best.Name is not null && best.Distance <= Math.Max(2, best.Name.Length / 3) ? best.Name : null;
    }

    private static int EditDistance(string a, string b)
    {
        // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static IEnumerable<Command> AllCommands(CliContext context)
    {
        yield return KeygenCommand.Create(context);
        yield return BuildCommand.Create(context);
        yield return CanonicalizeCommand.Create(context);
        yield return SignCommand.Create(context);
        yield return DeriveCommand.Create(context);
        yield return VerifyCommand.Create(context);
        yield return IssueCommand.Create(context);
        yield return BakeCommand.Create(context);
        yield return UnbakeCommand.Create(context);
        yield return InspectCommand.Create(context);
        yield return ExportCommand.Create(context);
        yield return RenderCommand.Create(context);
        yield return SdJwtCommand.Create(context);
        yield return SdJwtCommand.CreatePresent(context);
        yield return StatusCommand.Create(context);
        yield return DidWebCommand.Create(context);
    }
}
