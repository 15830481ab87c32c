namespace OpenBadges.Oid4Vci;

/// <summary>Accepts a token when the first validator knows it, else when the second does.</summary>
internal sealed class EitherAccessTokenValidator(IAccessTokenValidator first, IAccessTokenValidator second) : IAccessTokenValidator
{
    public async ValueTask<AccessGrant?> ValidateAsync(string accessToken, CancellationToken cancellationToken) =>
        await first.ValidateAsync(accessToken, cancellationToken).ConfigureAwait(false)
        ?? await second.ValidateAsync(accessToken, cancellationToken).ConfigureAwait(false);
}
