namespace OpenBadges.Schemas;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw SchemaErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class SchemaErrors
{
    internal static ArgumentException NotEmbeddedSchema(string schemaId, string paramName) =>
        new($"Not an embedded schema: {schemaId}", paramName);

    internal static InvalidOperationException SchemaResourceMissing(string file) =>
        new($"Embedded schema resource '{file}' is missing from the assembly.");
}
