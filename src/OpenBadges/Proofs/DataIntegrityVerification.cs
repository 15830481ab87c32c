
using OpenBadges.Checks;

namespace OpenBadges.Proofs;

/// <summary>
/// The result of verifying a document's Data Integrity proofs. Every proof must verify (vc-data-integrity,
/// proof sets): an invalid proof next to a valid one makes the document invalid.
/// </summary>
/// <param name="Proofs">One entry per proof, in document order.</param>
/// <param name="Checks">Document-level checks (a missing or malformed <c>proof</c>).</param>
public sealed record DataIntegrityVerification(IReadOnlyList<ProofVerification> Proofs, IReadOnlyList<VerificationCheck> Checks)
{
    /// <summary>Every check, document-level first, then each proof's.</summary>
    public IEnumerable<VerificationCheck> AllChecks => Checks.Concat(Proofs.SelectMany(p => p.Checks));

    /// <summary>The overall verdict.</summary>
    public Verdict Verdict => VerdictRules.Combine(AllChecks);

    /// <summary>True when the verdict is <see cref="Verdict.Valid"/>.</summary>
    public bool IsValid => Verdict == Verdict.Valid;
}
