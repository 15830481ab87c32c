using OpenBadges.Model;

namespace OpenBadges.Elm;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw ElmErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class ElmErrors
{
    internal static ElmExportException NotExportable(List<MicroCredentialProblem> problems) =>
        new(problems);

    internal static ArgumentException CredentialIdNotAbsolute(string paramName, object? id) =>
        new($"CredentialId '{id}' must be an absolute IRI.", paramName);
}
