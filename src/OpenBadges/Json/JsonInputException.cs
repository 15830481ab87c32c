namespace OpenBadges.Json;

/// <summary>Input that is not acceptable JSON: malformed, too large, too deep, or with duplicate keys.</summary>
public sealed class JsonInputException : FormatException
{
    /// <summary>Makes the exception.</summary>
    public JsonInputException(string message, int lineNumber = 0, int linePosition = 0, string? path = null, Exception? inner = null)
        : base(message, inner)
    {
        LineNumber = lineNumber;
        LinePosition = linePosition;
        Path = path;
    }

    /// <summary>1-based line of the problem, 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>1-based position in that line, 0 when unknown.</summary>
    public int LinePosition { get; }

    /// <summary>JSON path of the problem, when known.</summary>
    public string? Path { get; }

    // The input passed a size or depth limit, or could not be carried over faithfully: nothing says it is bad, only
    // that it was not read (a verifier reports this as could-not-check, not as invalid).
    internal bool CouldNotRead { get; init; }
}
