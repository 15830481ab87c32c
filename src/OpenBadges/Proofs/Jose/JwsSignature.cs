using System.Buffers;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// The signature of a compact JWS checked with one known key and one allowed algorithm, and nothing else: issuer,
/// audience and times are the caller's named checks (VC-JWT claims, OpenID4VCI key proofs).
/// </summary>
/// <remarks>
/// EdDSA (an Ed25519 key) is checked here directly: RFC 8037 §3.1 is one Ed25519 verification of the ASCII signing
/// input, and IdentityModel's handler would parse the whole token again into its own claims model first, which cost
/// three times the verification itself. RS256 and ES256 stay with IdentityModel.
/// </remarks>
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

    /// <summary>
    /// Checks <paramref name="token"/>'s signature when <paramref name="key"/> is an Ed25519 key that accepts
    /// <paramref name="alg"/>; false (and nothing checked) for any other key, which goes to <see cref="ValidateAsync"/>.
    /// </summary>
    /// <param name="token">A compact JWS of three segments.</param>
    /// <param name="key">The issuer's key.</param>
    /// <param name="alg">The header's algorithm, already checked against the key.</param>
    /// <param name="valid">Whether the signature verifies: the signature segment is canonical unpadded base64url of
    /// 64 bytes and the signing input (everything before the last '.') is ASCII and verifies with the key.</param>
    public static bool TryVerifyEd25519(string token, JosePublicKey key, string alg, out bool valid)
    {
        valid = false;
        if (key.Ed25519 is not { } publicKey || !key.Accepts(alg))
        {
            return false;
        }

        var lastDot = token.LastIndexOf('.');
        var firstDot = token.IndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || lastDot == token.Length - 1)
        {
            return true;
        }

        // 86 characters of base64url hold 64 bytes; anything else is not an Ed25519 signature.
        Span<byte> signature = stackalloc byte[Ed25519PublicKey.SignatureSize + 3];
        var encoded = token.AsSpan(lastDot + 1);
        if (encoded.Length != 86 ||
            !Multibase.TryDecodeBase64Url(encoded, signature, out var written, out _) ||
            written != Ed25519PublicKey.SignatureSize)
        {
            return true;
        }

        var signingInput = token.AsSpan(0, lastDot);
        if (!Ascii.IsValid(signingInput))
        {
            return true;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(signingInput.Length);
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, buffer);
            valid = publicKey.Verify(buffer.AsSpan(0, length), signature[..Ed25519PublicKey.SignatureSize]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }
}
