namespace OpenBadges.Model;

/// <summary>
/// A micro-credential (or its spec) is incomplete or invalid. Lists every problem found, not just the first,
/// so one run tells the issuer everything to fix.
/// </summary>
public sealed class MicroCredentialValidationException : Exception
{
    /// <summary>Makes the exception; the message lists every problem.</summary>
    public MicroCredentialValidationException(IReadOnlyList<MicroCredentialProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem, in element order.</summary>
    public IReadOnlyList<MicroCredentialProblem> Problems { get; }

    private static string Describe(IReadOnlyList<MicroCredentialProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(problem => "  " + problem);
        return $"The micro-credential is incomplete or invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
            + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
