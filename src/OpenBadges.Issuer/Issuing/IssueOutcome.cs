namespace OpenBadges.Issuer.Issuing;

/// <summary>How an issue request ended.</summary>
public enum IssueOutcome
{
    /// <summary>A new credential was signed and stored.</summary>
    Created,

    /// <summary>The same award (idempotency key or learner + achievement + award date) was already issued: that credential is returned.</summary>
    Existing,

    /// <summary>The request is not valid; see the errors.</summary>
    Invalid,

    /// <summary>The idempotency key was used before for a different award.</summary>
    KeyConflict,
}
