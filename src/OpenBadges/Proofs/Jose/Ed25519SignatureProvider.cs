using Microsoft.IdentityModel.Tokens;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>EdDSA (RFC 8037 §3.1: Ed25519 over the JWS signing input) for IdentityModel, with NSec underneath.</summary>
internal sealed class Ed25519SignatureProvider : SignatureProvider
{
    private readonly Ed25519SecurityKey _key;

    public Ed25519SignatureProvider(Ed25519SecurityKey key, string algorithm, bool willCreateSignatures)
        : base(key, algorithm)
    {
        if (willCreateSignatures && key.PrivateKey is null)
        {
            throw ProofErrors.SecurityKeyIsPublicOnly();
        }

        _key = key;
        WillCreateSignatures = willCreateSignatures;
    }

    public override byte[] Sign(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SigningKey.Sign(input);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        return SigningKey.Sign(input.AsSpan(offset, count));
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Ed25519PublicKey.SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        SigningKey.Sign(data, destination[..Ed25519PublicKey.SignatureSize]);
        bytesWritten = Ed25519PublicKey.SignatureSize;
        return true;
    }

    public override bool Verify(byte[] input, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return _key.PublicKey.Verify(input, signature);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(signature);
        return _key.PublicKey.Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    protected override void Dispose(bool disposing)
    {
        // Nothing to release: the key belongs to the caller.
    }

    private Ed25519Key SigningKey =>
        _key.PrivateKey ?? throw ProofErrors.SecurityKeyIsPublicOnly();
}
