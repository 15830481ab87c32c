namespace OpenBadges.Rendering;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw RenderingErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class RenderingErrors
{
    internal static ArgumentException NoReadableCredential(string reason, string paramName) =>
        new($"The input holds no readable credential: {reason}", paramName);

    internal static ArgumentException VerifyUrlNotHttps(Uri given, string paramName) =>
        new($"The verify URL '{given}' must be an absolute https URL (a person's phone opens it).", paramName);
}
