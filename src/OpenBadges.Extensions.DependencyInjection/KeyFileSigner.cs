using OpenBadges.Keys;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>An <see cref="ISigner"/> over a loaded Ed25519 key file that disposes the key with the container.</summary>
internal sealed class KeyFileSigner(Ed25519KeyFile file) : ISigner, IDisposable
{
    private readonly Ed25519Signer _signer = file.CreateSigner();

    public string KeyId => _signer.KeyId;

    public string Algorithm => _signer.Algorithm;

    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        _signer.SignAsync(data, cancellationToken);

    public void Dispose() => file.Dispose();

    // Never the secret: the same text Ed25519Signer gives.
    public override string ToString() => _signer.ToString();
}
