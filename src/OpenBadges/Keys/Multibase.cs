using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// Multibase text (a one-character prefix naming the base, then the encoded bytes), restricted to the two
/// bases credentials use: <c>z</c> base58btc (Multikey, proof values) and <c>u</c> base64url without padding.
/// Decoding is strict: an unknown prefix, a character outside the alphabet, padding, or a non-canonical
/// encoding is an error, because two spellings of one key would let an attacker dodge a comparison.
/// </summary>
public static class Multibase
{
    /// <summary>Prefix of base58btc (Bitcoin alphabet).</summary>
    public const char Base58BtcPrefix = 'z';

    /// <summary>Prefix of base64url without padding (RFC 4648 §5).</summary>
    public const char Base64UrlPrefix = 'u';

    /// <summary>
    /// Longest multibase text accepted. Keys and signatures are under 100 characters; base58 decoding is
    /// quadratic, so untrusted input is bounded well before it costs anything.
    /// </summary>
    public const int MaxEncodedLength = 1024;

    private const string Base58Alphabet = Base58Btc.Alphabet;

    /// <summary>Encodes <paramref name="data"/> as <c>z</c> + base58btc.</summary>
    public static string EncodeBase58Btc(ReadOnlySpan<byte> data) => Base58Btc.Encode(data, Base58BtcPrefix);

    /// <summary>Encodes <paramref name="data"/> as <c>u</c> + base64url without padding.</summary>
    public static string EncodeBase64Url(ReadOnlySpan<byte> data) => Base64UrlPrefix + Base64Url.EncodeToString(data);

    /// <summary>Decodes multibase text; <paramref name="error"/> names the rule broken when it is not acceptable.</summary>
    public static bool TryDecode(
        string? text,
        [NotNullWhen(true)] out byte[]? bytes,
        [NotNullWhen(false)] out string? error)
    {
        bytes = null;
        if (text is null)
        {
            error = "multibase text is missing";
            return false;
        }

        if (text.Length > MaxEncodedLength)
        {
            error = $"multibase text is {text.Length} characters; the limit is {MaxEncodedLength}";
            return false;
        }

        // Neither base expands: base58 and base64url decode to fewer bytes than characters.
        var buffer = new byte[Math.Max(1, text.Length)];
        if (!TryDecode(text, buffer, out var written, out error))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>Decodes multibase text.</summary>
    /// <exception cref="FormatException">The text is not acceptable multibase; the message names the rule.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryDecode(text, out var bytes, out var error) ? bytes : throw KeyErrors.MultibaseNotDecoded(error);
    }

    /// <summary>Decodes a base64url value without padding (the JOSE form, no multibase prefix).</summary>
    public static bool TryDecodeBase64Url(
        string? text,
        [NotNullWhen(true)] out byte[]? bytes,
        [NotNullWhen(false)] out string? error)
    {
        bytes = null;
        if (text is null)
        {
            error = "base64url text is missing";
            return false;
        }

        if (text.Length > MaxEncodedLength)
        {
            error = $"base64url text is {text.Length} characters; the limit is {MaxEncodedLength}";
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!TryDecodeBase64Url(text, buffer, out var written, out error))
        {
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>
    /// Decodes multibase text into <paramref name="destination"/> without allocating the result, so callers
    /// holding secrets can decode into a buffer they zero afterwards.
    /// </summary>
    internal static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written, [NotNullWhen(false)] out string? error)
    {
        written = 0;
        if (text.IsEmpty)
        {
            error = "multibase text is empty";
            return false;
        }

        if (text.Length > MaxEncodedLength)
        {
            error = $"multibase text is {text.Length} characters; the limit is {MaxEncodedLength}";
            return false;
        }

        return text[0] switch
        {
            Base58BtcPrefix => TryDecodeBase58Btc(text[1..], destination, out written, out error),
            Base64UrlPrefix => TryDecodeBase64Url(text[1..], destination, out written, out error),
            _ => Fail(
                $"multibase prefix '{Printable(text[0])}' is not supported; expected '{Base58BtcPrefix}' (base58btc) or '{Base64UrlPrefix}' (base64url)",
                out written, out error),
        };
    }

    internal static bool TryDecodeBase58Btc(ReadOnlySpan<char> text, Span<byte> destination, out int written, [NotNullWhen(false)] out string? error)
    {
        written = 0;
        if (text.IsEmpty)
        {
            error = "base58btc text is empty after the 'z' prefix";
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (Base58Alphabet.IndexOf(text[i]) < 0)
            {
                error = $"character '{Printable(text[i])}' at position {i + 1} is not in the base58btc alphabet";
                return false;
            }
        }

        if (!Base58Btc.TryDecode(text, destination, out var decoded))
        {
            error = $"decoded value is {decoded} bytes; at most {destination.Length} are expected here";
            return false;
        }

        written = decoded;
        error = null;
        return true;
    }

    internal static bool TryDecodeBase64Url(ReadOnlySpan<char> text, Span<byte> destination, out int written, [NotNullWhen(false)] out string? error)
    {
        written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=')
            {
                error = "base64url text must not carry '=' padding";
                return false;
            }

            if (Base64UrlValue(c) < 0)
            {
                error = $"character '{Printable(c)}' at position {i + 1} is not in the base64url alphabet";
                return false;
            }
        }

        if (text.Length % 4 == 1)
        {
            error = $"base64url text of {text.Length} characters cannot be a whole number of bytes";
            return false;
        }

        // The bits after the last whole byte must be zero; otherwise several spellings decode to one value.
        if (text.Length % 4 != 0)
        {
            var unusedBitsMask = text.Length % 4 == 2 ? 0b1111 : 0b11;
            if ((Base64UrlValue(text[^1]) & unusedBitsMask) != 0)
            {
                error = "base64url text is not canonical: the unused bits of its last character are not zero";
                return false;
            }
        }

        var needed = Base64Url.GetMaxDecodedLength(text.Length);
        if (needed > destination.Length)
        {
            error = $"decoded value is {needed} bytes; at most {destination.Length} are expected here";
            return false;
        }

        if (!Base64Url.TryDecodeFromChars(text, destination, out written))
        {
            error = "base64url text could not be decoded";
            return false;
        }

        error = null;
        return true;
    }

    private static int Base64UrlValue(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };

    // Error messages quote the offending character; control characters are shown as code points so a
    // message cannot smuggle line breaks into a log.
    internal static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString();

    private static bool Fail(string message, out int written, out string? error)
    {
        written = 0;
        error = message;
        return false;
    }
}
