using OpenBadges.Oid4Vci;
using OpenIddict.Abstractions;
using OpenIddict.Validation;

namespace WalletIssuerSample;

/// <summary>
/// The credential endpoint's view of the OpenIddict authorization server: an access token it issued (signature,
/// expiry, audience = this credential issuer, checked by OpenIddict validation) grants the award in its claim.
/// </summary>
public sealed class OpenIddictAccessTokens(IServiceProvider services) : IAccessTokenValidator
{
    /// <summary>The access token claim naming the award the learner authorized.</summary>
    public const string AwardClaim = "award_id";

    public async ValueTask<AccessGrant?> ValidateAsync(string accessToken, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var validation = scope.ServiceProvider.GetRequiredService<OpenIddictValidationService>();
        try
        {
            var principal = await validation.ValidateAccessTokenAsync(accessToken, cancellationToken);
            return principal.GetClaim(AwardClaim) is { Length: > 0 } awardId && principal.GetExpirationDate() is { } expires
                ? new AccessGrant(awardId, expires)
                : null;
        }
        catch (Exception e) when (e is OpenIddictExceptions.ProtocolException or OpenIddictExceptions.ValidationException)
        {
            return null;   // unknown, forged, expired, for another audience: the endpoint answers 401 invalid_token
        }
    }
}
