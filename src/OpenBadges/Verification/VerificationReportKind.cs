namespace OpenBadges.Verification;

/// <summary>What a <see cref="VerificationReport"/> is about.</summary>
public enum VerificationReportKind
{
    /// <summary>An OpenBadgeCredential/AchievementCredential given to the verifier.</summary>
    Credential,
    /// <summary>An EndorsementCredential found inside another credential.</summary>
    Endorsement,
    /// <summary>A VerifiablePresentation.</summary>
    Presentation,
    /// <summary>A refreshed credential fetched from the credential's <c>refreshService</c>.</summary>
    Refreshed,
}
