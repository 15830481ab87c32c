namespace OpenBadges.Issuer.Storage;

/// <summary>A status list as the database knows it: what to sign.</summary>
/// <param name="ListId">The id.</param>
/// <param name="Purpose"><c>revocation</c> or <c>suspension</c>.</param>
/// <param name="Length">Entries in the list.</param>
/// <param name="Version">Moves on with every bit change; a signed copy of an older version is re-signed.</param>
/// <param name="SetIndexes">The indexes whose bit is set.</param>
public sealed record StatusListState(long ListId, string Purpose, int Length, long Version, IReadOnlyList<int> SetIndexes);
