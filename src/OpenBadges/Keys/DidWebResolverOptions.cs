namespace OpenBadges.Keys;

/// <summary>Bounds and switches of <see cref="DidWebResolver"/> and <see cref="ControllerDocumentResolver"/>.</summary>
public sealed record DidWebResolverOptions
{
    /// <summary>Safe defaults: 256 KiB documents, https only.</summary>
    public static DidWebResolverOptions Default { get; } = new();

    /// <summary>Largest document accepted, in bytes; a larger response fails without being read to the end.</summary>
    public int MaxDocumentBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Fetch over plain http when the host is loopback (localhost, 127.0.0.0/8, ::1). For tests against a local
    /// server only: did:web and controller documents require https.
    /// </summary>
    public bool AllowHttpForLoopback { get; init; }
}
