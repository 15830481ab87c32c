using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// An <see cref="ISigner"/> producing ES256 signatures (ECDSA over P-256 with SHA-256, RFC 7518 §3.4) with a .NET
/// <see cref="ECDsa"/> key, for VC-JWTs. Signatures are in the JOSE form: R ‖ S, 32 bytes each (not DER). The
/// <see cref="ECDsa"/> object may be backed by a KMS or HSM provider; it is not owned: dispose it yourself.
/// </summary>
public sealed class EcdsaP256Signer : ISigner
{
    /// <summary>The value of <see cref="Algorithm"/>.</summary>
    public const string Es256Algorithm = "ES256";

    /// <summary>The JWK curve name of P-256.</summary>
    public const string P256Curve = "P-256";

    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly ECDsa _ecdsa;

    /// <summary>Signs with <paramref name="ecdsa"/> (a P-256 key) under the key id <paramref name="keyId"/>.</summary>
    /// <exception cref="ArgumentException">The key is not on P-256, or the key id is empty.</exception>
    public EcdsaP256Signer(ECDsa ecdsa, string keyId)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        ArgumentNullException.ThrowIfNull(keyId);
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw KeyErrors.KeyIdEmpty(nameof(keyId));
        }

        if (!IsP256(ecdsa.ExportParameters(includePrivateParameters: false).Curve))
        {
            throw KeyErrors.EcdsaKeyNotP256(nameof(ecdsa));
        }

        _ecdsa = ecdsa;
        KeyId = keyId;
    }

    /// <inheritdoc />
    public string KeyId { get; }

    /// <inheritdoc />
    public string Algorithm => Es256Algorithm;

    /// <summary>The public key as a JWK (<c>kty</c> "EC", <c>crv</c> "P-256", <c>x</c>, <c>y</c>); never <c>d</c>.</summary>
    public JObject ExportPublicJwk()
    {
        var parameters = _ecdsa.ExportParameters(includePrivateParameters: false);
        return new JObject
        {
            ["kty"] = "EC",
            ["crv"] = P256Curve,
            ["x"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.Y),
        };
    }

    /// <inheritdoc />
    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_ecdsa.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <inheritdoc />
    public override string ToString() => $"EcdsaP256Signer({KeyId})";

    internal static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1");
}
