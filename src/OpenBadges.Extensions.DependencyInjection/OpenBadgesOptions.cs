using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Verification;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddOpenBadges</c> registers, bound from a configuration section (by default <c>OpenBadges</c>) and/or set in
/// code. The settable-in-configuration members are plain values; the services (a KMS signer, a fetcher, a loader) are
/// code-only.
/// </summary>
public sealed class OpenBadgesOptions
{
    /// <summary>The configuration section <c>AddOpenBadges(configuration)</c> reads when given the whole configuration.</summary>
    public const string SectionName = "OpenBadges";

    /// <summary>
    /// Path of an Ed25519 key file (<c>openbadges keygen</c>) to sign with; its secret is read once, held in the key
    /// (never exported) and never logged. Ignored when <see cref="Signer"/> is set.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The Data Integrity cryptosuite to issue with (default <c>eddsa-rdfc-2022</c>).</summary>
    public string Cryptosuite { get; set; } = "eddsa-rdfc-2022";

    /// <summary>A signer that holds no secret here, e.g. a KMS or HSM key behind <see cref="ISigner"/>. Code-only.</summary>
    public ISigner? Signer { get; set; }

    /// <summary>
    /// Whether the verifier may use the network: status lists, JWKS and did:web documents are then fetched with an
    /// <see cref="HttpClient"/> (bounded by <see cref="MaxFetchBytes"/> and <see cref="FetchTimeout"/>). Off by default.
    /// Ignored for fetching when <see cref="Fetcher"/> is set.
    /// </summary>
    public bool AllowNetwork { get; set; }

    /// <summary>The most bytes one fetched document may have.</summary>
    public int MaxFetchBytes { get; set; } = DocumentFetchers.DefaultMaxBytes;

    /// <summary>How long one fetch may take.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A fetcher of your own for status lists and JWKS (e.g. with a cache). Code-only.</summary>
    public Func<Uri, CancellationToken, Task<string>>? Fetcher { get; set; }

    /// <summary>The JSON-LD document loader (default: the embedded, pinned contexts only). Code-only.</summary>
    public IDocumentLoader? DocumentLoader { get; set; }

    /// <summary>The key resolver (default: did:key offline; with <see cref="AllowNetwork"/> also did:web). Code-only.</summary>
    public IKeyResolver? KeyResolver { get; set; }

    /// <summary>Clock skew tolerated on validity dates.</summary>
    public TimeSpan ClockSkew { get; set; } = CredentialVerifierOptions.Default.ClockSkew;

    /// <summary>The largest credential (characters) the verifier reads.</summary>
    public int MaxInputLength { get; set; } = CredentialVerifierOptions.Default.JsonLimits.MaxInputLength;

    /// <summary>The deepest JSON nesting the verifier reads.</summary>
    public int MaxDepth { get; set; } = CredentialVerifierOptions.Default.JsonLimits.MaxDepth;

    /// <summary>The most documents one verification may fetch.</summary>
    public int MaxFetches { get; set; } = CredentialVerifierOptions.Default.MaxFetches;

    /// <summary>The most endorsements verified per credential.</summary>
    public int MaxEndorsements { get; set; } = CredentialVerifierOptions.Default.MaxEndorsements;

    /// <summary>How deep endorsements of endorsements are followed.</summary>
    public int MaxEndorsementDepth { get; set; } = CredentialVerifierOptions.Default.MaxEndorsementDepth;
}
