namespace OpenBadges.Issuer.Storage;

/// <summary>The answer to a status change request.</summary>
/// <param name="Outcome">Changed, already in that state, refused, or not found.</param>
/// <param name="Credential">The credential after the change (null when not found).</param>
/// <param name="Message">Why a change was refused, in plain words.</param>
public sealed record StatusChangeResult(StatusChangeOutcome Outcome, StoredCredential? Credential, string? Message = null);
