using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// An <see cref="ISigner"/> producing RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) with a .NET
/// <see cref="RSA"/> key, for VC-JWTs. The <see cref="RSA"/> object may be backed by a KMS or HSM provider. It is not
/// owned: dispose it yourself when done. Keys shorter than 2048 bits are refused (RFC 7518 §3.3).
/// </summary>
public sealed class RsaSigner : ISigner
{
    /// <summary>The value of <see cref="Algorithm"/>.</summary>
    public const string Rs256Algorithm = "RS256";

    /// <summary>The smallest accepted modulus, in bits.</summary>
    public const int MinimumKeySizeInBits = 2048;

    private readonly RSA _rsa;

    /// <summary>Signs with <paramref name="rsa"/> under the key id <paramref name="keyId"/> (a DID URL or HTTPS URL).</summary>
    /// <exception cref="ArgumentException">The key is shorter than 2048 bits, or the key id is empty.</exception>
    public RsaSigner(RSA rsa, string keyId)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        ArgumentNullException.ThrowIfNull(keyId);
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw KeyErrors.KeyIdEmpty(nameof(keyId));
        }

        if (rsa.KeySize < MinimumKeySizeInBits)
        {
            throw KeyErrors.RsaKeyTooSmall(nameof(rsa), MinimumKeySizeInBits, rsa.KeySize);
        }

        _rsa = rsa;
        KeyId = keyId;
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <inheritdoc />
    public string Algorithm => Rs256Algorithm;

    /// <summary>The public key as a JWK (<c>kty</c> "RSA", <c>n</c>, <c>e</c>); never any private member.</summary>
    public JObject ExportPublicJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new JObject
        {
            ["kty"] = "RSA",
            ["n"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    /// <inheritdoc />
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_rsa.SignData(data.Span, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <inheritdoc />
    public override string ToString() => $"RsaSigner({KeyId})";
}
