namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>What the institution can see of an exchange.</summary>
/// <param name="ExchangeId">The exchange's id.</param>
/// <param name="AwardId">The award it delivers.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Expires">When it stops answering.</param>
/// <param name="HolderDid">The DID the credential was bound to, once <see cref="VcApiExchangeState.Complete"/>.</param>
public sealed record VcApiExchangeStatus(string ExchangeId, string AwardId, VcApiExchangeState State, DateTimeOffset Expires, string? HolderDid);
