using OpenBadges.Keys;
using OpenBadges.Verification;

namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>How the VC-API (VCALM) exchanges run. Immutable once the exchanger is built.</summary>
public sealed class VcApiExchangeOptions
{
    /// <summary>
    /// Where the exchanges are served: an https origin without path, query or fragment (http only on loopback, for
    /// tests). Exchange URLs are <c>{origin}/exchanges/{id}</c>; the origin is also the <c>domain</c> the holder signs.
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>
    /// Signs the credentials (eddsa-rdfc-2022) and the presentation that carries them back. Its key id before <c>#</c>
    /// is the awards' issuer and the returned presentation's holder.
    /// </summary>
    public required ISigner Signer { get; init; }

    /// <summary>How long an exchange can be used after it is created (single use either way).</summary>
    public TimeSpan ExchangeLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Refused presentations an exchange takes before it becomes <see cref="VcApiExchangeState.Invalid"/>.</summary>
    public int MaxFailedAttempts { get; init; } = 3;

    /// <summary>The DID methods a holder may authenticate with (<c>acceptedMethods</c> of the DIDAuthentication query).</summary>
    public IReadOnlyList<string> AcceptedDidMethods { get; init; } = ["key"];

    /// <summary>The largest request body read, in bytes; a larger one is refused with 413.</summary>
    public int MaxRequestBytes { get; init; } = 64 * 1024;

    /// <summary>How the holder's presentation is verified (the key resolver decides which DIDs resolve; default did:key, offline).</summary>
    public CredentialVerifierOptions VerifierOptions { get; init; } = CredentialVerifierOptions.Default;

    /// <summary>The clock (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The origin as written in URLs and in <c>domain</c>: no trailing slash.</summary>
    public string Origin => BaseUrl.GetLeftPart(UriPartial.Authority);
}
