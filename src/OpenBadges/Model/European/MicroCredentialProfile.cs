namespace OpenBadges.Model;

/// <summary>
/// A set of extra rules on top of the European base rules (DESIGN.md §3), chosen per education sector.
/// Instances are in <see cref="Profiles"/>; they are immutable and shared.
/// </summary>
public sealed class MicroCredentialProfile
{
    private readonly Action<decimal?, decimal?, ICollection<MicroCredentialProblem>> _workloadRule;

    internal MicroCredentialProfile(string name, string summary, Action<decimal?, decimal?, ICollection<MicroCredentialProblem>> workloadRule)
    {
        Name = name;
        Summary = summary;
        _workloadRule = workloadRule;
    }

    /// <summary>The profile's name as used in spec files, e.g. <c>DutchHigherEducation</c>.</summary>
    public string Name { get; }

    /// <summary>What the profile adds, in plain words.</summary>
    public string Summary { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Adds the problems of the workload element (M7) under this profile's rules.</summary>
    internal void CheckWorkload(decimal? ects, decimal? studyHours, ICollection<MicroCredentialProblem> problems) =>
        _workloadRule(ects, studyHours, problems);
}
