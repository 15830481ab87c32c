using System.Text;

namespace OpenBadges.Baking;

/// <summary>Bake and unbake whichever image kind the bytes are (PNG or SVG).</summary>
public static class BakedImages
{
    /// <summary>The credential in a PNG or SVG file's bytes, or null if the image carries none.</summary>
    /// <exception cref="BakingException">Neither a PNG nor an SVG, or a malformed or ambiguous one.</exception>
    public static string? Unbake(ReadOnlySpan<byte> image)
    {
        if (PngBaker.IsPng(image))
        {
            return PngBaker.Unbake(image);
        }

        var text = DecodeText(image);
        return SvgBaker.IsSvg(text) ? SvgBaker.Unbake(text) : throw BakingErrors.NeitherPngNorSvg();
    }

    /// <summary>Bakes <paramref name="credential"/> into a PNG or SVG file's bytes.</summary>
    /// <exception cref="BakingException">Neither a PNG nor an SVG, or a malformed one.</exception>
    public static byte[] Bake(ReadOnlySpan<byte> image, string credential)
    {
        if (PngBaker.IsPng(image))
        {
            return PngBaker.Bake(image, credential);
        }

        var text = DecodeText(image);
        return SvgBaker.IsSvg(text)
            ? Encoding.UTF8.GetBytes(SvgBaker.Bake(text, credential))
            : throw BakingErrors.NeitherPngNorSvg();
    }

    private static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
