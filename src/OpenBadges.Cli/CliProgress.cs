using Spectre.Console;

namespace OpenBadges.Cli;

/// <summary>
/// The progress bar of a long run (many files to verify, a batch to issue). It is drawn only on a console a person
/// watches: when stdout or stderr is redirected, or the output is meant for a program (<c>--json</c>), nothing at all
/// is written, so logs and machine-read output never carry progress characters.
/// </summary>
internal static class CliProgress
{
    /// <summary>
    /// The console progress is drawn on for a run with these streams: stderr when both streams are the process's own
    /// and both are terminals; otherwise null (no progress).
    /// </summary>
    public static Func<IAnsiConsole>? ConsoleFor(TextWriter stdout, TextWriter stderr)
    {
        var terminal = ReferenceEquals(stdout, Console.Out) && ReferenceEquals(stderr, Console.Error)
            && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        return terminal ? () => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : null;
    }

    /// <summary>
    /// Runs <paramref name="body"/>, which reports its total (once it knows it) and each finished item through the two
    /// callbacks (from any thread). With <paramref name="console"/> null the callbacks do nothing.
    /// </summary>
    public static T Run<T>(IAnsiConsole? console, string description, Func<Action<int>, Action, T> body)
    {
        if (console is null)
        {
            return body(static _ => { }, static () => { });
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(description, autoStart: false);
                return body(
                    total =>
                    {
                        task.MaxValue = Math.Max(total, 1);
                        task.StartTask();
                    },
                    () => task.Increment(1));
            });
    }
}
