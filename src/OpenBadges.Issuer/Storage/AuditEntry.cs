namespace OpenBadges.Issuer.Storage;

/// <summary>One status change: who, when, what, why.</summary>
public sealed record AuditEntry(long Id, string CredentialId, string Action, string Actor, string? Reason, DateTimeOffset At);
