namespace OpenBadges.Json;

/// <summary>
/// Bounds on untrusted JSON input. The defaults fit every real credential with a wide margin
/// while keeping a hostile document from exhausting memory or the stack.
/// </summary>
public sealed record JsonLimits
{
    /// <summary>The defaults: 1 MiB of text and a nesting depth of 64.</summary>
    public static JsonLimits Default { get; } = new();

    /// <summary>Largest accepted input, in UTF-16 characters (strings) or bytes (streams).</summary>
    public int MaxInputLength { get; init; } = 1024 * 1024;

    /// <summary>Deepest accepted nesting of objects and arrays.</summary>
    public int MaxDepth { get; init; } = 64;
}
