using System.Text;
using OpenBadges.Json;

namespace OpenBadges.Cli;

/// <summary>
/// Every file the tool reads comes through here, holding at most limit + 1 bytes: a pipe has no size to check first,
/// and /dev/zero never ends. Text must be UTF-8 (a byte order mark is dropped); anything else is refused with the
/// line and column of the first bad byte, never read with replacement characters that would then be signed.
/// </summary>
internal static class InputFiles
{
    /// <summary>Largest file read: a baked image (PNG and SVG allow 16 MiB), a credential, a spec, a key.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Largest learners CSV read by <c>issue --batch</c>.</summary>
    public const int MaxCsvBytes = 64 * 1024 * 1024;

    /// <summary>The bytes of <paramref name="path"/> (a file, a pipe or a device).</summary>
    /// <exception cref="CliInputException">Unreadable, or more than <paramref name="maxBytes"/>.</exception>
    public static byte[] ReadBytes(string path, int maxBytes = MaxBytes)
    {
        try
        {
            return BoundedRead.Bytes(path, maxBytes)
                ?? throw new CliInputException($"'{path}' is larger than the limit of {maxBytes} bytes; not read further.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>The text of <paramref name="path"/>, which must be UTF-8.</summary>
    /// <exception cref="CliInputException">Unreadable, too large, or not UTF-8 (line and column named).</exception>
    public static string ReadText(string path, int maxBytes = MaxBytes) => DecodeText(ReadBytes(path, maxBytes), path);

    /// <summary>Strict UTF-8 without a leading byte order mark.</summary>
    /// <exception cref="CliInputException">Not UTF-8; the message names the line and column of the first bad byte.</exception>
    public static string DecodeText(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.Encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = Position(bytes, e.Index);
            throw new CliInputException($"'{path}' is not UTF-8 text: line {line}, column {column} holds the byte 0x{bytes[Math.Max(e.Index, 0)]:X2} (save the file as UTF-8).");
        }
    }

    /// <summary>The 1-based line and column (in characters) of byte <paramref name="index"/>.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int index)
    {
        index = Math.Clamp(index, 0, bytes.Length);
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }
}
