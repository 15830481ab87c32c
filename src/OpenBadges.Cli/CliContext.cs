namespace OpenBadges.Cli;

/// <summary>Where a command writes: injected so tests run commands in-process.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>True when stderr is a terminal a person watches; false in tests and when redirected.</summary>
    public bool Interactive { get; init; }

    /// <summary>
    /// Creates the console progress bars are drawn on, or null: no progress at all (stdout or stderr redirected, or a
    /// test). Commands that print for programs (<c>--json</c>) do not call it.
    /// </summary>
    public Func<Spectre.Console.IAnsiConsole>? ProgressConsole { get; init; }

    /// <summary>True when the tool runs as its own process on the real console (signals such as Ctrl+C are then handled).</summary>
    public bool RealConsole { get; init; }

    /// <summary>The handler for calls to an issuing service (null: a plain <see cref="HttpClientHandler"/>); tests pass an in-process server's.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Runs a command body, turning expected failures into exit codes and messages on stderr.</summary>
    public int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsInputProblem(e))
        {
            Error.WriteLine("error: " + e.Message);
            return ExitCodes.UsageOrInput;
        }
    }

    /// <summary>Reads a whole input file as UTF-8 within <see cref="InputFiles.MaxBytes"/>, naming it when it cannot be read.</summary>
    public static string ReadFile(string path)
    {
        return InputFiles.ReadText(path);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically (temp file, then rename), or to stdout when path is null.</summary>
    public void WriteOutput(string text, string? path)
    {
        if (path is null)
        {
            Out.Write(text);
            return;
        }

        WriteFile(path, () => AtomicFile.WriteText(path, text));
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public static void WriteOutputBytes(byte[] bytes, string path) => WriteFile(path, () => AtomicFile.WriteBytes(path, bytes));

    private static void WriteFile(string path, Func<bool> write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot write '{path}': {e.Message}");
        }
    }

    private static bool IsInputProblem(Exception e) => LibraryInputErrors.Is(e);
}
