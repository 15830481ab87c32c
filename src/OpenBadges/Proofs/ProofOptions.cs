using OpenBadges.JsonLd;

namespace OpenBadges.Proofs;

/// <summary>
/// How a Data Integrity proof is made. Everything has a safe default: <c>created</c> is now (second
/// precision), the purpose is <c>assertionMethod</c>, the verification method is the signer's key id,
/// and JSON-LD runs in safe mode with the embedded contexts only.
/// </summary>
public sealed record ProofOptions
{
    /// <summary>The verification method to name in the proof; defaults to the signer's <c>KeyId</c>.</summary>
    public string? VerificationMethod { get; init; }

    /// <summary>The proof's <c>created</c> time; defaults to now, truncated to whole seconds.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Optional <c>expires</c> time.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The proof purpose; <c>assertionMethod</c> for credentials, <c>authentication</c> for presentations.</summary>
    public string ProofPurpose { get; init; } = "assertionMethod";

    /// <summary>Optional <c>domain</c> (a presentation's intended verifier).</summary>
    public string? Domain { get; init; }

    /// <summary>Optional <c>challenge</c> (a verifier's nonce against replay).</summary>
    public string? Challenge { get; init; }

    /// <summary>Optional <c>nonce</c>.</summary>
    public string? Nonce { get; init; }

    /// <summary>Optional proof <c>id</c>, needed when a later proof chains to this one.</summary>
    public string? Id { get; init; }

    /// <summary>Ids of earlier proofs this proof signs over (a proof chain); empty for an independent proof (a proof set).</summary>
    public IReadOnlyList<string> PreviousProof { get; init; } = [];

    /// <summary>JSON-LD processing options (document loader, safe mode); defaults to safe mode over the embedded contexts.</summary>
    public JsonLdOptions? JsonLd { get; init; }

    /// <summary>The clock used for the default <c>created</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
