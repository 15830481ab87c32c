namespace OpenBadges.Oid4Vci;

/// <summary>The outcome of checking one <c>jwt</c> key proof: the holder's DID, or the spec's error code and why.</summary>
public sealed record KeyProofResult(string? HolderDid, string? Error, string? ErrorDescription)
{
    /// <summary>True when the proof is valid and its nonce was consumed.</summary>
    public bool IsValid => HolderDid is not null;

    internal static KeyProofResult Invalid(string description) => new(null, Oid4VciErrors.InvalidProof, description);

    internal static KeyProofResult BadNonce(string description) => new(null, Oid4VciErrors.InvalidNonce, description);
}
