namespace OpenBadges.Issuer.Auth;

/// <summary>What a caller may do. API keys carry them; a JWT carries them in its <c>scope</c> (or <c>scp</c>) claim.</summary>
public static class IssuerScopes
{
    /// <summary>Issue credentials (single and batch).</summary>
    public const string Issue = "issue";

    /// <summary>Revoke, suspend and reinstate.</summary>
    public const string Revoke = "revoke";

    /// <summary>Read stored credentials and their status history.</summary>
    public const string Read = "read";

    /// <summary>Every scope.</summary>
    public static IReadOnlyList<string> All { get; } = [Issue, Revoke, Read];
}
