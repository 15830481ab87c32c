namespace OpenBadges.Oid4Vci;

/// <summary>The outcome of a token request: an access token, or an OAuth error code with a description.</summary>
public sealed record TokenResult(string? AccessToken, int ExpiresIn, string? Error, string? ErrorDescription)
{
    /// <summary>True when an access token was issued.</summary>
    public bool Succeeded => AccessToken is not null;

    internal static TokenResult Fail(string error, string description) => new(null, 0, error, description);
}
