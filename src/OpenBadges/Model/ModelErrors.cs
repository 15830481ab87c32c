using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Model;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw ModelErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class ModelErrors
{
    internal static JsonInputException NotAnObjectFor(string typeName, JTokenType found, string path) =>
        new($"Expected a JSON object for {typeName}, found {found}.", path: path);

    internal static JsonInputException CannotRead(string typeName, string atPath, string reason, string? path, JsonException inner) =>
        new($"Cannot read {typeName}{atPath}: {reason}", path: path, inner: inner);

    internal static JsonSerializationException NotReferenceOrObject(string typeName, JsonToken found) =>
        new($"Expected an IRI string or an object for {typeName}, found {found}.");

    internal static MicroCredentialValidationException BuilderProblems(IReadOnlyList<MicroCredentialProblem> problems) =>
        new(problems);

    internal static MicroCredentialValidationException SpecProblem(IReadOnlyList<MicroCredentialProblem> problems) =>
        new(problems);

    internal static JsonSerializationException NotANumber(JsonToken found) =>
        new($"Expected a number, found {found}.");

    internal static JsonSerializationException NumberOutOfRange(object? number, OverflowException inner) =>
        new($"The number {number} is outside the supported range.", inner);

    internal static ArgumentException ValueIsNull(string paramName, object? paramName2) =>
        new($"'{paramName2}' is null; pass a value, or do not call this method.", paramName);
}
