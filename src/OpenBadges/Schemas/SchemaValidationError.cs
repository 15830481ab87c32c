namespace OpenBadges.Schemas;

/// <summary>
/// One JSON Schema violation in a credential.
/// </summary>
/// <param name="Path">Where, as NJsonSchema reports it: a JSON pointer-like path such as <c>#/issuer</c> or <c>#/credentialSubject.achievement.name</c>.</param>
/// <param name="Kind">The kind of violation (NJsonSchema's <c>ValidationErrorKind</c> name), e.g. <c>PropertyRequired</c>, <c>StringExpected</c>, <c>NotOneOf</c>.</param>
/// <param name="Property">The property concerned, when there is one (e.g. the missing property's name).</param>
/// <param name="Details">For a <c>oneOf</c>/<c>anyOf</c> failure: the violations of each alternative, flattened.</param>
public sealed record SchemaValidationError(string Path, string Kind, string? Property, IReadOnlyList<SchemaValidationError> Details)
{
    /// <summary>This error and, depth first, every detail under it (the leaves say what actually failed).</summary>
    public IEnumerable<SchemaValidationError> SelfAndDetails()
    {
        yield return this;
        foreach (var detail in Details.SelectMany(detail => detail.SelfAndDetails()))
        {
            yield return detail;
        }
    }

    /// <summary>"<c>#/issuer PropertyRequired (issuer)</c>".</summary>
    public override string ToString() => Property is null ? $"{Path} {Kind}" : $"{Path} {Kind} ({Property})";
}
