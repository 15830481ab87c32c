namespace OpenBadges.Issuer.Issuing;

/// <summary>The courses this endpoint can award, from configuration (<c>Courses</c> section), keyed by the LMS course id.</summary>
public sealed class CourseCatalogue
{
    /// <summary>The courses by id (case-insensitive).</summary>
    public Dictionary<string, Course> Courses { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

