using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// <para>
/// Every other form of JSON the public API accepts comes through here too: UTF-8 bytes are decoded strictly, a
/// System.Text.Json <see cref="JsonElement"/> is read from its original bytes and a <see cref="JsonNode"/> from the
/// JSON it writes, so all of them meet the same rules as text.
/// </para>
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
            throw JsonErrors.InputTooManyCharacters(json.Length, limits.MaxInputLength);
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
        return Parse(BoundedRead.Text(path, limits.MaxInputLength), limits);
    }

    /// <summary>Parses and requires a JSON object.</summary>
    public static JObject ParseObject(string json, JsonLimits? limits = null) => RequireObject(Parse(json, limits));

    /// <summary>
    /// Parses UTF-8 JSON within <paramref name="limits"/> (the length limit counts bytes). Bytes that are not UTF-8
    /// are refused, not replaced; a byte order mark before the text is ignored (RFC 8259 §8.1).
    /// </summary>
    /// <exception cref="JsonInputException">The bytes are not acceptable JSON.</exception>
    public static JToken Parse(ReadOnlySpan<byte> utf8Json, JsonLimits? limits = null)
    {
        limits ??= JsonLimits.Default;
        if (utf8Json.Length > limits.MaxInputLength)
        {
            throw JsonErrors.InputTooManyBytes(utf8Json.Length, limits.MaxInputLength);
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.Encoding.GetString(utf8Json);
        }
        catch (DecoderFallbackException e)
        {
            throw JsonErrors.InputNotUtf8(e.Index, e);
        }

        return Parse(text, limits);
    }

    /// <summary>Parses UTF-8 JSON (see <see cref="Parse(ReadOnlySpan{byte}, JsonLimits?)"/>) and requires a JSON object.</summary>
    public static JObject ParseObject(ReadOnlySpan<byte> utf8Json, JsonLimits? limits = null) => RequireObject(Parse(utf8Json, limits));

    /// <summary>
    /// Reads a System.Text.Json element from the bytes it was parsed from (not a re-serialization), so numbers, escapes
    /// and duplicate keys meet the same rules as text.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="element"/> is <c>default</c> (no value).</exception>
    /// <exception cref="JsonInputException">The element is not acceptable JSON (duplicate keys, too large or deep).</exception>
    public static JToken Read(JsonElement element, JsonLimits? limits = null)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw JsonErrors.DefaultJsonElement(nameof(element));
        }

        return Parse(JsonMarshal.GetRawUtf8Value(element), limits);
    }

    /// <summary>Reads a System.Text.Json element (see <see cref="Read(JsonElement, JsonLimits?)"/>) and requires a JSON object.</summary>
    public static JObject ReadObject(JsonElement element, JsonLimits? limits = null) => RequireObject(Read(element, limits));

    /// <summary>
    /// Reads a System.Text.Json node from the JSON it writes. A string or member name holding a lone surrogate is
    /// refused: System.Text.Json's writer would replace it with U+FFFD, and other text would be signed or verified.
    /// </summary>
    /// <exception cref="JsonInputException">The node is not acceptable JSON.</exception>
    public static JToken Read(JsonNode node, JsonLimits? limits = null)
    {
        limits ??= JsonLimits.Default;
        return Parse(WriteUtf8(node, limits), limits);
    }

    /// <summary>The JSON <paramref name="node"/> writes, as UTF-8, for <see cref="Read(JsonNode, JsonLimits?)"/> and the verifiers.</summary>
    /// <exception cref="JsonInputException">The node nests far deeper than the limit, or the writer refuses a value.</exception>
    internal static byte[] WriteUtf8(JsonNode node, JsonLimits limits)
    {
        ArgumentNullException.ThrowIfNull(node);
        var maxDepth = (limits.MaxDepth * 2) + 2;
        if (FirstLoneSurrogate(node, maxDepth) is { } path)
        {
            throw JsonErrors.JsonNodeLoneSurrogate(path);
        }

        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            // The reader enforces limits.MaxDepth exactly (as for text); the writer's bound only stops a runaway.
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = maxDepth });
            node.WriteTo(writer);
        }
        catch (InvalidOperationException e)
        {
            // Nesting far past the limit, or a parsed string whose escapes hold a lone surrogate: not read.
            throw JsonErrors.JsonNodeTooDeep(limits.MaxDepth, e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw JsonErrors.JsonNodeNotWritable(e.Message, e);
        }

        return buffer.WrittenSpan.ToArray();
    }

    // The path of the first string or member name with a lone surrogate, or null. Below maxDepth the writer refuses anyway.
    private static string? FirstLoneSurrogate(JsonNode? node, int maxDepth)
    {
        if (maxDepth < 0)
        {
            return null;
        }

        switch (node)
        {
            case JsonObject members:
                foreach (var (name, child) in members)
                {
                    if (HasLoneSurrogate(name))
                    {
                        return members.GetPath();
                    }

                    if (FirstLoneSurrogate(child, maxDepth - 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray items:
                foreach (var item in items)
                {
                    if (FirstLoneSurrogate(item, maxDepth - 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                try
                {
                    return value.TryGetValue<string>(out var text) && HasLoneSurrogate(text) ? value.GetPath() : null;
                }
                catch (InvalidOperationException)
                {
                    // A parsed string whose escapes have no .NET string form: the writer refuses it below.
                    return null;
                }

            default:
                return null;
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Refuses, as misuse, a tree that is not plain JSON (<see cref="RequirePlainJson"/>): for the verifiers, which report
    /// on every credential they can read but cannot read this one, because the caller's parser changed it.
    /// </summary>
    /// <exception cref="ArgumentException">The first re-typed value; the message names its path and the fix.</exception>
    internal static void RequirePlainJsonArgument(JToken? token, string paramName)
    {
        if (token is not null && FirstReTyped(token) is { } lost)
        {
            throw JsonErrors.NotPlainJsonArgument(PlainJsonMessage(lost), paramName);
        }
    }

    /// <summary>Reads a System.Text.Json node (see <see cref="Read(JsonNode, JsonLimits?)"/>) and requires a JSON object.</summary>
    public static JObject ReadObject(JsonNode node, JsonLimits? limits = null) => RequireObject(Read(node, limits));

    private static JObject RequireObject(JToken token) =>
        token as JObject ?? throw JsonErrors.NotAnObject(token.Type);

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
            throw JsonErrors.NotPlainJson(PlainJsonMessage(lost), lost.Path);
        }
    }

    /// <summary>
    /// Why <paramref name="lost"/> is refused, and the fix. Exactness is not recoverable: "…:00Z", "…:00.0Z" and
    /// "…:00.000Z" become one DateTime, an offset is turned into the machine's local time, and a date alone becomes midnight;
    /// so the text that was signed cannot be rebuilt from the tree, and no guess is made.
    /// </summary>
    internal static string PlainJsonMessage(JToken lost) =>
        $"The value at '{lost.Path}' is a {lost.Type}, not a JSON value: JObject.Parse (Newtonsoft's default DateParseHandling) " +
        "turned the text into a .NET value, and its original text (fraction digits, offset) cannot be recovered, so what was signed " +
        "cannot be checked. Pass the JSON text or UTF-8 bytes instead, or parse with OpenBadges.Json.JsonInput.ParseObject(text) or " +
        "JsonConvert.DeserializeObject<JObject>(text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None }).";

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
            throw JsonErrors.InexactNumber(DescribeInexact((JValue)inexact), inexact.Path);
        }
    }

    /// <summary>
    /// The first number in <paramref name="plainJson"/> that <see cref="RequireSignableJson"/> refuses (|n| ≥ 10^21, or
    /// not finite), or null; for a document that has already passed <see cref="RequirePlainJson"/> (the verifier's).
    /// </summary>
    internal static JValue? FirstInexactNumber(JToken plainJson) =>
        FirstReTyped(plainJson, inexactNumbers: true) is JValue { Type: JTokenType.Integer or JTokenType.Float } number ? number : null;

    /// <summary>Why <paramref name="inexact"/> (a number <see cref="FirstInexactNumber"/> found) cannot be signed, naming its path.</summary>
    internal static string DescribeInexact(JValue inexact) =>
        inexact.Type == JTokenType.Integer
            ? inexact.Value is System.Numerics.BigInteger big && System.Numerics.BigInteger.Abs(big) >= TenToThe21
                ? $"The integer at '{inexact.Path}' is 10^21 or more in magnitude (22 digits or more): a Data Integrity proof signs it as a double, so other digits would verify too. Write such numbers as strings."
                : $"The integer at '{inexact.Path}' is {inexact.ToString(Formatting.None)}, which a double does not hold exactly (beyond 2^53, JCS and processors that read numbers as doubles sign {new System.Numerics.BigInteger(double.Parse(inexact.ToString(Formatting.None), System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)} instead, so other digits would verify too). Write such numbers as strings."
            : inexact.Annotation<InexactNumberText>() is { } text
                ? $"The number at '{inexact.Path}' is written {text.Text}, which a double does not hold exactly (it signs as {((double)inexact.Value!).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, so other digits would verify too): write at most 17 significant digits that round-trip, or a string."
                : $"The number at '{inexact.Path}' overflows a double: it has no value a proof could sign.";

    private static readonly System.Numerics.BigInteger TenToThe21 = System.Numerics.BigInteger.Pow(10, 21);

    // Every integer of magnitude 2^53 or less is a double exactly; above it, only some are. (BigInteger's conversion
    // to double truncates rather than rounds; that still tells exact from inexact, but the nearest double, for the
    // message, comes from parsing the text.)
    private const long LargestAlwaysExactInteger = 1L << 53;

    /// <summary>
    /// An integer two signers could write differently: 10^21 or more (JSON-LD writes it as xsd:double), or one a double
    /// does not hold exactly (JCS, and JSON-LD processors that read numbers as doubles, sign its nearest double instead).
    /// </summary>
    private static bool IsInexactInteger(object? value) => value switch
    {
        long small => small is > LargestAlwaysExactInteger or < -LargestAlwaysExactInteger && new System.Numerics.BigInteger((double)small) != small,
        System.Numerics.BigInteger big => System.Numerics.BigInteger.Abs(big) >= TenToThe21 || new System.Numerics.BigInteger((double)big) != big,
        _ => false,
    };

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
                return IsInexactInteger(((JValue)token).Value) ? token : null;
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
                throw JsonErrors.ContentAfterValue(reader.LineNumber, reader.LinePosition, reader.Path);
            }

            return token;
        }
        catch (JsonReaderException e)
        {
            throw JsonErrors.MalformedJson(e.LineNumber, e.LinePosition, FirstSentence(e.Message), e.Path, e, e.Message.Contains("MaxDepth", StringComparison.Ordinal));
        }
    }

    // Newtonsoft appends "Path '…', line N, position M." to its messages; we report those ourselves.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
