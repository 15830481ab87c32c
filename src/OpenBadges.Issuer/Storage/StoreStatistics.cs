namespace OpenBadges.Issuer.Storage;

/// <summary>How much is stored.</summary>
public sealed record StoreStatistics(long Credentials, long StatusLists, long AuditEntries);
