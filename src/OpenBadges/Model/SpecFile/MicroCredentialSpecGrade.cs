namespace OpenBadges.Model;

/// <summary>O3 in a <see cref="MicroCredentialSpec"/>: one grade, written as a result description plus the learner's result.</summary>
/// <param name="Id">The result description's id (an absolute IRI, e.g. <c>urn:uuid:…</c>).</param>
/// <param name="Name">The result description's name, e.g. "Final grade".</param>
/// <param name="ResultType">OB <c>resultType</c>, e.g. <c>LetterGrade</c>, <c>Percent</c> or <c>ext:DutchGrade</c>.</param>
/// <param name="Value">The learner's grade.</param>
/// <param name="AllowedValues">Optional ordered list of allowed values.</param>
/// <param name="RequiredValue">Optional pass mark.</param>
/// <param name="ValueMin">Optional lowest value.</param>
/// <param name="ValueMax">Optional highest value.</param>
public sealed record MicroCredentialSpecGrade(
    string Id,
    string Name,
    string ResultType,
    string Value,
    IReadOnlyList<string>? AllowedValues = null,
    string? RequiredValue = null,
    string? ValueMin = null,
    string? ValueMax = null);
