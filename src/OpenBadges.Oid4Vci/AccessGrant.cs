namespace OpenBadges.Oid4Vci;

/// <summary>What an access token entitles its bearer to: collecting one award, until <paramref name="Expires"/>.</summary>
public sealed record AccessGrant(string AwardId, DateTimeOffset Expires);
