namespace OpenBadges.Rendering;

/// <summary>One value of an element: text, and a link when the credential gives a web address for it.</summary>
/// <remarks>
/// <c>Term</c> names a phrase the page translates (with <c>{0}</c> for <c>Text</c>); without one the text is shown as
/// written. <c>Detail</c> is a description shown after it (a learning outcome's, a quality assurance framework's).
/// </remarks>
internal sealed record CertificateValue(string Text, string? Url = null, string? Term = null, string? Detail = null);

/// <summary>
/// One European element (EU Council Recommendation 2022, Annex I: M1–M11 mandatory, O1–O5 optional) as read from a
/// credential, with the JSON path it was read from (or, when missing, where it was looked for). No values means the credential lacks it.
/// </summary>
internal sealed record CertificateElement(string Code, IReadOnlyList<CertificateValue> Values, string SourcePath);

/// <summary>What a certificate page shows, mapped from <c>MicroCredentialView</c> by <see cref="CertificateContentMapping"/>.</summary>
internal sealed record CertificateContent(
    string Title,
    string? Description,
    string? CredentialId,
    string? Language,
    bool IsEuropeanMicroCredential,
    string? IssuerName,
    string? IssuerId,
    string? IssuedOn,
    IReadOnlyList<CertificateElement> Mandatory,
    IReadOnlyList<CertificateElement> Optional);
