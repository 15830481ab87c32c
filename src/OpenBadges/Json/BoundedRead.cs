using System.Text;

namespace OpenBadges.Json;

/// <summary>
/// Reads a file — a regular file, a pipe or a device alike — holding at most <c>limit + 1</c> bytes: the size a
/// file system reports can be absent (pipes), wrong (/proc) or endless (/dev/zero), so the limit is kept while reading.
/// </summary>
internal static class BoundedRead
{
    /// <summary>The file's bytes, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static byte[]? Bytes(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Bytes(stream, maxBytes);
    }

    /// <summary>The stream's remaining bytes, or null when there are more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Bytes(Stream stream, int maxBytes)
    {
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)maxBytes + 1, (long)buffer.Length * 2));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxBytes)
        {
            return null;
        }

        Array.Resize(ref buffer, total);
        return buffer;
    }

    /// <summary>The file as strict UTF-8 text (a leading byte order mark dropped), limited to <paramref name="maxBytes"/>.</summary>
    /// <exception cref="JsonInputException">Larger than the limit, or not UTF-8.</exception>
    public static string Text(string path, int maxBytes)
    {
        var bytes = Bytes(path, maxBytes) ?? throw JsonErrors.FileTooLarge(path, maxBytes);
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            return StrictUtf8.Encoding.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw JsonErrors.FileNotUtf8(path);
        }
    }
}
