using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace OpenBadges.Keys;

/// <summary>
/// Multikey encoding of Ed25519 keys (W3C Controlled Identifiers, §2.2.2 Multikey): <c>z</c> + base58btc of the
/// multicodec header followed by the raw key. The headers are the unsigned-varint encodings of the multicodec
/// codes ed25519-pub (0xed → bytes 0xed 0x01) and ed25519-priv (0x1300 → bytes 0x80 0x26).
/// </summary>
public static class Multikey
{
    /// <summary>Length of a raw Ed25519 public key and of an Ed25519 seed (RFC 8032 §5.1.5).</summary>
    public const int Ed25519KeyLength = 32;

    /// <summary>Every Ed25519 public Multikey starts with this (the base58btc image of 0xed 0x01).</summary>
    public const string Ed25519PublicKeyTextPrefix = "z6Mk";

    /// <summary>The multicodec header of an Ed25519 public key: varint(0xed).</summary>
    internal static ReadOnlySpan<byte> Ed25519PublicHeader => [0xed, 0x01];

    /// <summary>The multicodec header of an Ed25519 secret key: varint(0x1300).</summary>
    internal static ReadOnlySpan<byte> Ed25519SecretHeader => [0x80, 0x26];

    /// <summary>Encodes a raw 32-byte Ed25519 public key as a Multikey (<c>z6Mk…</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="publicKey"/> is not 32 bytes.</exception>
    public static string EncodeEd25519PublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != Ed25519KeyLength)
        {
            throw KeyErrors.PublicKeyWrongLength(nameof(publicKey), Ed25519KeyLength, publicKey.Length);
        }

        Span<byte> buffer = stackalloc byte[2 + Ed25519KeyLength];
        Ed25519PublicHeader.CopyTo(buffer);
        publicKey.CopyTo(buffer[2..]);
        return Multibase.EncodeBase58Btc(buffer);
    }

    /// <summary>
    /// Decodes an Ed25519 public Multikey to its 32 raw bytes; <paramref name="error"/> says whether the
    /// prefix, the multicodec header or the length is wrong.
    /// </summary>
    public static bool TryDecodeEd25519PublicKey(
        string? multikey,
        [NotNullWhen(true)] out byte[]? publicKey,
        [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        if (string.IsNullOrEmpty(multikey))
        {
            error = "publicKeyMultibase is missing or empty";
            return false;
        }

        if (multikey[0] != Multibase.Base58BtcPrefix)
        {
            error = $"a Multikey must use base58btc, prefix '{Multibase.Base58BtcPrefix}'; found prefix '{Multibase.Printable(multikey[0])}'";
            return false;
        }

        Span<byte> decoded = stackalloc byte[80];
        if (!Multibase.TryDecode(multikey, decoded, out var length, out error))
        {
            error = "Multikey " + error;
            return false;
        }

        var bytes = decoded[..length];
        if (!HasEd25519PublicHeader(bytes, out error))
        {
            return false;
        }

        if (bytes.Length - 2 != Ed25519KeyLength)
        {
            error = $"an Ed25519 public key is {Ed25519KeyLength} bytes after the multicodec header; found {bytes.Length - 2}";
            return false;
        }

        publicKey = bytes[2..].ToArray();
        error = null;
        return true;
    }

    /// <summary>Encodes a 32-byte seed as an Ed25519 secret Multikey (<c>z3u2…</c>).</summary>
    internal static string EncodeEd25519SecretKey(ReadOnlySpan<byte> seed)
    {
        Span<byte> buffer = stackalloc byte[2 + Ed25519KeyLength];
        try
        {
            Ed25519SecretHeader.CopyTo(buffer);
            seed.CopyTo(buffer[2..]);
            return Multibase.EncodeBase58Btc(buffer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// Decodes an Ed25519 secret Multikey into <paramref name="secret"/> (64 bytes): the 32-byte seed, then,
    /// when the text carried the 64-byte form (seed ‖ public key), the public half. <paramref name="secretLength"/>
    /// is 32 or 64. Nothing secret is left behind in scratch memory.
    /// </summary>
    internal static bool TryDecodeEd25519SecretKey(
        ReadOnlySpan<char> multikey,
        Span<byte> secret,
        out int secretLength,
        [NotNullWhen(false)] out string? error)
    {
        secretLength = 0;
        if (multikey.IsEmpty)
        {
            error = "the secret key text is empty";
            return false;
        }

        if (multikey[0] != Multibase.Base58BtcPrefix)
        {
            error = $"a secret Multikey must use base58btc, prefix '{Multibase.Base58BtcPrefix}'; found prefix '{Multibase.Printable(multikey[0])}'";
            return false;
        }

        Span<byte> decoded = stackalloc byte[80];
        try
        {
            if (!Multibase.TryDecode(multikey, decoded, out var length, out error))
            {
                error = "secret Multikey " + error;
                return false;
            }

            var bytes = decoded[..length];
            if (bytes.Length < 2 || !bytes[..2].SequenceEqual(Ed25519SecretHeader))
            {
                error = bytes.Length >= 2 && bytes[..2].SequenceEqual(Ed25519PublicHeader)
                    ? "this is an Ed25519 public key (multicodec ed25519-pub 0xed 0x01), not a secret key"
                    : $"the multicodec header is {Header(bytes)}; an Ed25519 secret key has 0x80 0x26 (ed25519-priv)";
                return false;
            }

            var keyLength = bytes.Length - 2;
            if (keyLength != Ed25519KeyLength && keyLength != 2 * Ed25519KeyLength)
            {
                error = $"an Ed25519 secret key is {Ed25519KeyLength} bytes (seed) or {2 * Ed25519KeyLength} bytes (seed followed by public key) after the multicodec header; found {keyLength}";
                return false;
            }

            bytes[2..].CopyTo(secret);
            secretLength = keyLength;
            error = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(decoded);
        }
    }

    private static bool HasEd25519PublicHeader(ReadOnlySpan<byte> bytes, [NotNullWhen(false)] out string? error)
    {
        if (bytes.Length >= 2 && bytes[..2].SequenceEqual(Ed25519PublicHeader))
        {
            error = null;
            return true;
        }

        // Never echo the bytes after the header: a secret key pasted by mistake must not end up in a log.
        error = bytes.Length >= 2 && bytes[..2].SequenceEqual(Ed25519SecretHeader)
            ? "this is an Ed25519 secret key (multicodec ed25519-priv 0x80 0x26), not a public key; never publish it"
            : $"the multicodec header is {Header(bytes)}; an Ed25519 public key has 0xed 0x01 (ed25519-pub)";
        return false;
    }

    private static string Header(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        0 => "missing",
        1 => $"0x{bytes[0]:x2} (truncated)",
        _ => $"0x{bytes[0]:x2} 0x{bytes[1]:x2}",
    };
}
