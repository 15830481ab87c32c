using Newtonsoft.Json.Linq;

namespace OpenBadges.Model;

/// <summary>
/// The European micro-credential elements (EU Council Recommendation 2022, Annex I: M1…M11, O1…O5) read back from an
/// Open Badges 3.0 credential's JSON, each with the path it came from (DESIGN.md §3 says where each element lives).
/// </summary>
/// <remarks>
/// Reading is tolerant: credentials from other issuers may lack elements or carry them in unexpected shapes; an
/// element that is absent or not of the expected JSON type is reported as missing (null or empty), never as an
/// exception. Besides this package's extension it reads SURF eduCredentials' Dutch terms <c>ECTS</c>, <c>SBU</c> and
/// <c>timeInvestment</c> (hours) for M7. The view copies nothing: it holds the values, not the JSON.
/// </remarks>
public sealed partial class MicroCredentialView
{
    /// <summary>The mandatory element codes, in order.</summary>
    public static IReadOnlyList<string> MandatoryCodes { get; } = ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11"];

    private MicroCredentialView()
    {
    }

    /// <summary><c>id</c> of the credential.</summary>
    public Sourced<string>? Id { get; private init; }

    /// <summary>The credential <c>name</c>.</summary>
    public Sourced<string>? CredentialName { get; private init; }

    /// <summary>The achievement's <c>type</c> includes <c>EuropeanMicroCredential</c>.</summary>
    public bool IsEuropeanMicroCredential { get; private init; }

    /// <summary>The credential's <c>type</c> includes <c>OpenBadgeCredential</c> or <c>AchievementCredential</c>.</summary>
    public bool IsOpenBadgeCredential { get; private init; }

    /// <summary>The (first) credential subject has an <c>achievement</c> object.</summary>
    public bool HasAchievement { get; private init; }

    /// <summary>M1: <c>credentialSubject.id</c> (a DID or URL).</summary>
    public Sourced<string>? LearnerId { get; private init; }

    /// <summary>M1: <c>credentialSubject.identifier[]</c>.</summary>
    public IReadOnlyList<Sourced<LearnerIdentifierView>> LearnerIdentifiers { get; private init; } = [];

    /// <summary>M2: <c>credentialSubject.achievement.name</c>.</summary>
    public Sourced<string>? Title { get; private init; }

    /// <summary>M3: <c>issuer.address.addressCountryCode</c> as written (ISO 3166-1 alpha-2 when well formed).</summary>
    public Sourced<string>? CountryCode { get; private init; }

    /// <summary><c>issuer.address.addressCountry</c>.</summary>
    public Sourced<string>? CountryName { get; private init; }

    /// <summary><c>issuer.address.addressLocality</c>.</summary>
    public Sourced<string>? Locality { get; private init; }

    /// <summary>M4: the issuer.</summary>
    public Sourced<AwardingBodyView>? AwardingBody { get; private init; }

    /// <summary>M5: <c>validFrom</c>, or a VC 1.1 credential's <c>issuanceDate</c>, as written.</summary>
    public Sourced<string>? IssuedOn { get; private init; }

    /// <summary>The credential's <c>awardedDate</c> (OB 3.0), as written.</summary>
    public Sourced<string>? AwardedDate { get; private init; }

    /// <summary><c>validUntil</c> (or <c>expirationDate</c>), as written.</summary>
    public Sourced<string>? ValidUntil { get; private init; }

    /// <summary>M6: alignments with <c>targetType</c> <c>ext:LearningOutcome</c>.</summary>
    public IReadOnlyList<Sourced<AlignmentView>> LearningOutcomes { get; private init; } = [];

    /// <summary>M6: the summary in <c>achievement.criteria.narrative</c>.</summary>
    public Sourced<string>? LearningOutcomesSummary { get; private init; }

    /// <summary>M7: <c>achievement.ECTS</c> (European credits).</summary>
    public Sourced<decimal>? Ects { get; private init; }

    /// <summary>M7: <c>achievement.SBU</c> (Dutch vocational study hours).</summary>
    public Sourced<decimal>? Sbu { get; private init; }

    /// <summary>M7: <c>achievement.timeInvestment</c> (SURF eduCredentials: hours).</summary>
    public Sourced<decimal>? TimeInvestmentHours { get; private init; }

    /// <summary>M7: <c>achievement.creditsAvailable</c> (OB 3.0, no unit).</summary>
    public Sourced<decimal>? CreditsAvailable { get; private init; }

    /// <summary>M8: alignments with <c>targetType</c> <c>ext:EQF</c> (none: "not applicable").</summary>
    public IReadOnlyList<Sourced<AlignmentView>> EqfAlignments { get; private init; } = [];

    /// <summary>M8: the EQF level of the first EQF alignment, from <c>targetCode</c> (or the level IRI), when it is an integer (not range-checked).</summary>
    public Sourced<int>? EqfLevel { get; private init; }

    /// <summary>M9: <c>achievement.assessmentType</c> as written.</summary>
    public Sourced<string>? AssessmentTypeText { get; private init; }

    /// <summary>M9 as the enumeration, when the text is one of its phrases.</summary>
    public AssessmentType? AssessmentType => MicroCredentialVocabulary.TryParse(AssessmentTypeText?.Value, out AssessmentType value) ? value : null;

    /// <summary>M10: <c>achievement.participationType</c> as written.</summary>
    public Sourced<string>? ParticipationTypeText { get; private init; }

    /// <summary>M10 as the enumeration, when the text is one of its phrases.</summary>
    public ParticipationType? ParticipationType => MicroCredentialVocabulary.TryParse(ParticipationTypeText?.Value, out ParticipationType value) ? value : null;

    /// <summary>M11: alignments with <c>targetType</c> <c>ext:QualityAssurance</c>.</summary>
    public IReadOnlyList<Sourced<AlignmentView>> QualityAssurance { get; private init; } = [];

    /// <summary>O1: <c>achievement.prerequisites</c>.</summary>
    public Sourced<string>? Prerequisites { get; private init; }

    /// <summary>O2: <c>achievement.supervisionType</c> as written.</summary>
    public Sourced<string>? SupervisionTypeText { get; private init; }

    /// <summary>O2 as the enumeration, when the text is one of its phrases.</summary>
    public SupervisionType? SupervisionType => MicroCredentialVocabulary.TryParse(SupervisionTypeText?.Value, out SupervisionType value) ? value : null;

    /// <summary>O2: <c>achievement.identityChecked</c> (a JSON boolean).</summary>
    public Sourced<bool>? IdentityChecked { get; private init; }

    /// <summary>O3: each <c>credentialSubject.result[]</c> with its result description.</summary>
    public IReadOnlyList<Sourced<GradeView>> Grades { get; private init; } = [];

    /// <summary>O4: <c>achievement.stackability</c> as written.</summary>
    public Sourced<string>? StackabilityText { get; private init; }

    /// <summary>O4: alignments with <c>targetType</c> <c>ceterms:Credential</c> (the larger credentials).</summary>
    public IReadOnlyList<Sourced<AlignmentView>> PartOf { get; private init; } = [];

    /// <summary>O5: <c>achievement.description</c>.</summary>
    public Sourced<string>? Description { get; private init; }

    /// <summary>O5: <c>achievement.criteria.id</c>.</summary>
    public Sourced<string>? CriteriaUrl { get; private init; }

    /// <summary>O5: <c>achievement.otherIdentifier[]</c> (e.g. CROHO, CREBO).</summary>
    public IReadOnlyList<Sourced<IdentifierView>> ProgrammeIdentifiers { get; private init; } = [];

    /// <summary>O5: the credential's <c>evidence[]</c>.</summary>
    public IReadOnlyList<Sourced<EvidenceView>> Evidence { get; private init; } = [];

    /// <summary><c>achievement.inLanguage</c> (BCP 47).</summary>
    public Sourced<string>? Language { get; private init; }

    /// <summary>The credential's own <c>inLanguage</c>, which some issuers state instead of <see cref="Language"/>.</summary>
    public Sourced<string>? CredentialLanguage { get; private init; }

    /// <summary><c>achievement.id</c>.</summary>
    public Sourced<string>? AchievementId { get; private init; }

    /// <summary>
    /// The mandatory elements the credential lacks (codes from <see cref="MandatoryCodes"/>). M8 is never listed: a
    /// credential without an EQF alignment states "not applicable".
    /// </summary>
    public IReadOnlyList<string> MissingMandatory
    {
        get
        {
            var missing = new List<string>();
            void Check(string code, bool present)
            {
                if (!present)
                {
                    missing.Add(code);
                }
            }

            Check("M1", LearnerId is not null || LearnerIdentifiers.Count > 0);
            Check("M2", Title is not null);
            Check("M3", CountryCode is not null);
            Check("M4", AwardingBody is not null);
            Check("M5", IssuedOn is not null);
            Check("M6", LearningOutcomes.Count > 0);
            Check("M7", Ects is not null || Sbu is not null || TimeInvestmentHours is not null || CreditsAvailable is not null);
            Check("M9", AssessmentTypeText is not null);
            Check("M10", ParticipationTypeText is not null);
            Check("M11", QualityAssurance.Count > 0);
            return missing;
        }
    }
}
