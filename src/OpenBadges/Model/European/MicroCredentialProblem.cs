namespace OpenBadges.Model;

/// <summary>
/// One missing or invalid European micro-credential element.
/// </summary>
/// <param name="Element">
/// The element code: <c>M1</c>–<c>M11</c> and <c>O1</c>–<c>O5</c> (Annex I of the EU Council Recommendation, see
/// DESIGN.md §3), <c>OB</c> for a field Open Badges 3.0 itself requires, or <c>spec</c> for a problem in a
/// <see cref="MicroCredentialSpec"/> document.
/// </param>
/// <param name="JsonPath">Where: a JSONPath into the credential (or, for <c>spec</c>, into the spec document).</param>
/// <param name="Rule">What is wrong, in plain words.</param>
public sealed record MicroCredentialProblem(string Element, string JsonPath, string Rule)
{
    /// <summary>"<c>M9 $.credentialSubject.achievement.assessmentType: …</c>".</summary>
    public override string ToString() => $"{Element} {JsonPath}: {Rule}";
}
