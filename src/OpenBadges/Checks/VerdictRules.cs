namespace OpenBadges.Checks;

/// <summary>
/// How a list of checks adds up to a verdict: any failure is invalid; otherwise any undecided check is indeterminate;
/// warnings leave it valid — unless strict, where a warning counts as a failure.
/// </summary>
public static class VerdictRules
{
    /// <summary>The verdict of <paramref name="checks"/>, warnings tolerated.</summary>
    public static Verdict Combine(IEnumerable<VerificationCheck> checks) => Combine(checks, strict: false);

    /// <summary>The verdict of <paramref name="checks"/>; with <paramref name="strict"/> every warning is a failure.</summary>
    public static Verdict Combine(IEnumerable<VerificationCheck> checks, bool strict)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var verdict = Verdict.Valid;
        foreach (var check in checks)
        {
            if (check.Status == CheckStatus.Failed || (strict && check.Status == CheckStatus.Warning))
            {
                return Verdict.Invalid;
            }

            if (check.Status == CheckStatus.CouldNotCheck)
            {
                verdict = Verdict.Indeterminate;
            }
        }

        return verdict;
    }
}
