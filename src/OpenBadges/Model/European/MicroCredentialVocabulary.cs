using System.Collections.Frozen;

namespace OpenBadges.Model;

/// <summary>
/// The JSON values of the European micro-credential enumerations (SURF edubadges' phrases, lower case) and the
/// conversions both ways. Parsing ignores case so hand-written specs may say <c>"Testing"</c>.
/// </summary>
public static class MicroCredentialVocabulary
{
    private static readonly FrozenDictionary<AssessmentType, string> Assessment = new Dictionary<AssessmentType, string>
    {
        [AssessmentType.Testing] = "testing",
        [AssessmentType.ApplicationOfASkill] = "application of a skill",
        [AssessmentType.Portfolio] = "portfolio",
        [AssessmentType.RecognitionOfPriorLearning] = "recognition of prior learning",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ParticipationType, string> Participation = new Dictionary<ParticipationType, string>
    {
        [ParticipationType.Online] = "online",
        [ParticipationType.OnsiteOrBlended] = "onsite or blended",
        [ParticipationType.Volunteering] = "volunteering",
        [ParticipationType.WorkExperience] = "work experience",
        [ParticipationType.PersonalizedLearningActivities] = "personalized learning activities",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<SupervisionType, string> Supervision = new Dictionary<SupervisionType, string>
    {
        [SupervisionType.UnsupervisedWithNoIdentityVerification] = "unsupervised with no identity verification",
        [SupervisionType.SupervisedWithNoIdentityVerification] = "supervised with no identity verification",
        [SupervisionType.SupervisedOnline] = "supervised online",
        [SupervisionType.OnsiteWithIdentityVerification] = "onsite with identity verification",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Stackability, string> Stacking = new Dictionary<Stackability, string>
    {
        [Stackability.Standalone] = "standalone",
        [Stackability.Stackable] = "stackable",
    }.ToFrozenDictionary();

    /// <summary>Every M9 JSON value.</summary>
    public static IReadOnlyCollection<string> AssessmentTypeValues => Assessment.Values;

    /// <summary>Every M10 JSON value.</summary>
    public static IReadOnlyCollection<string> ParticipationTypeValues => Participation.Values;

    /// <summary>Every O2 JSON value.</summary>
    public static IReadOnlyCollection<string> SupervisionTypeValues => Supervision.Values;

    /// <summary>Every O4 JSON value.</summary>
    public static IReadOnlyCollection<string> StackabilityValues => Stacking.Values;

    /// <summary>The JSON value of <paramref name="value"/>, or null for an undefined enum value.</summary>
    public static string? ToJsonValue(AssessmentType value) => Assessment.GetValueOrDefault(value);

    /// <summary>The JSON value of <paramref name="value"/>, or null for an undefined enum value.</summary>
    public static string? ToJsonValue(ParticipationType value) => Participation.GetValueOrDefault(value);

    /// <summary>The JSON value of <paramref name="value"/>, or null for an undefined enum value.</summary>
    public static string? ToJsonValue(SupervisionType value) => Supervision.GetValueOrDefault(value);

    /// <summary>The JSON value of <paramref name="value"/>, or null for an undefined enum value.</summary>
    public static string? ToJsonValue(Stackability value) => Stacking.GetValueOrDefault(value);

    /// <summary>Parses an M9 JSON value (case-insensitive).</summary>
    public static bool TryParse(string? text, out AssessmentType value) => TryFind(Assessment, text, out value);

    /// <summary>Parses an M10 JSON value (case-insensitive).</summary>
    public static bool TryParse(string? text, out ParticipationType value) => TryFind(Participation, text, out value);

    /// <summary>Parses an O2 JSON value (case-insensitive).</summary>
    public static bool TryParse(string? text, out SupervisionType value) => TryFind(Supervision, text, out value);

    /// <summary>Parses an O4 JSON value (case-insensitive).</summary>
    public static bool TryParse(string? text, out Stackability value) => TryFind(Stacking, text, out value);

    /// <summary>Whether the supervision type includes an identity check, i.e. the value <c>identityChecked</c> must have.</summary>
    public static bool ChecksIdentity(SupervisionType value) =>
        value is SupervisionType.SupervisedOnline or SupervisionType.OnsiteWithIdentityVerification;

    private static bool TryFind<TEnum>(FrozenDictionary<TEnum, string> values, string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var (key, name) in values)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
