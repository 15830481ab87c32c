using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// How <see cref="VcJwtVerifier"/> finds keys and judges time. The defaults are safe and offline: only did:key and
/// did:jwk key ids and <c>jwk</c> headers resolve; nothing is fetched unless a resolver or fetcher is injected.
/// </summary>
public sealed record VcJwtVerificationOptions
{
    /// <summary>The defaults.</summary>
    public static VcJwtVerificationOptions Default { get; } = new();

    /// <summary>
    /// Resolves <c>kid</c> values other than did:jwk (which is decoded offline): did:key by default; pass a
    /// <see cref="CompositeKeyResolver"/> with <see cref="DidWebResolver"/> / <see cref="ControllerDocumentResolver"/> for
    /// did:web and HTTPS controller documents. Verification methods with an EC or RSA <c>publicKeyJwk</c> (which the
    /// Ed25519 resolvers report as an unsupported key type) are read here.
    /// </summary>
    public IKeyResolver KeyResolver { get; init; } = new DidKeyResolver();

    /// <summary>
    /// Fetches the text at an HTTPS URL, for a <c>kid</c> that is the URL of a JWK or JWK Set (the fragment, if any,
    /// selects the key in the set by its <c>kid</c>). When set, HTTPS key ids go here and not to <see cref="KeyResolver"/>.
    /// May throw on failure (reported as CouldNotCheck, not propagated).
    /// </summary>
    public Func<Uri, CancellationToken, Task<string>>? JwkFetcher { get; init; }

    /// <summary>
    /// Accept a key carried in the header's <c>jwk</c> (OB 3.0 allows it). Default true. When false, a <c>jwk</c> is ignored
    /// beside a <c>kid</c>, and a token with only a <c>jwk</c> fails.
    /// </summary>
    public bool AllowJwkHeader { get; init; } = true;

    /// <summary>
    /// Treat a <c>jwk</c> header key as the issuer's without proof. Default false: unless the issuer id is a did:jwk or
    /// did:key naming the same key, nothing binds such a key to the issuer, and the controller check is CouldNotCheck.
    /// </summary>
    public bool TrustJwkHeader { get; init; }

    /// <summary>The clock for the <c>nbf</c>/<c>exp</c> window.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Tolerated clock difference for <c>nbf</c> and <c>exp</c>. Default 5 minutes; must not be negative.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest accepted token, in characters. Default 1 MiB.</summary>
    public int MaxTokenLength { get; init; } = 1024 * 1024;

    /// <summary>Longest accepted JWK or JWK Set fetched through <see cref="JwkFetcher"/>, in characters. Default 64 KiB.</summary>
    public int MaxKeyDocumentLength { get; init; } = 64 * 1024;

    /// <summary>Deepest accepted JSON nesting in header, payload and fetched keys. Default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;
}
