using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Checks;
using OpenBadges.Json;

namespace OpenBadges.Verification;

/// <summary>
/// Step 1, for credentials and presentations alike: reading the input — JSON, compact JWS, or a baked PNG/SVG —
/// within the size and depth limits. Records the <c>parse</c> check and the format into the run.
/// </summary>
internal static class InputReader
{
    public const string Rule = "the input is one JSON credential object (no duplicate keys), a VC-JWT compact JWS, an SD-JWT (~-separated), or a PNG/SVG image with exactly one baked credential, within the size and depth limits";

    // Images are larger than the credential they carry; the credential inside is held to the JSON limits.
    private const int ImageSizeFactor = 16;

    public static ParsedInput? ReadBytes(ReadOnlySpan<byte> input, VerificationRun run)
    {
        var limits = run.Settings.Options.JsonLimits;
        var maxImage = (long)limits.MaxInputLength * ImageSizeFactor;
        if (PngBaker.IsPng(input))
        {
            run.Format = "png";
            if (input.Length > maxImage)
            {
                run.Undecided(CheckNames.Parse, $"The PNG is {input.Length} bytes; the limit is {maxImage}. Not read.", null, Rule);
                return null;
            }

            return Unbake(input, run, "png");
        }

        if (input.Length > maxImage)
        {
            run.Undecided(CheckNames.Parse, $"The input is {input.Length} bytes; the limit is {maxImage}. Not read.", null, Rule);
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.Encoding.GetString(input);
        }
        catch (DecoderFallbackException)
        {
            run.Fail(CheckNames.Parse, "The input is neither a PNG nor UTF-8 text.", null, Rule);
            return null;
        }

        return ReadText(text, run, imageFormat: null);
    }

    public static ParsedInput? ReadText(string? input, VerificationRun run, string? imageFormat)
    {
        var limits = run.Settings.Options.JsonLimits;
        if (input is null)
        {
            run.Fail(CheckNames.Parse, "There is no input.", null, Rule);
            return null;
        }

        var note = string.Empty;
        if (input.StartsWith('\uFEFF'))
        {
            // RFC 8259 §8.1: a parser may ignore a byte order mark before the text. It is outside the JSON, so
            // outside anything signed; a BOM inside a value is kept and breaks the signature, as it should.
            input = input[1..];
            note = " A byte order mark before the text was ignored.";
        }

        var trimmed = input.AsSpan().Trim();
        if (imageFormat is null && trimmed.StartsWith("<", StringComparison.Ordinal))
        {
            run.Format = "svg";
            if (input.Length > (long)limits.MaxInputLength * ImageSizeFactor)
            {
                run.Undecided(CheckNames.Parse, $"The SVG is {input.Length} characters; the limit is {(long)limits.MaxInputLength * ImageSizeFactor}. Not read.", null, Rule);
                return null;
            }

            return Unbake(Encoding.UTF8.GetBytes(input), run, "svg");
        }

        if (trimmed.StartsWith("{", StringComparison.Ordinal))
        {
            run.Format ??= "json";
            return ReadJson(input, run, imageFormat, note);
        }

        if (LooksLikeSdJwt(trimmed))
        {
            run.Format ??= "sd-jwt";
            var maxLength = run.Settings.Options.JsonLimits.MaxInputLength;
            if (trimmed.Length > maxLength)
            {
                run.Undecided(CheckNames.Parse, $"The SD-JWT is {trimmed.Length} characters; the limit is {maxLength}. Not read.", null, Rule);
                return null;
            }

            return new ParsedInput(null, imageFormat ?? "sd-jwt", trimmed.ToString());
        }

        if (LooksLikeCompactJws(trimmed))
        {
            run.Format ??= "jwt";
            if (trimmed.Length > limits.MaxInputLength)
            {
                run.Undecided(CheckNames.Parse, $"The token is {trimmed.Length} characters; the limit is {limits.MaxInputLength}. Not read.", null, Rule);
                return null;
            }

            return new ParsedInput(null, imageFormat ?? "jwt", trimmed.ToString());
        }

        run.Fail(CheckNames.Parse, "The input is neither a JSON object, a compact JWS (VC-JWT), an SD-JWT, nor a PNG or SVG image." + note, null, Rule);
        return null;
    }

    private static ParsedInput? ReadJson(string text, VerificationRun run, string? imageFormat, string note)
    {
        var limits = run.Settings.Options.JsonLimits;
        if (text.Length > limits.MaxInputLength)
        {
            // Undecided rather than Failed: nothing says the document is bad, only that it is larger than this
            // verifier agreed to read. Raise JsonLimits.MaxInputLength for sources you trust.
            run.Undecided(CheckNames.Parse, $"The JSON is {text.Length} characters; the limit is {limits.MaxInputLength}. Not read.", null, Rule);
            return null;
        }

        JToken token;
        try
        {
            token = JsonInput.Parse(text, limits);
        }
        catch (JsonInputException e) when (e.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            run.Undecided(CheckNames.Parse, $"The JSON nests deeper than {limits.MaxDepth} levels. Not read.", e.Path is null ? null : "$." + e.Path, Rule);
            return null;
        }
        catch (JsonInputException e)
        {
            // Malformed JSON, or duplicate keys: two readers could see two different credentials, so it is refused.
            run.Fail(CheckNames.Parse, e.Message, e.Path is null ? null : "$." + e.Path, Rule);
            return null;
        }

        if (token is not JObject credential)
        {
            run.Fail(CheckNames.Parse, $"The JSON is a {token.Type}, not an object.", "$", Rule);
            return null;
        }

        var what = imageFormat is null ? "A JSON object." : $"A JSON credential baked into a {imageFormat.ToUpperInvariant()} image.";
        run.Pass(CheckNames.Parse, what + note, null, Rule);
        return new ParsedInput(credential, imageFormat ?? "json");
    }

    public static ParsedInput? ReadObject(JObject? credential, VerificationRun run)
    {
        run.Format = "object";
        if (credential is null)
        {
            run.Fail(CheckNames.Parse, "The credential is not a JSON object.", "$", Rule);
            return null;
        }

        try
        {
            JsonInput.RequirePlainJson(credential);
        }
        catch (JsonInputException e)
        {
            run.Undecided(CheckNames.Parse, e.Message, e.Path is null ? null : "$." + e.Path, Rule, ProblemCodes.Undecided);
            return null;
        }

        run.Pass(CheckNames.Parse, "A JSON object.", null, Rule);
        return new ParsedInput((JObject)credential.DeepClone(), "object");
    }

    private static ParsedInput? Unbake(ReadOnlySpan<byte> image, VerificationRun run, string format)
    {
        string? baked;
        try
        {
            baked = BakedImages.Unbake(image);
        }
        catch (BakingException e)
        {
            // Two credentials in one image (or a malformed one) is ambiguous: which one would the viewer see?
            run.Fail(CheckNames.Parse, $"The {format.ToUpperInvariant()} cannot be unbaked: {e.Message}", null, Rule);
            return null;
        }

        if (baked is null)
        {
            run.Fail(CheckNames.Parse, $"The {format.ToUpperInvariant()} carries no baked credential.", null, Rule);
            return null;
        }

        return ReadText(baked, run, format);
    }

    /// <summary>A compact JWS followed by <c>~</c>: base64url, <c>.</c> and <c>~</c> only.</summary>
    public static bool LooksLikeSdJwt(ReadOnlySpan<char> text)
    {
        var tilde = text.IndexOf('~');
        if (tilde <= 0 || !LooksLikeCompactJws(text[..tilde]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool LooksLikeCompactJws(ReadOnlySpan<char> text)
    {
        if (text.Count('.') != 2)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
