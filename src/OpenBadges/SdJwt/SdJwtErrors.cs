namespace OpenBadges.SdJwt;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw SdJwtErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class SdJwtErrors
{
    internal static InvalidOperationException FetcherReturnedNothing() =>
        new("the fetcher returned no text");
}
