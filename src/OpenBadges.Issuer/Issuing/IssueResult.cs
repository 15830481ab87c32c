using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Issuing;

/// <summary>The answer to one issue request: the credential (created or already issued), or the errors keyed by request field.</summary>
public sealed record IssueResult(IssueOutcome Outcome, StoredCredential? Credential, IReadOnlyDictionary<string, string[]>? Errors = null, string? Title = null);
