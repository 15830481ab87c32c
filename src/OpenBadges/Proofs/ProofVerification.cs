
using OpenBadges.Checks;

namespace OpenBadges.Proofs;

/// <summary>The checks of one proof.</summary>
/// <param name="JsonPath">Where the proof is, e.g. <c>$.proof[1]</c>.</param>
/// <param name="Suite">The suite the proof names, if known.</param>
/// <param name="VerificationMethod">The verification method the proof names, if any.</param>
/// <param name="Checks">Every check run on it, in order.</param>
public sealed record ProofVerification(string JsonPath, string? Suite, string? VerificationMethod, IReadOnlyList<VerificationCheck> Checks)
{
    /// <summary>The proof's verdict.</summary>
    public Verdict Verdict => VerdictRules.Combine(Checks);
}
