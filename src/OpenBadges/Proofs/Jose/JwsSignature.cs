using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// The signature of a compact JWS checked by IdentityModel with one known key and one allowed algorithm, and nothing
/// else: issuer, audience and times are the caller's named checks (VC-JWT claims, OpenID4VCI key proofs).
/// </summary>
internal static class JwsSignature
{
    /// <summary>IdentityModel's answer for <paramref name="token"/>; it may throw on malformed input.</summary>
    public static Task<TokenValidationResult> ValidateAsync(string token, JosePublicKey key, string alg, int maxTokenLength)
    {
        var securityKey = key.CreateSecurityKey();
        var handler = new JsonWebTokenHandler { MaximumTokenSizeInBytes = maxTokenLength };
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [alg],
            IssuerSigningKeyResolver = (_, _, _, _) => [securityKey],
        };
        return handler.ValidateTokenAsync(token, parameters);
    }
}
