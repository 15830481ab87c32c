using System.Security.Cryptography;
using System.Text;

namespace OpenBadges.SdJwt;

/// <summary>The digest RFC 9901 uses everywhere: base64url(SHA-256(US-ASCII bytes of the text)).</summary>
internal static class SdJwtDigest
{
    public static string Of(string asciiText)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.ASCII.GetBytes(asciiText);
        SHA256.HashData(bytes, hash);
        return System.Buffers.Text.Base64Url.EncodeToString(hash);
    }

    /// <summary>A decoy digest (RFC 9901 §4.2.5): the digest of random bytes, indistinguishable from a real one.</summary>
    public static string Decoy() => Of(System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Disclosure.SaltBytes)));

    /// <summary>Constant-time comparison of two digests (they are public, but an sd_hash mismatch should not leak where it differs).</summary>
    public static bool Equal(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
