namespace OpenBadges.Issuer.Storage;

/// <summary>A signed status list credential as published, for one version of the list.</summary>
public sealed record SignedStatusList(long ListId, long Version, string Json, string ETag, DateTimeOffset SignedAt);
