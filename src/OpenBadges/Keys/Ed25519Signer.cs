using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// An <see cref="ISigner"/> over an in-process <see cref="Ed25519Key"/>. It does not own the key: dispose the
/// key yourself when done. Thread-safe.
/// </summary>
public sealed class Ed25519Signer : ISigner
{
    /// <summary>The value of <see cref="Algorithm"/>.</summary>
    public const string Ed25519Algorithm = "Ed25519";

    private readonly Ed25519Key _key;

    /// <summary>Signs with <paramref name="key"/> under the verification method id <paramref name="keyId"/>.</summary>
    public Ed25519Signer(Ed25519Key key, string keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keyId);
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw KeyErrors.VerificationMethodIdEmpty(nameof(keyId));
        }

        _key = key;
        KeyId = keyId;
    }

    /// <summary>A signer whose key id is the key's did:key verification method (<c>did:key:z6Mk…#z6Mk…</c>).</summary>
    public static Ed25519Signer ForDidKey(Ed25519Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new Ed25519Signer(key, key.PublicKey.ToDidKeyVerificationMethodId());
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <inheritdoc />
    public string Algorithm => Ed25519Algorithm;

    /// <summary>The public key verifiers will find behind <see cref="KeyId"/>.</summary>
    public Ed25519PublicKey PublicKey => _key.PublicKey;

    /// <inheritdoc />
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_key.Sign(data.Span));
    }

    /// <summary>Signs synchronously into <paramref name="signature"/> (64 bytes): the allocation-free hot path.</summary>
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => _key.Sign(data, signature);

    /// <inheritdoc />
    public override string ToString() => $"Ed25519Signer({KeyId})";
}
