using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// did:key for P-256 keys (<c>did:key:zDn…</c>): multibase base58btc of the multicodec <c>p256-pub</c> (0x1200, varint
/// <c>0x80 0x24</c>) followed by the 33-byte SEC 1 compressed point. The Ed25519 did:key code in Keys handles <c>z6Mk…</c>;
/// this lets ES256 tokens name their key the same way (<c>kid</c> = <c>did:key:zDn…#zDn…</c>, controller = the DID).
/// Public keys only, so no constant-time concerns.
/// </summary>
public static class DidKeyP256
{
    private const byte CodecByte0 = 0x80;
    private const byte CodecByte1 = 0x24;
    private const int CoordinateSize = 32;

    // The P-256 field prime and curve constant b (SEC 2 §2.4.2); a = -3.
    private static readonly BigInteger P = BigInteger.Parse("0ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger B = BigInteger.Parse("05ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", System.Globalization.NumberStyles.HexNumber);

    /// <summary>True when <paramref name="didOrUrl"/> looks like a P-256 did:key (the <c>zDn</c> prefix).</summary>
    public static bool IsCandidate(string didOrUrl) => didOrUrl.StartsWith(DidKey.Prefix + "zDn", StringComparison.Ordinal);

    /// <summary>The did:key DID of a public P-256 JWK (<c>kty</c> EC, <c>crv</c> P-256, <c>x</c>, <c>y</c>).</summary>
    /// <exception cref="ArgumentException">Not an acceptable public P-256 JWK.</exception>
    public static string Create(JObject publicJwk)
    {
        ArgumentNullException.ThrowIfNull(publicJwk);
        if (!JosePublicKey.TryParse(publicJwk, out var key, out var error) || key.KeyType != "EC")
        {
            key?.Dispose();
            throw ProofErrors.NotPublicP256Jwk(nameof(publicJwk), error);
        }

        key.Dispose();
        var x = System.Buffers.Text.Base64Url.DecodeFromChars((string)publicJwk["x"]!);
        var y = System.Buffers.Text.Base64Url.DecodeFromChars((string)publicJwk["y"]!);
        var bytes = new byte[2 + 1 + CoordinateSize];
        bytes[0] = CodecByte0;
        bytes[1] = CodecByte1;
        bytes[2] = (byte)(0x02 | (y[^1] & 1));
        x.CopyTo(bytes.AsSpan(3));
        return DidKey.Prefix + Multibase.EncodeBase58Btc(bytes);
    }

    /// <summary>The verification method id <c>did:key:zDn…#zDn…</c> of a public P-256 JWK.</summary>
    public static string CreateVerificationMethodId(JObject publicJwk)
    {
        var did = Create(publicJwk);
        return did + "#" + did[DidKey.Prefix.Length..];
    }

    /// <summary>
    /// Reads a P-256 did:key DID or DID URL (a fragment must repeat the method-specific id) into its public JWK;
    /// <paramref name="did"/> is the DID without the fragment.
    /// </summary>
    public static bool TryParse(
        string? didOrUrl,
        [NotNullWhen(true)] out JObject? publicJwk,
        [NotNullWhen(true)] out string? did,
        [NotNullWhen(false)] out string? error)
    {
        did = null;
        publicJwk = null;
        if (didOrUrl is null || !IsCandidate(didOrUrl))
        {
            error = "a P-256 did:key starts with 'did:key:zDn'";
            return false;
        }

        var hash = didOrUrl.IndexOf('#', StringComparison.Ordinal);
        var value = hash >= 0 ? didOrUrl[..hash] : didOrUrl;
        var id = value[DidKey.Prefix.Length..];
        if (hash >= 0 && didOrUrl[(hash + 1)..] != id)
        {
            error = "a did:key verification method fragment must repeat the method-specific id";
            return false;
        }

        if (!Multibase.TryDecode(id, out var bytes, out error))
        {
            error = "the did:key method-specific id is not multibase: " + error;
            return false;
        }

        if (bytes.Length != 2 + 1 + CoordinateSize || bytes[0] != CodecByte0 || bytes[1] != CodecByte1 || (bytes[2] != 0x02 && bytes[2] != 0x03))
        {
            error = "the did:key is not a compressed P-256 public key (multicodec p256-pub 0x1200, 33-byte point)";
            return false;
        }

        if (!TryDecompress(bytes.AsSpan(3), bytes[2] == 0x03, out var y))
        {
            error = "the did:key's x coordinate is not on P-256";
            return false;
        }

        publicJwk = new JObject
        {
            ["kty"] = "EC",
            ["crv"] = EcdsaP256Signer.P256Curve,
            ["x"] = System.Buffers.Text.Base64Url.EncodeToString(bytes.AsSpan(3)),
            ["y"] = System.Buffers.Text.Base64Url.EncodeToString(y),
        };
        did = value;
        return true;
    }

    /// <summary>SEC 1 §2.3.4: y = √(x³ − 3x + b) mod p, which is rhs^((p+1)/4) because p ≡ 3 (mod 4); pick the root of the stated parity.</summary>
    private static bool TryDecompress(ReadOnlySpan<byte> xBytes, bool odd, out byte[] y)
    {
        y = [];
        var x = new BigInteger(xBytes, isUnsigned: true, isBigEndian: true);
        if (x >= P)
        {
            return false;
        }

        var rhs = Mod((BigInteger.ModPow(x, 3, P) - (3 * x) + B), P);
        var root = BigInteger.ModPow(rhs, (P + 1) / 4, P);
        if (BigInteger.ModPow(root, 2, P) != rhs)
        {
            return false;
        }

        if (!root.IsEven != odd)
        {
            root = P - root;
        }

        var bytes = root.ToByteArray(isUnsigned: true, isBigEndian: true);
        y = new byte[CoordinateSize];
        bytes.CopyTo(y, CoordinateSize - bytes.Length);
        return true;
    }

    private static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        var r = value % modulus;
        return r.Sign < 0 ? r + modulus : r;
    }
}
