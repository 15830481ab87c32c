using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Json;

namespace OpenBadges.Cli;

/// <summary>Reads a credential from a JSON file or from a PNG/SVG image it is baked into.</summary>
internal static class CredentialInput
{
    /// <summary>The credential text in <paramref name="path"/>, and whether it came out of an image.</summary>
    /// <exception cref="CliInputException">The file cannot be read, is too large, or is text that is not UTF-8.</exception>
    /// <exception cref="BakingException">An image without a (readable) baked credential.</exception>
    public static (string Text, string? ImageKind) ReadText(string path)
    {
        var bytes = InputFiles.ReadBytes(path);
        if (PngBaker.IsPng(bytes))
        {
            return (PngBaker.Unbake(bytes) ?? throw BakingErrors.PngCarriesNoCredential(), "PNG");
        }

        if (LooksLikeSvg(bytes))
        {
            return (BakedImages.Unbake(bytes) ?? throw BakingErrors.SvgCarriesNoCredential(), "SVG");
        }

        return (InputFiles.DecodeText(bytes, path), null);
    }

    /// <summary>The credential in <paramref name="path"/> as a JSON object.</summary>
    /// <exception cref="CliInputException">Unreadable, not JSON, not an object, or an image without a credential.</exception>
    public static JObject ReadObject(string path)
    {
        string text;
        try
        {
            text = ReadText(path).Text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BakingException)
        {
            throw new CliInputException($"cannot read a credential from '{path}': {e.Message}");
        }

        try
        {
            return JsonInput.Parse(text) as JObject ?? throw new CliInputException($"'{path}' does not hold a JSON object (a credential).");
        }
        catch (JsonInputException e)
        {
            throw new CliInputException($"'{path}' does not hold a JSON credential: {e.Message}");
        }
    }

    /// <summary>An SVG starts (after an optional BOM, XML declaration or comments) with markup naming an svg element.</summary>
    public static bool LooksLikeSvg(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("<svg", StringComparison.Ordinal);
}
