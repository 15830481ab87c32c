namespace OpenBadges.Issuer.Issuing;

/// <summary>A named link (a learning outcome, a quality-assurance framework).</summary>
public sealed class CourseLink
{
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
}

