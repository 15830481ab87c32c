using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// A P-256 or P-384 public key: immutable, thread-safe, comparable by value. Knows its Multikey spelling
/// (<c>z</c> + base58btc of the multicodec header p256-pub 0x1200 / p384-pub 0x1201 and the SEC 1 compressed point:
/// <c>zDn…</c> / <c>z82…</c>) and its did:key, and verifies IEEE P1363 (r ‖ s) signatures with the curve's hash.
/// </summary>
public sealed class EcdsaPublicKey : IEquatable<EcdsaPublicKey>
{
    // Parsing a compressed point costs a modular square root (BigInteger), and importing a key into ECDsa costs more
    // than half a verification: parsed keys are kept (immutable, bounded), and each key keeps a few imported ECDsa objects.
    private const int MaxCachedKeys = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, EcdsaPublicKey> ParsedKeys = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentBag<ECDsa> _verifiers = [];
    private readonly ECParameters _parameters;
    private readonly byte[] _compressed;
    private readonly string _multibase;

    private EcdsaPublicKey(EcdsaCurve curve, ECParameters parameters, byte[] compressed)
    {
        Curve = curve;
        _parameters = parameters;
        _compressed = compressed;
        Span<byte> buffer = stackalloc byte[2 + compressed.Length];
        EcdsaCurves.PublicHeader(curve).CopyTo(buffer);
        compressed.CopyTo(buffer[2..]);
        _multibase = Multibase.EncodeBase58Btc(buffer);
    }

    /// <summary>The curve.</summary>
    public EcdsaCurve Curve { get; }

    /// <summary>The SEC 1 compressed point (33 bytes for P-256, 49 for P-384).</summary>
    public ReadOnlySpan<byte> CompressedPoint => _compressed;

    /// <summary>The public key of a .NET key (which may be backed by a KMS or HSM; only the public part is read).</summary>
    /// <exception cref="ArgumentException">The key is not on P-256 or P-384.</exception>
    public static EcdsaPublicKey FromECDsa(ECDsa ecdsa)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        var curve = EcdsaCurves.Of(parameters.Curve) ?? throw KeyErrors.EcdsaCurveUnsupported(nameof(ecdsa));
        return new EcdsaPublicKey(curve, new ECParameters { Curve = EcdsaCurves.ToECCurve(curve), Q = parameters.Q }, EcdsaCurves.Compress(parameters.Q));
    }

    /// <summary>Reads a SEC 1 compressed point on <paramref name="curve"/>; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryFromCompressedPoint(
        EcdsaCurve curve,
        ReadOnlySpan<byte> compressedPoint,
        [NotNullWhen(true)] out EcdsaPublicKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!EcdsaCurves.TryDecompress(curve, compressedPoint, out var point))
        {
            error = $"the bytes are not a compressed {EcdsaCurves.Name(curve)} point ({1 + EcdsaCurves.FieldSize(curve)} bytes starting 0x02 or 0x03, on the curve)";
            return false;
        }

        var parameters = new ECParameters { Curve = EcdsaCurves.ToECCurve(curve), Q = point };
        try
        {
            parameters.Validate();
        }
        catch (CryptographicException)
        {
            error = $"the point is not a valid {EcdsaCurves.Name(curve)} public key";
            return false;
        }

        key = new EcdsaPublicKey(curve, parameters, compressedPoint.ToArray());
        error = null;
        return true;
    }

    /// <summary>Reads a Multikey (<c>zDn…</c> or <c>z82…</c>).</summary>
    /// <exception cref="FormatException">The text is not a P-256 or P-384 Multikey; the message says why.</exception>
    public static EcdsaPublicKey ParseMultibase(string multibase)
    {
        ArgumentNullException.ThrowIfNull(multibase);
        return TryParseMultibase(multibase, out var key, out var error)
            ? key
            : throw KeyErrors.NotEcdsaMultikey(error);
    }

    /// <summary>Reads a Multikey (<c>zDn…</c> or <c>z82…</c>); <paramref name="error"/> names what is wrong (prefix, multicodec, point).</summary>
    public static bool TryParseMultibase(
        string? multibase,
        [NotNullWhen(true)] out EcdsaPublicKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (string.IsNullOrEmpty(multibase) || multibase[0] != Multibase.Base58BtcPrefix)
        {
            error = $"a Multikey is base58btc text starting '{Multibase.Base58BtcPrefix}'";
            return false;
        }

        if (ParsedKeys.TryGetValue(multibase, out key))
        {
            error = null;
            return true;
        }

        if (!TryParseMultibaseUncached(multibase, out key, out error))
        {
            return false;
        }

        if (ParsedKeys.Count < MaxCachedKeys)
        {
            ParsedKeys.TryAdd(multibase, key);
        }

        return true;
    }

    private static bool TryParseMultibaseUncached(
        string multibase,
        [NotNullWhen(true)] out EcdsaPublicKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        Span<byte> decoded = stackalloc byte[96];
        if (!Multibase.TryDecode(multibase, decoded, out var length, out error))
        {
            error = "Multikey " + error;
            return false;
        }

        var bytes = decoded[..length];
        EcdsaCurve curve;
        if (bytes.StartsWith(EcdsaCurves.P256PublicHeader))
        {
            curve = EcdsaCurve.P256;
        }
        else if (bytes.StartsWith(EcdsaCurves.P384PublicHeader))
        {
            curve = EcdsaCurve.P384;
        }
        else
        {
            // Never echo the bytes: a secret key pasted by mistake must not end up in a log.
            error = bytes.StartsWith(EcdsaCurves.P256SecretHeader) || bytes.StartsWith(EcdsaCurves.P384SecretHeader)
                ? "this is an ECDSA secret key (multicodec p256-priv/p384-priv), not a public key; never publish it"
                : "the multicodec header is neither p256-pub (0x80 0x24) nor p384-pub (0x81 0x24)";
            return false;
        }

        return TryFromCompressedPoint(curve, bytes[2..], out key, out error);
    }

    /// <summary>
    /// Reads the key of a verification method: a <c>Multikey</c> with a P-256/P-384 <c>publicKeyMultibase</c>, or a
    /// <c>JsonWebKey</c>/<c>JsonWebKey2020</c> with an EC <c>publicKeyJwk</c> on P-256/P-384.
    /// </summary>
    public static bool TryFromVerificationMethod(
        JObject? verificationMethod,
        [NotNullWhen(true)] out EcdsaPublicKey? key,
        [NotNullWhen(false)] out string? error)
    {
        key = null;
        var type = verificationMethod?["type"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        switch (type)
        {
            case VerificationMethodTypes.Multikey:
                var multibase = verificationMethod!["publicKeyMultibase"] is JValue { Type: JTokenType.String } m ? (string?)m : null;
                return TryParseMultibase(multibase, out key, out error);
            case VerificationMethodTypes.JsonWebKey:
            case VerificationMethodTypes.JsonWebKey2020:
                return TryFromJwk(verificationMethod!["publicKeyJwk"] as JObject, out key, out error);
            default:
                error = $"verification method type '{type}' holds no P-256/P-384 key this package reads (Multikey or JsonWebKey)";
                return false;
        }
    }

    /// <summary>Reads an EC public JWK on P-256 or P-384 (<c>kty</c> EC, <c>crv</c>, <c>x</c>, <c>y</c>); a JWK with <c>d</c> is refused.</summary>
    public static bool TryFromJwk(JObject? jwk, [NotNullWhen(true)] out EcdsaPublicKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (jwk is null || !string.Equals((string?)(jwk["kty"] as JValue), "EC", StringComparison.Ordinal))
        {
            error = "publicKeyJwk is not an EC key (kty EC)";
            return false;
        }

        if (jwk["d"] is not null)
        {
            error = "publicKeyJwk holds a private key ('d'); never publish it";
            return false;
        }

        var crv = (string?)(jwk["crv"] as JValue);
        EcdsaCurve curve;
        switch (crv)
        {
            case "P-256":
                curve = EcdsaCurve.P256;
                break;
            case "P-384":
                curve = EcdsaCurve.P384;
                break;
            default:
                error = $"publicKeyJwk curve '{crv}' is neither P-256 nor P-384";
                return false;
        }

        var size = EcdsaCurves.FieldSize(curve);
        if (!Multibase.TryDecodeBase64Url((string?)(jwk["x"] as JValue), out var x, out _) || x.Length != size
            || !Multibase.TryDecodeBase64Url((string?)(jwk["y"] as JValue), out var y, out _) || y.Length != size)
        {
            error = $"publicKeyJwk x and y must be base64url {size}-byte coordinates";
            return false;
        }

        var parameters = new ECParameters { Curve = EcdsaCurves.ToECCurve(curve), Q = new ECPoint { X = x, Y = y } };
        try
        {
            using var probe = ECDsa.Create(parameters);
        }
        catch (CryptographicException)
        {
            error = $"publicKeyJwk is not a point on {crv}";
            return false;
        }

        key = new EcdsaPublicKey(curve, parameters, EcdsaCurves.Compress(parameters.Q));
        error = null;
        return true;
    }

    /// <summary>The Multikey form: <c>zDn…</c> (P-256) or <c>z82…</c> (P-384).</summary>
    public string ToMultibase() => _multibase;

    /// <summary>The did:key DID of this key.</summary>
    public string ToDidKey() => DidKey.Prefix + _multibase;

    /// <summary>The did:key verification method id: <c>did:key:zDn…#zDn…</c>.</summary>
    public string ToDidKeyVerificationMethodId() => DidKey.Prefix + _multibase + "#" + _multibase;

    /// <summary>The public verification method (Multikey) with the given id and controller.</summary>
    public JObject ToVerificationMethod(string id, string controller) => new()
    {
        ["id"] = id,
        ["type"] = VerificationMethodTypes.Multikey,
        ["controller"] = controller,
        ["publicKeyMultibase"] = _multibase,
    };

    /// <summary>
    /// Checks an IEEE P1363 signature (r ‖ s) over <paramref name="data"/> hashed with the curve's hash (SHA-256 for
    /// P-256, SHA-384 for P-384). A signature of any other length is simply invalid.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != EcdsaCurves.SignatureSize(Curve))
        {
            return false;
        }

        // One ECDsa per concurrent caller (the .NET object is not documented as thread-safe), returned for reuse.
        if (!_verifiers.TryTake(out var ecdsa))
        {
            ecdsa = ECDsa.Create(_parameters);
        }

        try
        {
            return ecdsa.VerifyData(data, signature, EcdsaCurves.Hash(Curve), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        finally
        {
            if (_verifiers.Count < Environment.ProcessorCount)
            {
                _verifiers.Add(ecdsa);
            }
            else
            {
                ecdsa.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(EcdsaPublicKey? other) =>
        other is not null && (ReferenceEquals(this, other) || (Curve == other.Curve && _compressed.AsSpan().SequenceEqual(other._compressed)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EcdsaPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(_compressed, 1);

    /// <summary>The Multikey form; a public key is not secret.</summary>
    public override string ToString() => _multibase;

    /// <summary>Equality by curve and point.</summary>
    public static bool operator ==(EcdsaPublicKey? left, EcdsaPublicKey? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by curve and point.</summary>
    public static bool operator !=(EcdsaPublicKey? left, EcdsaPublicKey? right) => !(left == right);
}
