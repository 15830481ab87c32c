using System.Security.Cryptography;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// An <see cref="ISigner"/> for the ECDSA Data Integrity suites (and ES256/ES384 JWTs): ECDSA over P-256 with SHA-256
/// (<see cref="Algorithm"/> <c>ES256</c>) or over P-384 with SHA-384 (<c>ES384</c>), signatures in the IEEE P1363
/// form r ‖ s (64 or 96 bytes, not DER). The <see cref="ECDsa"/> object may be backed by a KMS or HSM provider; it is
/// not owned: dispose it yourself. <see cref="EcdsaP256Signer"/> remains the P-256 signer with a JWK export for VC-JWT;
/// both are accepted by the ECDSA suites.
/// </summary>
public sealed class EcdsaSigner : ISigner
{
    private readonly ECDsa _ecdsa;

    /// <summary>Signs with <paramref name="ecdsa"/> (a P-256 or P-384 key) under the verification method id <paramref name="keyId"/>.</summary>
    /// <exception cref="ArgumentException">The key is on another curve, or the key id is empty.</exception>
    public EcdsaSigner(ECDsa ecdsa, string keyId)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        ArgumentNullException.ThrowIfNull(keyId);
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw KeyErrors.KeyIdEmpty(nameof(keyId));
        }

        PublicKey = EcdsaPublicKey.FromECDsa(ecdsa);
        _ecdsa = ecdsa;
        KeyId = keyId;
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <summary><c>ES256</c> for a P-256 key, <c>ES384</c> for a P-384 key.</summary>
    public string Algorithm => EcdsaCurves.JoseAlgorithm(PublicKey.Curve);

    /// <summary>The public key.</summary>
    public EcdsaPublicKey PublicKey { get; }

    /// <summary>Signs <paramref name="data"/> hashed with the curve's hash; returns r ‖ s.</summary>
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_ecdsa.SignData(data.Span, EcdsaCurves.Hash(PublicKey.Curve), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <inheritdoc />
    public override string ToString() => $"EcdsaSigner({KeyId})";
}
