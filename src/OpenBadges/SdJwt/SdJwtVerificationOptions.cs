using System.Security.Cryptography.X509Certificates;
using OpenBadges.Keys;

namespace OpenBadges.SdJwt;

/// <summary>
/// How <see cref="SdJwtVerifier"/> finds keys and status, and what it expects of a key-bound presentation. The defaults
/// are offline: did:jwk and did:key resolve; nothing is fetched unless <see cref="Fetcher"/> is set.
/// </summary>
public sealed record SdJwtVerificationOptions
{
    /// <summary>The defaults.</summary>
    public static SdJwtVerificationOptions Default { get; } = new();

    /// <summary>Resolves a DID <c>kid</c> other than did:jwk and P-256 did:key (decoded here): did:key Ed25519 by default; add <see cref="DidWebResolver"/> for did:web.</summary>
    public IKeyResolver KeyResolver { get; init; } = new DidKeyResolver();

    /// <summary>
    /// Fetches the text at an HTTPS URL: JWT VC Issuer Metadata (<c>/.well-known/jwt-vc-issuer</c>), its <c>jwks_uri</c>, and
    /// status list tokens. Null (the default) fetches nothing: such checks are CouldNotCheck. May throw (reported, not propagated).
    /// </summary>
    public Func<Uri, CancellationToken, Task<string>>? Fetcher { get; init; }

    /// <summary>Status list tokens held offline, by the URI a credential's <c>status.status_list.uri</c> names; consulted before <see cref="Fetcher"/>.</summary>
    public IReadOnlyDictionary<string, string>? StatusListTokens { get; init; }

    /// <summary>Check the Token Status List when the payload has a <c>status</c> claim. Default true.</summary>
    public bool CheckStatus { get; init; } = true;

    /// <summary>Trust anchors for an <c>x5c</c> header chain. Without them an x5c key verifies the signature but its tie to the issuer is CouldNotCheck.</summary>
    public IReadOnlyList<X509Certificate2>? TrustedCertificates { get; init; }

    /// <summary>The audience the KB-JWT's <c>aud</c> must be; null: <c>aud</c> is not checked (and the report says so).</summary>
    public string? ExpectedAudience { get; init; }

    /// <summary>The nonce the KB-JWT's <c>nonce</c> must be; null: <c>nonce</c> is not checked (and the report says so).</summary>
    public string? ExpectedNonce { get; init; }

    /// <summary>Require a KB-JWT: true always, false never (one present is still checked), null (default) when the payload has <c>cnf</c>.</summary>
    public bool? RequireKeyBinding { get; init; }

    /// <summary>How old a KB-JWT's <c>iat</c> may be. Default 5 minutes.</summary>
    public TimeSpan KeyBindingMaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Tolerated clock difference. Default 5 minutes.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest accepted input (SD-JWT, fetched documents), in characters. Default 1 MiB.</summary>
    public int MaxLength { get; init; } = 1024 * 1024;

    /// <summary>Most Disclosures accepted. Default 4096.</summary>
    public int MaxDisclosures { get; init; } = 4096;

    /// <summary>Deepest accepted JSON nesting. Default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Largest decompressed status list, in bytes. Default 16 MiB.</summary>
    public int MaxStatusListBytes { get; init; } = 16 * 1024 * 1024;
}
