namespace OpenBadges.Issuer.Storage;

/// <summary>A status list entry handed to one new credential: the list and the index within it.</summary>
/// <param name="ListId">The list's id (its URL ends with it).</param>
/// <param name="Purpose"><c>revocation</c> or <c>suspension</c>.</param>
/// <param name="Index">The status list index (a keyed permutation of the list's counter, so indexes do not reveal issuing order).</param>
public sealed record StatusSlot(long ListId, string Purpose, int Index);
