namespace OpenBadges.Model;

/// <summary>M10, form of participation in the learning activity (Annex I), written as SURF edubadges' phrases.</summary>
public enum ParticipationType
{
    /// <summary><c>online</c>.</summary>
    Online = 1,

    /// <summary><c>onsite or blended</c>.</summary>
    OnsiteOrBlended,

    /// <summary><c>volunteering</c>.</summary>
    Volunteering,

    /// <summary><c>work experience</c>.</summary>
    WorkExperience,

    /// <summary><c>personalized learning activities</c>.</summary>
    PersonalizedLearningActivities,
}
