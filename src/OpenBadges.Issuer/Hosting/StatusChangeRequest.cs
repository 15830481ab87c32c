namespace OpenBadges.Issuer.Hosting;

/// <summary>The body of revoke / suspend / reinstate: why (kept in the audit log, never logged).</summary>
public sealed record StatusChangeRequest(string? Reason);
