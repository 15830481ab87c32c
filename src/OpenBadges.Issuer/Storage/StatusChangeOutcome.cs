namespace OpenBadges.Issuer.Storage;

/// <summary>How a status change request ended.</summary>
public enum StatusChangeOutcome
{
    /// <summary>The state changed; a bit of the published list changed and the change is in the audit log.</summary>
    Changed,

    /// <summary>The credential already was in the requested state: nothing written.</summary>
    Unchanged,

    /// <summary>Not allowed from the current state (a revoked credential is never reinstated; a revocation entry cannot be suspended).</summary>
    Refused,

    /// <summary>No such credential.</summary>
    NotFound,
}
