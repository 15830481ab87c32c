using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw JsonErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class JsonErrors
{
    internal static ArgumentException JcsNotAJsonValue(JTokenType tokenType, string path) =>
        new($"JCS (RFC 8785) cannot canonicalize the {tokenType} value at '{path}': it is not a JSON value. " + "Parse JSON with OpenBadges.Json.JsonInput (date-like strings stay strings) or store it as a string.", "value");

    internal static ArgumentException JcsLoneSurrogate(string path, int codeUnit, int index) =>
        new($"JCS (RFC 8785) cannot canonicalize the string at '{path}': it contains a lone surrogate U+{codeUnit:X4} at index {index}.", "value");

    internal static ArgumentException JcsNumberNotFinite(string path, string number) =>
        new($"JCS (RFC 8785) cannot represent the number at '{path}': {number} is not a finite IEEE 754 double (numbers beyond ±1.7976931348623157e+308 overflow to infinity).", "value");

    internal static InvalidOperationException JcsDoubleTooLong() =>
        new("A double did not fit in 32 characters.");

    internal static InvalidOperationException JcsExponentTooLong() =>
        new("A double's exponent did not fit.");

    internal static JsonInputException FileTooLarge(string path, int maxBytes) =>
        new($"'{path}' is larger than the limit of {maxBytes} bytes.");

    internal static JsonInputException FileNotUtf8(string path) =>
        new($"'{path}' is not UTF-8 text.");

    internal static JsonInputException OutputLoneSurrogate(int index, EncoderFallbackException inner) =>
        new($"The document holds a string with a lone surrogate (at character {index} of its JSON), which has no UTF-8 form.", inner: inner);

    internal static JsonInputException TextLoneSurrogate(int index) =>
        new($"The JSON text is not Unicode: it holds a lone surrogate (at character {index}).");

    internal static JsonInputException NotStrictJson(int line, int position, string reason, System.Text.Json.JsonException inner) =>
        new($"Not strict JSON (RFC 8259) at line {line}, position {position}: {reason}", line, position, null, inner);

    internal static JsonInputException InputTooManyCharacters(int length, int limit) =>
        new($"JSON input is {length} characters; the limit is {limit}.") { CouldNotRead = true };

    internal static JsonInputException InputTooManyBytes(int length, int limit) =>
        new($"JSON input is {length} bytes; the limit is {limit}.") { CouldNotRead = true };

    internal static JsonInputException InputNotUtf8(int offset, DecoderFallbackException inner) =>
        new($"JSON input is not UTF-8: the bytes at offset {offset} are not a UTF-8 sequence.", inner: inner);

    internal static ArgumentException DefaultJsonElement(string paramName) =>
        new("The JsonElement holds no value (default(JsonElement)).", paramName);

    internal static JsonInputException JsonNodeLoneSurrogate(string path) =>
        new($"The JsonNode has a lone surrogate at '{path}', which System.Text.Json would write as U+FFFD (other text than it holds). Pass the JSON text instead.", path: path) { CouldNotRead = true };

    internal static JsonInputException JsonNodeTooDeep(int maxDepth, string reason, InvalidOperationException inner) =>
        new($"The JsonNode cannot be written as JSON (the depth limit is {maxDepth}): {reason}", inner: inner) { CouldNotRead = true };

    internal static JsonInputException JsonNodeNotWritable(string reason, ArgumentException inner) =>
        new($"The JsonNode cannot be written as JSON: {reason}", inner: inner);

    internal static ArgumentException NotPlainJsonArgument(string message, string paramName) =>
        new(message, paramName);

    internal static JsonInputException NotAnObject(JTokenType tokenType) =>
        new($"Expected a JSON object at the top level, not a {tokenType}.");

    internal static JsonInputException NotPlainJson(string message, string path) =>
        new(message, path: path);

    internal static JsonInputException InexactNumber(string message, string path) =>
        new(message, path: path);

    internal static JsonInputException ContentAfterValue(int line, int position, string path) =>
        new($"Unexpected content after the JSON value at line {line}, position {position}.", line, position, path);

    internal static JsonInputException MalformedJson(int line, int position, string reason, string? path, JsonReaderException inner, bool nestingTooDeep) =>
        new($"Malformed JSON at line {line}, position {position}: {reason}", line, position, path, inner) { CouldNotRead = nestingTooDeep };
}
