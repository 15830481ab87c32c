using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

/// <summary>
/// Reads untrusted JSON into a <see cref="JToken"/> the way every signing and verifying path needs it:
/// strings stay strings (no date sniffing), duplicate keys are an error (they are ambiguous to a signer),
/// and size and depth are bounded.
/// </summary>
public static class JsonInput
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
        LineInfoHandling = LineInfoHandling.Ignore,
    };

    /// <summary>Parses <paramref name="json"/> within <paramref name="limits"/>.</summary>
    /// <exception cref="JsonInputException">The text is not acceptable JSON; the message names line and position.</exception>
    public static JToken Parse(string json, JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        limits ??= JsonLimits.Default;
        if (json.Length > limits.MaxInputLength)
        {
            throw new JsonInputException($"JSON input is {json.Length} characters; the limit is {limits.MaxInputLength}.");
        }

        using var reader = new StringReader(json);
        return Parse(reader, limits);
    }

    /// <summary>Parses a UTF-8 file within <paramref name="limits"/>.</summary>
    /// <exception cref="JsonInputException">The file is not acceptable JSON.</exception>
    public static JToken ParseFile(string path, JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= JsonLimits.Default;
        var length = new FileInfo(path).Length;
        if (length > limits.MaxInputLength)
        {
            throw new JsonInputException($"'{path}' is {length} bytes; the limit is {limits.MaxInputLength}.");
        }

        return Parse(File.ReadAllText(path), limits);
    }

    /// <summary>Parses and requires a JSON object.</summary>
    public static JObject ParseObject(string json, JsonLimits? limits = null) =>
        Parse(json, limits) as JObject ?? throw new JsonInputException("Expected a JSON object at the top level.");

    private static JToken Parse(TextReader text, JsonLimits limits)
    {
        using var reader = new JsonTextReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = limits.MaxDepth,
        };
        try
        {
            var token = JToken.ReadFrom(reader, LoadSettings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    throw new JsonInputException(
                        $"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.",
                        reader.LineNumber, reader.LinePosition, reader.Path);
                }
            }

            return token;
        }
        catch (JsonReaderException e)
        {
            throw new JsonInputException(
                $"Malformed JSON at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}",
                e.LineNumber, e.LinePosition, e.Path, e);
        }
    }

    // Newtonsoft appends "Path '…', line N, position M." to its messages; we report those ourselves.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
