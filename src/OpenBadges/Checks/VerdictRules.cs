namespace OpenBadges.Checks;

/// <summary>How a list of checks adds up to a verdict: any failure is invalid; otherwise any undecided check is indeterminate.</summary>
public static class VerdictRules
{
    /// <summary>The verdict of <paramref name="checks"/>.</summary>
    public static Verdict Combine(IEnumerable<VerificationCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var verdict = Verdict.Valid;
        foreach (var check in checks)
        {
            if (check.Status == CheckStatus.Failed)
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
