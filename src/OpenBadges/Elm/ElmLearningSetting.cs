namespace OpenBadges.Elm;

/// <summary>The ELM learning setting (formal or non-formal learning). An OB 3.0 micro-credential does not say which; the exporting institution does.</summary>
public enum ElmLearningSetting
{
    /// <summary>Formal learning (<see cref="ElmVocabularies.LearningSettingFormal"/>).</summary>
    Formal = 1,

    /// <summary>Non-formal learning (<see cref="ElmVocabularies.LearningSettingNonFormal"/>).</summary>
    NonFormal,
}
