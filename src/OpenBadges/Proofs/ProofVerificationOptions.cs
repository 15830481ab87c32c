using OpenBadges.JsonLd;
using OpenBadges.Keys;

namespace OpenBadges.Proofs;

/// <summary>What a Data Integrity verification expects. The defaults verify an OB 3.0 credential offline.</summary>
public sealed record ProofVerificationOptions
{
    /// <summary>Resolves verification methods; the default resolves <c>did:key</c> and the <c>controller#z6Mk…</c> form offline.</summary>
    public IKeyResolver? KeyResolver { get; init; }

    /// <summary>The proof purpose every proof must have.</summary>
    public string ExpectedProofPurpose { get; init; } = "assertionMethod";

    /// <summary>When set, each proof's <c>domain</c> must equal it.</summary>
    public string? ExpectedDomain { get; init; }

    /// <summary>When set, each proof's <c>challenge</c> must equal it.</summary>
    public string? ExpectedChallenge { get; init; }

    /// <summary>OB 3.0 rule: the verification method's controller must be the credential's issuer <c>id</c>.</summary>
    public bool RequireControllerToBeIssuer { get; init; } = true;

    /// <summary>The clock for <c>created</c> and <c>expires</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How far in the future a proof's <c>created</c> may be (clocks differ).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>JSON-LD options (loader, safe mode); defaults to safe mode over the embedded contexts.</summary>
    public JsonLdOptions? JsonLd { get; init; }
}
