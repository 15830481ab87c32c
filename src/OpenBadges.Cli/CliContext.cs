namespace OpenBadges.Cli;

/// <summary>Where a command writes: injected so tests run commands in-process.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
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

    /// <summary>Reads a whole input file, naming it when it cannot be read.</summary>
    public static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically (temp file, then rename), or to stdout when path is null.</summary>
    public void WriteOutput(string text, string? path)
    {
        if (path is null)
        {
            Out.Write(text);
            return;
        }

        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliInputException($"cannot write '{path}': {e.Message}");
        }
    }

    private static bool IsInputProblem(Exception e) =>
        e is CliInputException or OpenBadges.Json.JsonInputException or FormatException or ArgumentException or OpenBadges.JsonLd.JsonLdException;
}
