namespace OpenBadges.Oid4Vci;

/// <summary>
/// The seam to the authorization server. The built-in token endpoint (pre-authorized code flow,
/// <see cref="PreAuthorizedGrants"/>) implements it; for the authorization code flow an OAuth server (e.g. OpenIddict)
/// issues the tokens and an implementation of this interface introspects them into the award they grant.
/// </summary>
public interface IAccessTokenValidator
{
    /// <summary>The grant behind <paramref name="accessToken"/>, or null when it is unknown or expired.</summary>
    ValueTask<AccessGrant?> ValidateAsync(string accessToken, CancellationToken cancellationToken);
}
