using Microsoft.IdentityModel.Tokens;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// The <see cref="ICryptoProvider"/> that teaches IdentityModel's <see cref="CryptoProviderFactory"/> the <c>EdDSA</c>
/// algorithm (RFC 8037) for <see cref="Ed25519SecurityKey"/>s. Set as <see cref="CryptoProviderFactory.CustomCryptoProvider"/>
/// (every <see cref="Ed25519SecurityKey"/> does so on its own factory). Stateless and thread-safe.
/// </summary>
public sealed class Ed25519CryptoProvider : ICryptoProvider
{
    private Ed25519CryptoProvider()
    {
    }

    /// <summary>The single instance.</summary>
    public static Ed25519CryptoProvider Instance { get; } = new();

    /// <summary>
    /// True for <c>EdDSA</c> (or its RFC 9864 name <c>Ed25519</c>) with an <see cref="Ed25519SecurityKey"/> as the first
    /// argument (IdentityModel passes the key, then whether signatures will be created).
    /// </summary>
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        JoseAlgorithms.IsEd25519(algorithm) && args is [Ed25519SecurityKey, ..];

    /// <summary>Creates the signature provider for <c>EdDSA</c> and an <see cref="Ed25519SecurityKey"/>.</summary>
    /// <exception cref="NotSupportedException">Another algorithm or key type (IdentityModel asks <see cref="IsSupportedAlgorithm"/> first).</exception>
    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw ProofErrors.OnlyEdDsa();
        }

        var key = (Ed25519SecurityKey)args[0];
        var willCreateSignatures = args is [_, bool sign, ..] && sign;
        return new Ed25519SignatureProvider(key, algorithm, willCreateSignatures);
    }

    /// <inheritdoc />
    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
