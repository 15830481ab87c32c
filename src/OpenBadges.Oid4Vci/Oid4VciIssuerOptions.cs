using OpenBadges.Keys;

namespace OpenBadges.Oid4Vci;

/// <summary>How the OpenID4VCI issuer runs. Immutable once the endpoints are mapped.</summary>
public sealed class Oid4VciIssuerOptions
{
    /// <summary>
    /// The Credential Issuer Identifier (§12.2.1): an https URL without query or fragment (http only on loopback, for
    /// tests). It is the <c>aud</c> every key proof must carry. Issuers with a path component are not supported here.
    /// </summary>
    public required Uri CredentialIssuer { get; init; }

    /// <summary>Signs the credentials (Ed25519: eddsa-rdfc-2022 for <c>ldp_vc</c>, EdDSA for <c>jwt_vc_json</c>).</summary>
    public required ISigner Signer { get; init; }

    /// <summary>
    /// A P-256 key (ES256), optional: with it the issuer also offers <c>jwt_vc_json</c> signed ES256 and <c>ldp_vc</c>
    /// with an ecdsa-sd-2023 base proof.
    /// </summary>
    public ISigner? P256Signer { get; init; }

    /// <summary>
    /// External OAuth authorization servers (§12.2.4 <c>authorization_servers</c>), e.g. an OpenIddict server for the
    /// authorization code flow; its tokens reach the credential endpoint through an <see cref="IAccessTokenValidator"/>.
    /// Empty: this issuer is its own authorization server (pre-authorized code only).
    /// </summary>
    public IReadOnlyList<Uri> AuthorizationServers { get; init; } = [];

    /// <summary>Shown to wallets in the metadata <c>display</c>.</summary>
    public string DisplayName { get; init; } = "Open Badge";

    /// <summary>How long a <c>c_nonce</c> from the nonce endpoint stays usable (single use either way).</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Unexpired nonces held at most; beyond it the nonce endpoint answers 503 (it is unauthenticated).</summary>
    public int MaxOutstandingNonces { get; init; } = 100_000;

    /// <summary>A key proof whose <c>iat</c> is older than this is refused (the nonce bounds it too).</summary>
    public TimeSpan ProofMaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock skew tolerated for an <c>iat</c> in the future.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a pre-authorized code can be exchanged (single use either way).</summary>
    public TimeSpan PreAuthorizedCodeLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an access token from the token endpoint is valid.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong <c>tx_code</c> attempts allowed before the pre-authorized code is burnt.</summary>
    public int MaxTxCodeAttempts { get; init; } = 5;

    /// <summary>The clock (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The issuer identifier as written in metadata and compared with <c>aud</c>: no trailing slash.</summary>
    public string IssuerIdentifier => CredentialIssuer.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
