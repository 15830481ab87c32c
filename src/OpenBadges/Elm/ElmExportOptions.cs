namespace OpenBadges.Elm;

/// <summary>What the exporting institution adds to an OB 3.0 micro-credential that ELM needs and the credential does not carry.</summary>
public sealed class ElmExportOptions
{
    /// <summary>The learner's given and family name (M1). Required unless the credential itself carries them (it never does when the learner is identified by a hash).</summary>
    public ElmLearner? Learner { get; init; }

    /// <summary>The ELM credential's <c>id</c> (an absolute IRI). Default: a new <c>urn:uuid:</c>.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The learning setting (ELM <c>learningSetting</c>); default none is written.</summary>
    public ElmLearningSetting? LearningSetting { get; init; }

    /// <summary>An ISO 639-1 language code for the language maps when the credential has no <c>inLanguage</c>. Default: none (then the export refuses).</summary>
    public string? Language { get; init; }
}
