namespace OpenBadges.Rendering;

/// <summary>How <see cref="CertificatePage"/> renders a credential.</summary>
public sealed record CertificatePageOptions
{
    /// <summary>
    /// Where a person verifies the credential (your verification page, e.g. with the credential id in the query): the
    /// QR code and link point here. It must be an absolute https URL. When null, the credential's <c>id</c> is used if it
    /// is an https URL; otherwise the page has no QR code and says why.
    /// </summary>
    public Uri? VerifyUrl { get; init; }

    /// <summary>
    /// The label language, <c>nl</c> or <c>en</c>. When null, the credential's language (<c>achievement.inLanguage</c>)
    /// decides: Dutch for <c>nl</c>, English otherwise.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>When the credential was checked, shown with the result (null: not shown).</summary>
    public DateTimeOffset? CheckedAt { get; init; }
}
