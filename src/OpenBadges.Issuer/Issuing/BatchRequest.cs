namespace OpenBadges.Issuer.Issuing;

/// <summary>A batch of completions; each item may carry its own idempotency key (else the header's key + <c>:</c> + its position).</summary>
public sealed record BatchRequest(IReadOnlyList<IssueRequest>? Items);
