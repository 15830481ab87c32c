using System.Buffers.Text;
using System.IO.Compression;
using OpenBadges.Internal;

namespace OpenBadges.Status;

/// <summary>
/// A W3C Bitstring Status List: one bit per credential, index 0 being the most significant bit of the
/// first byte, carried as multibase base64url (<c>u</c>, no padding) of the GZIP-compressed bytes.
/// Not thread-safe for writes: it is a value a single issuer updates, then re-signs.
/// </summary>
public sealed class BitstringStatusList
{
    /// <summary>The smallest list the specification allows (16 KiB of bits), which hides who is revoked among many.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>The largest decompressed list accepted when decoding (bits); guards against decompression bombs.</summary>
    public const int MaximumLength = 64 * 1024 * 1024;

    private readonly byte[] _bits;

    private BitstringStatusList(byte[] bits)
    {
        _bits = bits;
    }

    /// <summary>The number of entries.</summary>
    public int Length => _bits.Length * 8;

    /// <summary>A list of <paramref name="length"/> entries, all clear.</summary>
    public static BitstringStatusList Create(int length = MinimumLength)
    {
        if (length < MinimumLength || length % 8 != 0 || length > MaximumLength)
        {
            throw StatusErrors.ListLengthOutOfRange(nameof(length), length, MinimumLength, MaximumLength);
        }

        return new BitstringStatusList(new byte[length / 8]);
    }

    /// <summary>Decodes an <c>encodedList</c> value.</summary>
    /// <exception cref="FormatException">Not multibase base64url, not GZIP, or larger than <see cref="MaximumLength"/>.</exception>
    public static BitstringStatusList Decode(string encodedList)
    {
        ArgumentNullException.ThrowIfNull(encodedList);
        if (encodedList.Length < 2 || encodedList[0] != 'u')
        {
            throw StatusErrors.EncodedListNotMultibase();
        }

        byte[] compressed;
        try
        {
            compressed = Base64Url.DecodeFromChars(encodedList.AsSpan(1));
        }
        catch (FormatException)
        {
            throw StatusErrors.EncodedListNotBase64Url();
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaximumLength / 8)
                {
                    throw StatusErrors.EncodedListTooLong(MaximumLength);
                }

                output.Write(buffer, 0, read);
            }

            return new BitstringStatusList(output.ToArray());
        }
        catch (InvalidDataException)
        {
            throw StatusErrors.EncodedListNotGzip();
        }
    }

    /// <summary>The bit at <paramref name="index"/>: true means the status (revoked, suspended) is set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list.</exception>
    public bool Get(int index)
    {
        CheckIndex(index);
        return (_bits[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    /// <summary>Sets or clears the bit at <paramref name="index"/>.</summary>
    public void Set(int index, bool value)
    {
        CheckIndex(index);
        var mask = (byte)(0x80 >> (index & 7));
        _bits[index >> 3] = value ? (byte)(_bits[index >> 3] | mask) : (byte)(_bits[index >> 3] & ~mask);
    }

    /// <summary>The <c>encodedList</c> value: <c>u</c> + base64url(GZIP(bits)).</summary>
    public string Encode()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(_bits);
        }

        return "u" + Base64Url.EncodeToString(output.ToArray());
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw StatusErrors.IndexOutOfRange(nameof(index), index, Length - 1);
        }
    }
}
