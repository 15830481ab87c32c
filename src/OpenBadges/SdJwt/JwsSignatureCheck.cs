using System.Text;
using Microsoft.IdentityModel.Tokens;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

/// <summary>Verifies a compact JWS signature with a known key through IdentityModel's signature providers (EdDSA through <see cref="Ed25519CryptoProvider"/>).</summary>
internal static class JwsSignatureCheck
{
    public static bool Verify(JosePublicKey key, string algorithm, string compactJws, byte[] signature)
    {
        var lastDot = compactJws.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return false;
        }

        var securityKey = key.CreateSecurityKey();
        var factory = securityKey.CryptoProviderFactory ?? CryptoProviderFactory.Default;
        SignatureProvider? provider = null;
        try
        {
            provider = factory.CreateForVerifying(securityKey, algorithm);
            return provider.Verify(Encoding.ASCII.GetBytes(compactJws[..lastDot]), signature);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.Security.Cryptography.CryptographicException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            if (provider is not null)
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }
    }
}
