using OpenBadges.Model;

namespace OpenBadges.Issuer.Issuing;

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

