using OpenBadges.JsonLd;
using OpenBadges.Json;
using OpenBadges.Keys;

namespace OpenBadges.Verification;

/// <summary>
/// What a <see cref="CredentialVerifier"/> trusts, fetches and tolerates. The defaults verify offline: keys only from
/// <c>did:key</c>, contexts only from the embedded set, nothing fetched (status lists and refresh services are then
/// reported as not checked), with the input limits of <see cref="JsonLimits.Default"/>.
/// </summary>
public sealed record CredentialVerifierOptions
{
    /// <summary>The defaults.</summary>
    public static CredentialVerifierOptions Default { get; } = new();

    /// <summary>Resolves verification methods (and VC-JWT <c>kid</c>s); default <see cref="KeyResolvers.Offline"/> (did:key only).</summary>
    public IKeyResolver KeyResolver { get; init; } = KeyResolvers.Offline;

    /// <summary>Loads JSON-LD contexts; default the embedded contexts only, never the network.</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary>
    /// Fetches the text at a URL: status list credentials, revocation lists, refreshed credentials, credential schemas,
    /// and VC-JWT key sets. Null (the default) means offline: credential status is then CouldNotCheck and refresh NotApplicable,
    /// each saying so. It may throw on failure; that is reported, never propagated. See <see cref="DocumentFetchers.Http"/>.
    /// </summary>
    public Func<Uri, CancellationToken, Task<string>>? Fetcher { get; init; }

    /// <summary>The clock for validity windows, proof times and status list validity.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Tolerated clock difference for every time comparison. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When set, the recipient check requires the credential subject to be this identity: its <c>id</c>, or one of its
    /// <c>identifier</c> IdentityObjects (plain or <c>sha256$</c>-hashed with salt). Null: the check is NotApplicable.
    /// </summary>
    public string? ExpectedRecipient { get; init; }

    /// <summary>
    /// SD-JWT inputs: the audience a KB-JWT's <c>aud</c> must name. Null (the default): <c>aud</c> is not compared, and the
    /// <c>sdjwt.kb.aud</c> check is NotApplicable saying so; the KB-JWT's signature and <c>sd_hash</c> are checked either way.
    /// </summary>
    public string? KeyBindingAudience { get; init; }

    /// <summary>
    /// SD-JWT inputs: the nonce a KB-JWT's <c>nonce</c> must be. Null (the default): <c>nonce</c> is not compared, and the
    /// <c>sdjwt.kb.nonce</c> check is NotApplicable saying so (a replayed presentation is then not detected).
    /// </summary>
    public string? KeyBindingNonce { get; init; }

    /// <summary>Input size and JSON depth limits (defaults: 1 MiB, depth 64); also applied to fetched documents.</summary>
    public JsonLimits JsonLimits { get; init; } = JsonLimits.Default;

    /// <summary>How deep endorsements of endorsements are verified (default 3); deeper ones are reported as not checked.</summary>
    public int MaxEndorsementDepth { get; init; } = 3;

    /// <summary>Most endorsements verified per credential (default 32); more are reported as not checked.</summary>
    public int MaxEndorsements { get; init; } = 32;

    /// <summary>
    /// Most distinct URLs fetched while verifying one credential (status lists, schemas, refresh; default 16), so a
    /// credential listing thousands of status entries cannot turn the verifier into a request generator. The checks
    /// that needed the rest are CouldNotCheck.
    /// </summary>
    public int MaxFetches { get; init; } = 16;

    /// <summary>
    /// When set, the issuers (DIDs or URLs, exact match) whose credentials are accepted: any other issuer fails the
    /// <see cref="CheckNames.TrustedIssuer"/> check (and the verdict is Invalid for this verifier). Null (the default):
    /// no issuer policy, and the check is not reported.
    /// </summary>
    public IReadOnlySet<string>? TrustedIssuers { get; init; }

    /// <summary>
    /// When true, every <see cref="Checks.CheckStatus.Warning"/> (a data-model MUST that neither the official schema nor the
    /// verification algorithm checks) makes the verdict Invalid: for certification, and for CI of one's own credentials.
    /// Default false: warnings are listed and the verdict stays Valid, as other wallets and verifiers answer.
    /// </summary>
    public bool Strict { get; init; }
}
