namespace OpenBadges.Issuer.Issuing;

/// <summary>How grades of a course are described.</summary>
public sealed class CourseGrade
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "Final grade";
    public string ResultType { get; init; } = "ext:DutchGrade";
    public string? RequiredValue { get; init; }
    public string? ValueMin { get; init; }
    public string? ValueMax { get; init; }
}

