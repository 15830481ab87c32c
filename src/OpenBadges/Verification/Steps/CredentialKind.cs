namespace OpenBadges.Verification;

/// <summary>Which checks a credential gets, by what it claims to be (<see cref="CredentialFormStep"/> decides).</summary>
internal enum CredentialKind
{
    /// <summary>OpenBadgeCredential / AchievementCredential.</summary>
    Achievement,
    /// <summary>EndorsementCredential (and anything found where an endorsement belongs).</summary>
    Endorsement,
    /// <summary>CLR 2.0 ClrCredential: its own checks, and each credential inside verified on its own.</summary>
    Clr,
    /// <summary>A Verifiable Credential that is not an Open Badge: the VC checks only.</summary>
    Other,
}
