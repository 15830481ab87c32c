using System.Numerics;
using System.Security.Cryptography;

namespace OpenBadges.Keys;

/// <summary>
/// The facts about P-256 and P-384 the Multikey encoding needs: multicodec headers, sizes, hashes, and the curve
/// constants to recover y from a compressed point (SEC 1 §2.3.4), which .NET cannot import directly.
/// </summary>
internal static class EcdsaCurves
{
    // Multicodec p256-pub 0x1200, p384-pub 0x1201, p256-priv 0x1306, p384-priv 0x1307, as unsigned varints.
    public static ReadOnlySpan<byte> P256PublicHeader => [0x80, 0x24];

    public static ReadOnlySpan<byte> P384PublicHeader => [0x81, 0x24];

    public static ReadOnlySpan<byte> P256SecretHeader => [0x86, 0x26];

    public static ReadOnlySpan<byte> P384SecretHeader => [0x87, 0x26];

    private static readonly BigInteger P256Prime = BigInteger.Parse("0ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger P256B = BigInteger.Parse("05ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger P384Prime = BigInteger.Parse("0fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger P384B = BigInteger.Parse("0b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef", System.Globalization.NumberStyles.HexNumber);

    /// <summary>Bytes of one coordinate (and of the secret scalar).</summary>
    public static int FieldSize(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? 32 : 48;

    /// <summary>Bytes of an IEEE P1363 signature (r ‖ s).</summary>
    public static int SignatureSize(EcdsaCurve curve) => 2 * FieldSize(curve);

    public static HashAlgorithmName Hash(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;

    public static ECCurve ToECCurve(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384;

    /// <summary>The JOSE algorithm of a signer on the curve (RFC 7518 §3.4).</summary>
    public static string JoseAlgorithm(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? "ES256" : "ES384";

    public static string JwkCurve(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? "P-256" : "P-384";

    public static string Name(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? "P-256" : "P-384";

    public static ReadOnlySpan<byte> PublicHeader(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? P256PublicHeader : P384PublicHeader;

    public static ReadOnlySpan<byte> SecretHeader(EcdsaCurve curve) => curve == EcdsaCurve.P256 ? P256SecretHeader : P384SecretHeader;

    /// <summary>The curve of a .NET key, or null when it is neither P-256 nor P-384.</summary>
    public static EcdsaCurve? Of(ECCurve curve)
    {
        if (!curve.IsNamed)
        {
            return null;
        }

        return curve.Oid.Value switch
        {
            "1.2.840.10045.3.1.7" => EcdsaCurve.P256,
            "1.3.132.0.34" => EcdsaCurve.P384,
            _ => curve.Oid.FriendlyName switch
            {
                "nistP256" or "ECDSA_P256" or "secp256r1" => EcdsaCurve.P256,
                "nistP384" or "ECDSA_P384" or "secp384r1" => EcdsaCurve.P384,
                _ => null,
            },
        };
    }

    /// <summary>SEC 1 compressed form: 0x02 (y even) or 0x03 (y odd), then x.</summary>
    public static byte[] Compress(ECPoint point)
    {
        var size = point.X!.Length;
        var compressed = new byte[1 + size];
        compressed[0] = (byte)((point.Y![^1] & 1) == 0 ? 0x02 : 0x03);
        point.X.CopyTo(compressed, 1);
        return compressed;
    }

    /// <summary>
    /// Recovers y from a compressed point: y² = x³ − 3x + b (mod p); both primes are 3 mod 4, so a square root is
    /// (y²)^((p+1)/4). False when the prefix is not 0x02/0x03, x is not below p, or x is not on the curve.
    /// </summary>
    public static bool TryDecompress(EcdsaCurve curve, ReadOnlySpan<byte> compressed, out ECPoint point)
    {
        point = default;
        var size = FieldSize(curve);
        if (compressed.Length != 1 + size || (compressed[0] != 0x02 && compressed[0] != 0x03))
        {
            return false;
        }

        var p = curve == EcdsaCurve.P256 ? P256Prime : P384Prime;
        var b = curve == EcdsaCurve.P256 ? P256B : P384B;
        var x = new BigInteger(compressed[1..], isUnsigned: true, isBigEndian: true);
        if (x >= p)
        {
            return false;
        }

        var ySquared = ((BigInteger.ModPow(x, 3, p) - (3 * x) + b) % p + p) % p;
        var y = BigInteger.ModPow(ySquared, (p + 1) / 4, p);
        if (BigInteger.ModPow(y, 2, p) != ySquared)
        {
            return false;
        }

        var wantOdd = compressed[0] == 0x03;
        if (y.IsEven == wantOdd)
        {
            y = p - y;
        }

        point = new ECPoint { X = compressed[1..].ToArray(), Y = ToFixed(y, size) };
        return true;
    }

    private static byte[] ToFixed(BigInteger value, int size)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length == size)
        {
            return bytes;
        }

        var padded = new byte[size];
        bytes.CopyTo(padded, size - bytes.Length);
        return padded;
    }
}
