using System.Buffers.Binary;
using System.Text;

namespace OpenBadges.Baking;

/// <summary>
/// Open Badges 3.0 baking for PNG: the credential (JSON, or a compact JWS) travels in exactly one
/// uncompressed <c>iTXt</c> chunk with the keyword <c>openbadgecredential</c>. Baking replaces any
/// credential already there; unbaking refuses an image with more than one, since which one counts
/// would be the attacker's choice.
/// </summary>
public static class PngBaker
{
    /// <summary>The iTXt keyword OB 3.0 uses.</summary>
    public const string Keyword = "openbadgecredential";

    /// <summary>Largest PNG accepted (bytes).</summary>
    public const int MaxImageLength = 16 * 1024 * 1024;

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>True when <paramref name="data"/> starts with the PNG signature.</summary>
    public static bool IsPng(ReadOnlySpan<byte> data) => data.StartsWith(Signature);

    /// <summary>Returns a copy of <paramref name="png"/> carrying <paramref name="credential"/> (JSON text or compact JWS).</summary>
    /// <exception cref="BakingException">The input is not a well-formed PNG.</exception>
    public static byte[] Bake(ReadOnlySpan<byte> png, string credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var chunks = ReadChunks(png);
        using var output = new MemoryStream(png.Length + credential.Length + 64);
        output.Write(Signature);
        foreach (var chunk in chunks)
        {
            if (chunk.IsCredential)
            {
                continue;
            }

            if (chunk.Type == "IEND")
            {
                WriteChunk(output, "iTXt", CredentialChunkData(credential));
            }

            WriteChunk(output, chunk.Type, png.Slice(chunk.DataOffset, chunk.DataLength));
        }

        return output.ToArray();
    }

    /// <summary>The credential baked into <paramref name="png"/>, or null when there is none.</summary>
    /// <exception cref="BakingException">Not a PNG, corrupt, more than one credential chunk, a compressed one, or an empty one.</exception>
    public static string? Unbake(ReadOnlySpan<byte> png)
    {
        string? found = null;
        foreach (var chunk in ReadChunks(png))
        {
            if (!chunk.IsCredential)
            {
                continue;
            }

            if (found is not null)
            {
                throw BakingErrors.PngMoreThanOneCredential(Keyword);
            }

            found = ReadCredentialText(png.Slice(chunk.DataOffset, chunk.DataLength));
            if (string.IsNullOrWhiteSpace(found))
            {
                throw BakingErrors.PngCredentialEmpty(Keyword);
            }
        }

        return found;
    }

    private static byte[] CredentialChunkData(string credential)
    {
        // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, UTF-8 text.
        var text = Encoding.UTF8.GetBytes(credential);
        var keyword = Encoding.Latin1.GetBytes(Keyword);
        var data = new byte[keyword.Length + 5 + text.Length];
        keyword.CopyTo(data, 0);
        text.CopyTo(data, keyword.Length + 5);
        return data;
    }

    private static string ReadCredentialText(ReadOnlySpan<byte> data)
    {
        var afterKeyword = Keyword.Length + 1;
        if (data.Length < afterKeyword + 2)
        {
            throw BakingErrors.PngChunkTruncated();
        }

        if (data[afterKeyword] != 0)
        {
            throw BakingErrors.PngChunkCompressed();
        }

        var rest = data[(afterKeyword + 2)..];
        var languageEnd = rest.IndexOf((byte)0);
        if (languageEnd < 0)
        {
            throw BakingErrors.PngChunkLanguageUnterminated();
        }

        rest = rest[(languageEnd + 1)..];
        var translatedEnd = rest.IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            throw BakingErrors.PngChunkKeywordUnterminated();
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(rest[(translatedEnd + 1)..]);
        }
        catch (DecoderFallbackException)
        {
            throw BakingErrors.PngChunkNotUtf8();
        }
    }

    private static List<Chunk> ReadChunks(ReadOnlySpan<byte> png)
    {
        if (png.Length > MaxImageLength)
        {
            throw BakingErrors.PngTooLarge(png.Length, MaxImageLength);
        }

        if (!IsPng(png))
        {
            throw BakingErrors.PngSignatureMissing();
        }

        var chunks = new List<Chunk>();
        var offset = Signature.Length;
        var keywordPrefix = Encoding.Latin1.GetBytes(Keyword + "\0");
        while (true)
        {
            if (offset + 12 > png.Length)
            {
                throw BakingErrors.PngTruncated(offset);
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(offset, 4));
            if (length > int.MaxValue || offset + 12 + (long)length > png.Length)
            {
                throw BakingErrors.PngChunkPastEnd(offset, length);
            }

            var type = Encoding.ASCII.GetString(png.Slice(offset + 4, 4));
            var dataOffset = offset + 8;
            var data = png.Slice(dataOffset, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(dataOffset + (int)length, 4));
            if (crc != Crc32.Compute(png.Slice(offset + 4, 4), data))
            {
                throw BakingErrors.PngChunkWrongCrc(type, offset);
            }

            chunks.Add(new Chunk(type, dataOffset, (int)length, type == "iTXt" && data.StartsWith(keywordPrefix)));
            offset = dataOffset + (int)length + 4;
            if (type == "IEND")
            {
                return chunks;
            }
        }
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        output.Write(header);
        output.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(header[4..], data));
        output.Write(crc);
    }

    private readonly record struct Chunk(string Type, int DataOffset, int DataLength, bool IsCredential);
}
