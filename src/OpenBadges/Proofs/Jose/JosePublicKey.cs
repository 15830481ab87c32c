using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// A public verification key read from a JWK (RFC 7517/7518/8037): RSA (≥ 2048 bits), EC P-256 or OKP Ed25519. Knows
/// the one JWS algorithm it may verify, its RFC 7638 thumbprint, and how to become an IdentityModel
/// <see cref="SecurityKey"/>. JWKs with private members are refused.
/// </summary>
internal sealed class JosePublicKey : IDisposable
{
    private const int MaxRsaModulusBytes = 1024; // 8192 bits
    private const int MaxRsaExponentBytes = 8;
    private const int P256CoordinateBytes = 32;

    private readonly AsymmetricAlgorithm? _algorithm;

    private JosePublicKey(string keyType, string algorithm, string thumbprint, AsymmetricAlgorithm? netKey, Ed25519PublicKey? ed25519)
    {
        KeyType = keyType;
        Algorithm = algorithm;
        Thumbprint = thumbprint;
        _algorithm = netKey;
        Ed25519 = ed25519;
    }

    /// <summary><c>RSA</c>, <c>EC</c> or <c>OKP</c>.</summary>
    public string KeyType { get; }

    /// <summary>The JWS algorithm this key verifies (for Ed25519 also under its RFC 9864 name, see <see cref="Accepts"/>).</summary>
    public string Algorithm { get; }

    /// <summary>True when <paramref name="algorithm"/> is this key's algorithm: the key type fixes it (RFC 8725 §3.1).</summary>
    public bool Accepts(string algorithm) => algorithm == Algorithm || (Algorithm == JoseAlgorithms.EdDSA && JoseAlgorithms.IsEd25519(algorithm));

    /// <summary>The RFC 7638 SHA-256 thumbprint, base64url.</summary>
    public string Thumbprint { get; }

    /// <summary>The Ed25519 key, for OKP keys.</summary>
    public Ed25519PublicKey? Ed25519 { get; }

    /// <summary>A short description for messages, e.g. <c>EC P-256 key (thumbprint …)</c>.</summary>
    public string Describe() => KeyType switch
    {
        "RSA" => $"RSA {_algorithm!.KeySize}-bit key (thumbprint {Thumbprint})",
        "EC" => $"EC P-256 key (thumbprint {Thumbprint})",
        _ => $"Ed25519 key {Ed25519}",
    };

    /// <summary>The key for IdentityModel: <see cref="RsaSecurityKey"/>, <see cref="ECDsaSecurityKey"/> or <see cref="Ed25519SecurityKey"/>.</summary>
    /// <remarks>
    /// RSA and EC keys get a factory of their own that does not cache signature providers: the default factory's cache
    /// is keyed by key material and would outlive the <see cref="RSA"/>/<see cref="ECDsa"/> object this class disposes.
    /// </remarks>
    public SecurityKey CreateSecurityKey() => _algorithm switch
    {
        RSA rsa => new RsaSecurityKey(rsa) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
        ECDsa ecdsa => new ECDsaSecurityKey(ecdsa) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
        _ => new Ed25519SecurityKey(Ed25519!),
    };

    /// <summary>Wraps an Ed25519 key resolved from a DID document.</summary>
    public static JosePublicKey FromEd25519(Ed25519PublicKey publicKey) =>
        new(Jwk.OctetKeyPair, JoseAlgorithms.EdDSA, Jwk.Thumbprint(publicKey), null, publicKey);

    /// <summary>Reads a public JWK; <paramref name="error"/> names the member and rule when it is not acceptable.</summary>
    public static bool TryParse(JObject? jwk, [NotNullWhen(true)] out JosePublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (jwk is null)
        {
            error = "the JWK is not a JSON object";
            return false;
        }

        var secret = DidJwk.PrivateMember(jwk);
        if (secret is not null)
        {
            error = $"the JWK carries private key material (member '{secret}'); only public keys are accepted";
            return false;
        }

        if (jwk["use"] is JToken use && !(use is JValue { Type: JTokenType.String } && (string?)use == "sig"))
        {
            error = "member 'use', when present, must be \"sig\"";
            return false;
        }

        var kty = String(jwk, "kty");
        var read = kty switch
        {
            "RSA" => TryReadRsa(jwk, out key, out error),
            "EC" => TryReadEc(jwk, out key, out error),
            Jwk.OctetKeyPair => TryReadOkp(jwk, out key, out error),
            _ => Refuse(kty, out key, out error),
        };
        if (!read || key is null)
        {
            error ??= "the JWK could not be read";
            return false;
        }

        var alg = jwk["alg"];
        if (alg is not null && !(alg is JValue { Type: JTokenType.String } && (string?)alg == key.Algorithm))
        {
            error = $"member 'alg' is {Printable.Quote(alg.ToString())}, but an {key.KeyType} key is used with {key.Algorithm}";
            key.Dispose();
            key = null;
            return false;
        }

        return true;
    }

    /// <summary>True when both are the same public key.</summary>
    public bool SameKeyAs(JosePublicKey other) => string.Equals(Thumbprint, other.Thumbprint, StringComparison.Ordinal);

    /// <inheritdoc />
    public void Dispose() => _algorithm?.Dispose();

    private static bool TryReadOkp(JObject jwk, [NotNullWhen(true)] out JosePublicKey? key, [NotNullWhen(false)] out string? error)
    {
        // Jwk checks crv, alg and x (32 bytes, a valid Ed25519 point encoding).
        if (!Jwk.TryParsePublicKey(jwk, out var publicKey, out error))
        {
            key = null;
            return false;
        }

        key = FromEd25519(publicKey);
        return true;
    }

    private static bool TryReadEc(JObject jwk, [NotNullWhen(true)] out JosePublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (String(jwk, "crv") != EcdsaP256Signer.P256Curve)
        {
            error = $"member 'crv' is {Printable.Quote(String(jwk, "crv"))}; only {EcdsaP256Signer.P256Curve} is accepted for EC keys";
            return false;
        }

        if (!TryReadBytes(jwk, "x", P256CoordinateBytes, out var x, out error)
            || !TryReadBytes(jwk, "y", P256CoordinateBytes, out var y, out error))
        {
            return false;
        }

        if (x.Length != P256CoordinateBytes || y.Length != P256CoordinateBytes)
        {
            error = $"members 'x' and 'y' of a P-256 key must be {P256CoordinateBytes} bytes each; found {x.Length} and {y.Length}";
            return false;
        }

        ECDsa ecdsa;
        try
        {
            // ImportParameters checks that the point is on the curve: an off-curve point (invalid-curve attack) fails here.
            ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            error = "members 'x' and 'y' are not a point on P-256";
            return false;
        }

        var thumbprint = ComputeThumbprint($"{{\"crv\":\"{EcdsaP256Signer.P256Curve}\",\"kty\":\"EC\",\"x\":\"{B64(x)}\",\"y\":\"{B64(y)}\"}}");
        key = new JosePublicKey("EC", JoseAlgorithms.ES256, thumbprint, ecdsa, null);
        return true;
    }

    private static bool TryReadRsa(JObject jwk, [NotNullWhen(true)] out JosePublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!TryReadBytes(jwk, "n", MaxRsaModulusBytes, out var n, out error)
            || !TryReadBytes(jwk, "e", MaxRsaExponentBytes, out var e, out error))
        {
            return false;
        }

        n = n.AsSpan().TrimStart((byte)0).ToArray();
        e = e.AsSpan().TrimStart((byte)0).ToArray();
        var bits = n.Length == 0 ? 0 : ((n.Length - 1) * 8) + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)n[0]));
        if (bits < RsaSigner.MinimumKeySizeInBits)
        {
            error = $"member 'n' is a {bits}-bit modulus; RSA keys must be at least {RsaSigner.MinimumKeySizeInBits} bits";
            return false;
        }

        if (e.Length == 0 || (e[^1] & 1) == 0 || (e.Length == 1 && e[0] < 3))
        {
            error = "member 'e' must be an odd public exponent of at least 3";
            return false;
        }

        RSA rsa;
        try
        {
            rsa = RSA.Create(new RSAParameters { Modulus = n, Exponent = e });
        }
        catch (CryptographicException)
        {
            error = "members 'n' and 'e' are not an acceptable RSA public key";
            return false;
        }

        var thumbprint = ComputeThumbprint($"{{\"e\":\"{B64(e)}\",\"kty\":\"RSA\",\"n\":\"{B64(n)}\"}}");
        key = new JosePublicKey("RSA", JoseAlgorithms.RS256, thumbprint, rsa, null);
        return true;
    }

    private static bool TryReadBytes(JObject jwk, string member, int maxBytes, [NotNullWhen(true)] out byte[]? bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = null;
        var text = String(jwk, member);
        if (text is null)
        {
            error = $"member '{member}' is missing or not a string";
            return false;
        }

        // One spare byte: an RSA modulus may carry a (tolerated) leading zero.
        var buffer = new byte[maxBytes + 1];
        if (text.Length > ((maxBytes + 1) * 4 / 3) + 4 || !Multibase.TryDecodeBase64Url(text, buffer, out var written, out var decodeError))
        {
            error = $"member '{member}' is not base64url of at most {maxBytes} bytes";
            return false;
        }

        bytes = buffer[..written];
        error = null;
        return true;
    }

    private static string? String(JObject jwk, string member) =>
        jwk[member] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static string B64(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static string ComputeThumbprint(string canonicalJson) => B64(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static bool Refuse(string? kty, out JosePublicKey? key, out string error)
    {
        key = null;
        error = kty is null
            ? "member 'kty' is missing or not a string"
            : $"member 'kty' is {Printable.Quote(kty)}; accepted are RSA, EC (P-256) and OKP (Ed25519)";
        return false;
    }
}
