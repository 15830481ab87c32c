namespace OpenBadges.Checks;

/// <summary>The outcome of one named verification check.</summary>
public enum CheckStatus
{
    /// <summary>Checked, and it holds.</summary>
    Passed,
    /// <summary>Checked, and it does not hold: the credential is forged, tampered with, expired, revoked or against the official schema.</summary>
    Failed,
    /// <summary>Could not be decided (a key that cannot be resolved, a context that cannot be loaded, a status list out of reach, a proof suite not implemented).</summary>
    CouldNotCheck,
    /// <summary>
    /// Not run: it does not apply to this document (no <c>credentialStatus</c>, not an Open Badge), or a check it depends on did
    /// not pass (that check carries the finding).
    /// </summary>
    NotApplicable,
    /// <summary>
    /// Checked, and a MUST of the data model that neither the official schema nor the verification algorithm checks does not hold
    /// (the message names the spec section). The verdict stays valid unless the verifier is strict.
    /// </summary>
    Warning,
}
