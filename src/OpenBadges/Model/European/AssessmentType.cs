namespace OpenBadges.Model;

/// <summary>
/// M9, type of assessment (EU Council Recommendation 2022, Annex I). Written as the lower-case phrase SURF edubadges
/// uses (see <see cref="MicroCredentialVocabulary"/>), e.g. <c>"application of a skill"</c>.
/// </summary>
public enum AssessmentType
{
    /// <summary><c>testing</c>.</summary>
    Testing = 1,

    /// <summary><c>application of a skill</c>.</summary>
    ApplicationOfASkill,

    /// <summary><c>portfolio</c>.</summary>
    Portfolio,

    /// <summary><c>recognition of prior learning</c>.</summary>
    RecognitionOfPriorLearning,
}
