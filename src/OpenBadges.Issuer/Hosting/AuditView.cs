namespace OpenBadges.Issuer.Hosting;

/// <summary>One audit entry as the API shows it.</summary>
public sealed record AuditView(string Action, string Actor, string? Reason, DateTimeOffset At);
