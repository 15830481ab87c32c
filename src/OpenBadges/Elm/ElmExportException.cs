using OpenBadges.Model;

namespace OpenBadges.Elm;

/// <summary>The credential cannot be exported to ELM without guessing. Lists every problem, each naming the Annex I element.</summary>
public sealed class ElmExportException : Exception
{
    /// <summary>Makes the exception; the message lists every problem.</summary>
    public ElmExportException(IReadOnlyList<MicroCredentialProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem, in element order.</summary>
    public IReadOnlyList<MicroCredentialProblem> Problems { get; }

    private static string Describe(IReadOnlyList<MicroCredentialProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return $"The credential cannot be exported to ELM ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
            + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(problem => "  " + problem));
    }
}
