using System.Security.Cryptography;

namespace OpenBadges.Keys;

/// <summary>
/// Base58 with the Bitcoin alphabet: the big-number conversion every implementation does, worked in limbs of
/// 58^5 (encoding) and 2^32 (decoding) instead of one digit at a time.
/// </summary>
/// <remarks>
/// Why not SimpleBase (used before): it converts digit by digit and allocates per call; a proofValue is encoded on
/// every signature and decoded on every verification, and there it cost about a tenth of an Ed25519 signature.
/// Results are identical (leading zero bytes ↔ leading '1's, then the number itself, most significant first).
/// </remarks>
internal static class Base58Btc
{
    public const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private const uint Base5 = 58 * 58 * 58 * 58 * 58; // 656,356,768 < 2^30

    private static readonly sbyte[] Values = BuildValues();

    /// <summary>Encodes <paramref name="data"/> (no multibase prefix).</summary>
    public static string Encode(ReadOnlySpan<byte> data) => Encode(data, prefix: null);

    /// <summary>Encodes <paramref name="data"/>, optionally after a one-character prefix, into one new string.</summary>
    public static string Encode(ReadOnlySpan<byte> data, char? prefix)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // The number as limbs of base 58^5, least significant first. log(256)/log(58^5) ≈ 0.2731 limbs per byte.
        var maxLimbs = ((data.Length - zeros) * 2732 / 10000) + 2;
        Span<uint> limbs = maxLimbs <= 256 ? stackalloc uint[maxLimbs] : new uint[maxLimbs];
        var used = 0;
        var rest = data[zeros..];
        var i = 0;

        // Feed the input 32 bits at a time (limb * 2^32 + carry < 2^62 fits a ulong), the first word partial.
        var head = rest.Length % 4;
        if (head != 0)
        {
            uint word = 0;
            for (; i < head; i++)
            {
                word = (word << 8) | rest[i];
            }

            MultiplyAdd(limbs, ref used, 1UL << (8 * head), word);
        }

        for (; i < rest.Length; i += 4)
        {
            var word = ((uint)rest[i] << 24) | ((uint)rest[i + 1] << 16) | ((uint)rest[i + 2] << 8) | rest[i + 3];
            MultiplyAdd(limbs, ref used, 1UL << 32, word);
        }

        // Digits of the most significant limb without its leading zeros, then five per limb.
        var topDigits = 0;
        if (used > 0)
        {
            for (var top = limbs[used - 1]; top > 0; top /= 58)
            {
                topDigits++;
            }
        }

        var length = (prefix is null ? 0 : 1) + zeros + (used == 0 ? 0 : topDigits + (5 * (used - 1)));
        Span<char> chars = length <= 1024 ? stackalloc char[length] : new char[length];
        var position = 0;
        if (prefix is { } p)
        {
            chars[position++] = p;
        }

        chars.Slice(position, zeros).Fill('1');
        var end = chars.Length;
        for (var l = 0; l < used; l++)
        {
            var limb = limbs[l];
            var digits = l == used - 1 ? topDigits : 5;
            for (var d = 0; d < digits; d++)
            {
                chars[--end] = Alphabet[(int)(limb % 58)];
                limb /= 58;
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> into <paramref name="destination"/>; false (and <paramref name="written"/> = -1)
    /// when a character is outside the alphabet, false with <paramref name="written"/> = the length needed when the
    /// destination is too small.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = -1;
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        // The number as limbs of 2^32, least significant first. log(58)/log(2^32) ≈ 0.1830 limbs per character.
        var maxLimbs = ((text.Length - zeros) * 1830 / 10000) + 2;
        Span<uint> limbs = maxLimbs <= 256 ? stackalloc uint[maxLimbs] : new uint[maxLimbs];
        var used = 0;
        try
        {
            var i = zeros;
            while (i < text.Length)
            {
                // Five characters at a time (58^5 < 2^30), fewer at the end.
                var take = Math.Min(5, text.Length - i);
                uint chunk = 0;
                ulong multiplier = 1;
                for (var k = 0; k < take; k++, i++)
                {
                    var c = text[i];
                    var value = c < 128 ? Values[c] : (sbyte)-1;
                    if (value < 0)
                    {
                        return false;
                    }

                    chunk = (chunk * 58) + (uint)value;
                    multiplier *= 58;
                }

                MultiplyAdd32(limbs, ref used, multiplier, chunk);
            }

            // Significant bytes of the number, most significant first.
            var significant = 0;
            if (used > 0)
            {
                var top = limbs[used - 1];
                var topBytes = top >= 1 << 24 ? 4 : top >= 1 << 16 ? 3 : top >= 1 << 8 ? 2 : 1;
                significant = topBytes + (4 * (used - 1));
            }

            var total = zeros + significant;
            if (total > destination.Length)
            {
                written = total;
                return false;
            }

            destination[..zeros].Clear();
            var end = total;
            for (var l = 0; l < used; l++)
            {
                var limb = limbs[l];
                var bytes = l == used - 1 ? significant - (4 * (used - 1)) : 4;
                for (var b = 0; b < bytes; b++)
                {
                    destination[--end] = (byte)limb;
                    limb >>= 8;
                }
            }

            written = total;
            return true;
        }
        finally
        {
            // The caller may be decoding a secret key.
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(limbs));
        }
    }

    // limbs = limbs * multiplier + add, in base 58^5.
    private static void MultiplyAdd(Span<uint> limbs, ref int used, ulong multiplier, uint add)
    {
        ulong carry = add;
        for (var j = 0; j < used; j++)
        {
            var value = (limbs[j] * multiplier) + carry;
            limbs[j] = (uint)(value % Base5);
            carry = value / Base5;
        }

        while (carry > 0)
        {
            limbs[used++] = (uint)(carry % Base5);
            carry /= Base5;
        }
    }

    // limbs = limbs * multiplier + add, in base 2^32 (multiplier ≤ 58^5).
    private static void MultiplyAdd32(Span<uint> limbs, ref int used, ulong multiplier, uint add)
    {
        ulong carry = add;
        for (var j = 0; j < used; j++)
        {
            var value = (limbs[j] * multiplier) + carry;
            limbs[j] = (uint)value;
            carry = value >> 32;
        }

        while (carry > 0)
        {
            limbs[used++] = (uint)carry;
            carry >>= 32;
        }
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        values.AsSpan().Fill(-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}
