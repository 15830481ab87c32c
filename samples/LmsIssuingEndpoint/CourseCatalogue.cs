using OpenBadges.Model;

namespace LmsIssuingEndpoint;

/// <summary>The courses this endpoint can award, from configuration (<c>Courses</c> section), keyed by the LMS course id.</summary>
public sealed class CourseCatalogue
{
    /// <summary>The courses by id (case-insensitive).</summary>
    public Dictionary<string, Course> Courses { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One course: the shared part of every micro-credential awarded for it (the achievement).</summary>
public sealed class Course
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string? AchievementId { get; init; }
    public List<CourseLink> LearningOutcomes { get; init; } = [];
    public string LearningOutcomesSummary { get; init; } = "";
    public decimal? Ects { get; init; }
    public decimal? StudyHours { get; init; }
    public int? EqfLevel { get; init; }
    public AssessmentType AssessmentType { get; init; }
    public ParticipationType ParticipationType { get; init; }
    public List<CourseLink> QualityAssurance { get; init; } = [];
    public string? Language { get; init; }

    /// <summary>The grade scale, when the course awards grades: the request's <c>grade</c> is the learner's value.</summary>
    public CourseGrade? Grade { get; init; }
}

/// <summary>A named link (a learning outcome, a quality-assurance framework).</summary>
public sealed class CourseLink
{
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
}

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

/// <summary>The awarding body (M3, M4) from configuration (<c>OpenBadges:Issuer</c>); its id is the signing key's controller.</summary>
public sealed class IssuerSettings
{
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
    public string Country { get; init; } = "";
    public string? Brin { get; init; }

    /// <summary>Where this service is reachable, e.g. <c>https://credentials.example.nl</c>: the status list URLs start with it.</summary>
    public string PublicBaseUrl { get; init; } = "https://localhost";
}
