using Microsoft.IdentityModel.Tokens;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// An Ed25519 key for Microsoft.IdentityModel (which has no EdDSA of its own): its
/// <see cref="SecurityKey.CryptoProviderFactory"/> carries <see cref="Ed25519CryptoProvider"/> as the custom provider, so
/// <c>JsonWebTokenHandler</c> verifies <c>alg: EdDSA</c> tokens with NSec. Holds the public key, and optionally an
/// in-process <see cref="Ed25519Key"/> for signing through IdentityModel (not owned: dispose it yourself).
/// </summary>
public sealed class Ed25519SecurityKey : AsymmetricSecurityKey
{
    /// <summary>A verification-only key.</summary>
    public Ed25519SecurityKey(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        PublicKey = publicKey;
        CryptoProviderFactory = new CryptoProviderFactory
        {
            CustomCryptoProvider = Ed25519CryptoProvider.Instance,
            CacheSignatureProviders = false,
        };
    }

    /// <summary>A key that can also sign, through IdentityModel's <c>SigningCredentials</c>.</summary>
    public Ed25519SecurityKey(Ed25519Key privateKey)
        : this((privateKey ?? throw ProofErrors.NullPrivateKey(nameof(privateKey))).PublicKey)
    {
        PrivateKey = privateKey;
    }

    /// <summary>The public key.</summary>
    public Ed25519PublicKey PublicKey { get; }

    /// <summary>The signing key, when this key can sign.</summary>
    internal Ed25519Key? PrivateKey { get; }

    /// <inheritdoc />
    public override int KeySize => Ed25519PublicKey.Size * 8;

    /// <inheritdoc />
    public override PrivateKeyStatus PrivateKeyStatus => PrivateKey is null ? PrivateKeyStatus.DoesNotExist : PrivateKeyStatus.Exists;

#pragma warning disable CS0672, CS0618 // IdentityModel marks HasPrivateKey obsolete but still declares it abstract.
    /// <inheritdoc />
    public override bool HasPrivateKey => PrivateKey is not null;
#pragma warning restore CS0672, CS0618

    /// <inheritdoc />
    public override bool CanComputeJwkThumbprint() => true;

    /// <summary>The RFC 7638 thumbprint: SHA-256 over <c>{"crv":"Ed25519","kty":"OKP","x":…}</c>, raw bytes.</summary>
    public override byte[] ComputeJwkThumbprint() => System.Buffers.Text.Base64Url.DecodeFromChars(Jwk.Thumbprint(PublicKey));

    /// <summary>Names the public key; never anything secret.</summary>
    public override string ToString() => $"Ed25519SecurityKey({PublicKey})";
}
