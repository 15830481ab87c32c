using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

/// <summary>
/// Reads untrusted JSON into a <see cref="JToken"/> the way every signing and verifying path needs it:
/// strict RFC 8259 (no comments, trailing commas, single quotes, NaN/Infinity, unquoted names or anything after the
/// value — Newtonsoft accepts all of these, every other implementation refuses them, and a parser differential is an
/// attack surface), strings stay strings (no date sniffing), duplicate keys are an error (they are ambiguous to a
/// signer), and size and depth are bounded. A number whose text a double cannot hold exactly is kept, marked, and
/// refused by the signer and flagged by the verifier.
/// </summary>
public static partial class JsonInput
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

        JToken token;
        using (var reader = new StringReader(json))
        {
            token = Parse(reader, limits);
        }

        RequireStrict(json, token, limits);
        return token;
    }

    /// <summary>Parses a UTF-8 file within <paramref name="limits"/>.</summary>
    /// <exception cref="JsonInputException">The file is not acceptable JSON.</exception>
    public static JToken ParseFile(string path, JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= JsonLimits.Default;
        return Parse(Internal.BoundedRead.Text(path, limits.MaxInputLength), limits);
    }

    /// <summary>Parses and requires a JSON object.</summary>
    public static JObject ParseObject(string json, JsonLimits? limits = null) =>
        Parse(json, limits) as JObject ?? throw new JsonInputException("Expected a JSON object at the top level.");

    /// <summary>
    /// Requires <paramref name="token"/> to hold only JSON values. A tree parsed with Newtonsoft's defaults
    /// (<c>JObject.Parse</c>) turns date-like strings into DateTime values whose original text is lost:
    /// signing or writing them back would change the bytes, so it is refused instead of guessed.
    /// </summary>
    /// <exception cref="JsonInputException">A value is not plain JSON; the message names its path.</exception>
    public static void RequirePlainJson(JToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (FirstReTyped(token) is { } lost)
        {
            throw new JsonInputException(
                $"The value at '{lost.Path}' is a {lost.Type}, not a JSON value, so its original text is lost. Parse JSON with " +
                "OpenBadges.Json.JsonInput (or DateParseHandling.None) instead of JObject.Parse's defaults.",
                path: lost.Path);
        }
    }

    /// <summary>
    /// <see cref="RequirePlainJson"/>, and no number a signature would not pin down: canonicalization (JSON-LD toRdf
    /// and JCS alike) writes an integer of 10^21 or more as a double, so a 100-digit integer and the same with another
    /// last digit would sign — and verify — alike; a number that overflows a double has no value at all.
    /// </summary>
    /// <exception cref="JsonInputException">The first such value; the message names its path and the rule.</exception>
    internal static void RequireSignableJson(JToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var found = FirstReTyped(token, inexactNumbers: true);
        if (found is not null && found.Type is not (JTokenType.Integer or JTokenType.Float))
        {
            RequirePlainJson(found);
        }

        if (found is { } inexact)
        {
            throw new JsonInputException(
                DescribeInexact((JValue)inexact),
                path: inexact.Path);
        }
    }

    /// <summary>
    /// The first number in <paramref name="plainJson"/> that <see cref="RequireSignableJson"/> refuses (21+ digits, or
    /// not finite), or null; for a document that has already passed <see cref="RequirePlainJson"/> (the verifier's).
    /// </summary>
    internal static JValue? FirstInexactNumber(JToken plainJson) =>
        FirstReTyped(plainJson, inexactNumbers: true) is JValue { Type: JTokenType.Integer or JTokenType.Float } number ? number : null;

    /// <summary>Why <paramref name="inexact"/> (a number <see cref="FirstInexactNumber"/> found) cannot be signed, naming its path.</summary>
    internal static string DescribeInexact(JValue inexact) =>
        inexact.Type == JTokenType.Integer
            ? $"The integer at '{inexact.Path}' has 21 digits or more: a Data Integrity proof signs it as a double, so other digits would verify too. Write such numbers as strings."
            : inexact.Annotation<InexactNumberText>() is { } text
                ? $"The number at '{inexact.Path}' is written {text.Text}, which a double does not hold exactly (it signs as {((double)inexact.Value!).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, so other digits would verify too): write at most 17 significant digits that round-trip, or a string."
                : $"The number at '{inexact.Path}' overflows a double: it has no value a proof could sign.";

    private static readonly System.Numerics.BigInteger TenToThe21 = System.Numerics.BigInteger.Pow(10, 21);

    // Document order, depth first, like DescendantsAndSelf, without an iterator per container (this runs on
    // every sign and verify). One virtual Type call per token decides; no type tests. Finds a value parsed into a
    // non-JSON type, or (inexactNumbers) a number RDF or JCS would write inexactly.
    private static JToken? FirstReTyped(JToken token, bool inexactNumbers = false)
    {
        switch (token.Type)
        {
            case JTokenType.Object:
                // A JObject's children are always JProperty objects.
                for (var child = ((JContainer)token).First; child is not null; child = child.Next)
                {
                    if (FirstReTyped(Unsafe.As<JProperty>(child).Value, inexactNumbers) is { } lost)
                    {
                        return lost;
                    }
                }

                return null;
            case JTokenType.Array:
            case JTokenType.Constructor:
            case JTokenType.Property:
                for (var child = ((JContainer)token).First; child is not null; child = child.Next)
                {
                    if (FirstReTyped(child, inexactNumbers) is { } lost)
                    {
                        return lost;
                    }
                }

                return null;
            case JTokenType.Date:
            case JTokenType.Bytes:
            case JTokenType.Guid:
            case JTokenType.Uri:
            case JTokenType.TimeSpan:
                return token;
            case JTokenType.Integer when inexactNumbers:
                return ((JValue)token).Value is System.Numerics.BigInteger big && System.Numerics.BigInteger.Abs(big) >= TenToThe21 ? token : null;
            case JTokenType.Float when inexactNumbers:
                return (((JValue)token).Value is double d && !double.IsFinite(d)) || token.Annotation<InexactNumberText>() is not null ? token : null;
            default:
                return null;
        }
    }

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
            if (reader.Read())
            {
                throw new JsonInputException(
                    $"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.",
                    reader.LineNumber, reader.LinePosition, reader.Path);
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
