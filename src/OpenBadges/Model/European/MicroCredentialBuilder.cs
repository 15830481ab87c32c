using System.Globalization;
using OpenBadges.Internal;

namespace OpenBadges.Model;

/// <summary>
/// Builds a European micro-credential (EU Council Recommendation 2022, Annex I) as an Open Badges 3.0
/// <see cref="OpenBadgeCredential"/>, following the element mapping of DESIGN.md §3: OB-native fields where they
/// exist, the inline <see cref="MicroCredentialContext"/> extension for the rest.
/// <para>
/// Setters only record values (they throw only on misuse such as a null argument); every rule is checked by
/// <see cref="Validate"/> and <see cref="Build"/>, which report all problems at once, each with its element code
/// (M1–M11, O1–O5), JSON path and rule. A builder is not thread-safe; the credential it builds is immutable.
/// </para>
/// </summary>
public sealed partial class MicroCredentialBuilder
{
    private readonly List<IdentifierEntry> _issuerIdentifiers = [];
    private readonly List<IdentityObject> _learnerIdentities = [];
    private readonly List<FrameworkLink> _learningOutcomes = [];
    private readonly List<FrameworkLink> _qualityAssurance = [];
    private readonly List<FrameworkLink> _partOf = [];
    private readonly List<ResultDescription> _resultDescriptions = [];
    private readonly List<Result> _results = [];
    private readonly List<Evidence> _evidence = [];
    private readonly List<IdentifierEntry> _achievementIdentifiers = [];

    private MicroCredentialProfile _profile;
    private string? _credentialId;
    private string? _credentialName;
    private string? _issuerId;
    private string? _issuerName;
    private string? _issuerUrl;
    private string? _issuerEmail;
    private string? _issuerDescription;
    private string? _countryCode;
    private string? _countryName;
    private string? _locality;
    private string? _learnerId;
    private string? _achievementId;
    private string? _title;
    private string? _description;
    private string? _issuedOn;
    private string? _validUntil;
    private string? _learningOutcomesSummary;
    private string? _criteriaUrl;
    private decimal? _ects;
    private decimal? _studyHours;
    private int? _eqfLevel;
    private bool _eqfNotApplicable;
    private AssessmentType? _assessmentType;
    private ParticipationType? _participationType;
    private string? _prerequisites;
    private SupervisionType? _supervisionType;
    private bool? _identityChecked;
    private Stackability? _stackability;
    private string? _language;
    private string? _imageUrl;
    private string? _imageCaption;
    private string? _fieldOfStudy;
    private string? _humanCode;

    /// <summary>A builder under <paramref name="profile"/> (default <see cref="Profiles.European"/>).</summary>
    public MicroCredentialBuilder(MicroCredentialProfile? profile = null)
    {
        _profile = profile ?? Profiles.European;
    }

    /// <summary>The profile whose rules apply.</summary>
    public MicroCredentialProfile Profile => _profile;

    /// <summary>Selects the profile (<see cref="Profiles"/>).</summary>
    public MicroCredentialBuilder WithProfile(MicroCredentialProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
        return this;
    }

    // ---- Credential ----------------------------------------------------------------------------------------

    /// <summary>The credential's <c>id</c>; default a new <c>urn:uuid:</c>.</summary>
    public MicroCredentialBuilder WithCredentialId(string id) => Set(ref _credentialId, id, nameof(id));

    /// <summary>The credential's <c>name</c>; default the title (M2).</summary>
    public MicroCredentialBuilder WithCredentialName(string name) => Set(ref _credentialName, name, nameof(name));

    /// <summary>Optional <c>validUntil</c> (a date-time with zone, after the date of issuing).</summary>
    public MicroCredentialBuilder WithValidUntil(DateTimeOffset validUntil) => Set(ref _validUntil, FormatDateTime(validUntil), nameof(validUntil));

    /// <summary>Optional <c>validUntil</c> as ISO 8601 text; checked by <see cref="Validate"/>.</summary>
    public MicroCredentialBuilder WithValidUntil(string validUntil) => Set(ref _validUntil, validUntil, nameof(validUntil));

    // ---- M4 awarding body, M3 country ----------------------------------------------------------------------

    /// <summary>
    /// M4: the awarding body. <paramref name="id"/> is the issuer's IRI (a DID or URL) and must be the controller of
    /// the key that will sign the credential.
    /// </summary>
    public MicroCredentialBuilder WithIssuer(string id, string name, string? url = null)
    {
        Set(ref _issuerId, id, nameof(id));
        Set(ref _issuerName, name, nameof(name));
        _issuerUrl = url;
        return this;
    }

    /// <summary>M4: an identifier of the awarding body, e.g. (<c>"21PM"</c>, <c>"ext:BRIN"</c>).</summary>
    public MicroCredentialBuilder AddIssuerIdentifier(string identifier, string identifierType)
    {
        _issuerIdentifiers.Add(IdentifierEntry.Create(identifier, identifierType));
        return this;
    }

    /// <summary>M4: the Dutch institution code (BRIN), as <c>otherIdentifier</c> with type <c>ext:BRIN</c>.</summary>
    public MicroCredentialBuilder WithIssuerBrin(string brin) => AddIssuerIdentifier(brin, "ext:BRIN");

    /// <summary>Optional issuer e-mail address.</summary>
    public MicroCredentialBuilder WithIssuerEmail(string email) => Set(ref _issuerEmail, email, nameof(email));

    /// <summary>Optional issuer description.</summary>
    public MicroCredentialBuilder WithIssuerDescription(string description) => Set(ref _issuerDescription, description, nameof(description));

    /// <summary>
    /// M3: the awarding body's country, ISO 3166-1 alpha-2 upper case (e.g. <c>NL</c>), written to
    /// <c>issuer.address.addressCountryCode</c>; optionally the country's name and the town.
    /// </summary>
    public MicroCredentialBuilder WithIssuerCountry(string countryCode, string? countryName = null, string? locality = null)
    {
        Set(ref _countryCode, countryCode, nameof(countryCode));
        _countryName = countryName;
        _locality = locality;
        return this;
    }

    // ---- M1 learner ----------------------------------------------------------------------------------------

    /// <summary>M1: the learner's DID or URL (<c>credentialSubject.id</c>).</summary>
    public MicroCredentialBuilder WithLearnerId(string id) => Set(ref _learnerId, id, nameof(id));

    /// <summary>
    /// M1: the learner's e-mail address, hashed with a random salt unless <paramref name="hashed"/> is false
    /// (<c>credentialSubject.identifier[]</c>). Hashed as given: normalize the address first if verifiers will.
    /// </summary>
    public MicroCredentialBuilder WithLearnerEmail(string email, bool hashed = true, string? salt = null) =>
        AddLearnerIdentifier(email, IdentityObject.EmailAddressType, hashed, salt);

    /// <summary>M1: the learner's student number (<c>identityType</c> <c>ext:StudentNumber</c>), hashed by default.</summary>
    public MicroCredentialBuilder WithLearnerStudentNumber(string studentNumber, bool hashed = true, string? salt = null) =>
        AddLearnerIdentifier(studentNumber, "ext:StudentNumber", hashed, salt);

    /// <summary>M1: any learner identifier with an OB <c>identityType</c> (or <c>ext:</c> value), hashed by default.</summary>
    public MicroCredentialBuilder AddLearnerIdentifier(string identifier, string identityType, bool hashed = true, string? salt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(identityType);
        _learnerIdentities.Add(hashed
            ? IdentityObject.CreateHashed(identifier, identityType, salt)
            : IdentityObject.CreatePlain(identifier, identityType));
        return this;
    }

    // ---- M2 title, M5 date, achievement --------------------------------------------------------------------

    /// <summary>M2: the title (<c>achievement.name</c>, and the credential <c>name</c> unless set).</summary>
    public MicroCredentialBuilder WithTitle(string title) => Set(ref _title, title, nameof(title));

    /// <summary>The achievement's <c>id</c> (the same for every learner); default a new <c>urn:uuid:</c>.</summary>
    public MicroCredentialBuilder WithAchievementId(string id) => Set(ref _achievementId, id, nameof(id));

    /// <summary>O5 / required by OB 3.0: <c>achievement.description</c>.</summary>
    public MicroCredentialBuilder WithDescription(string description) => Set(ref _description, description, nameof(description));

    /// <summary>M5: the date of issuing (<c>validFrom</c> and <c>awardedDate</c>), written to the second with its offset.</summary>
    public MicroCredentialBuilder WithIssuedOn(DateTimeOffset issuedOn) => Set(ref _issuedOn, FormatDateTime(issuedOn), nameof(issuedOn));

    /// <summary>M5: the date of issuing as ISO 8601 text, which must include a zone (<c>Z</c> or <c>±hh:mm</c>).</summary>
    public MicroCredentialBuilder WithIssuedOn(string issuedOn) => Set(ref _issuedOn, issuedOn, nameof(issuedOn));

    /// <summary>The BCP 47 language of the achievement's texts (<c>inLanguage</c>), e.g. <c>en</c>, <c>nl-NL</c>.</summary>
    public MicroCredentialBuilder WithLanguage(string languageTag) => Set(ref _language, languageTag, nameof(languageTag));

    /// <summary>Optional achievement image (URL or data URI).</summary>
    public MicroCredentialBuilder WithImage(string url, string? caption = null)
    {
        Set(ref _imageUrl, url, nameof(url));
        _imageCaption = caption;
        return this;
    }

    /// <summary>Optional <c>fieldOfStudy</c>.</summary>
    public MicroCredentialBuilder WithFieldOfStudy(string fieldOfStudy) => Set(ref _fieldOfStudy, fieldOfStudy, nameof(fieldOfStudy));

    /// <summary>Optional <c>humanCode</c> (e.g. a course code).</summary>
    public MicroCredentialBuilder WithHumanCode(string humanCode) => Set(ref _humanCode, humanCode, nameof(humanCode));

    // ---- M6 learning outcomes ------------------------------------------------------------------------------

    /// <summary>
    /// M6: a learning outcome, as an alignment with <c>targetType</c> <c>ext:LearningOutcome</c>. <paramref name="url"/>
    /// is required by OB 3.0; use the ESCO skill IRI when there is one (the framework then defaults to "ESCO").
    /// </summary>
    public MicroCredentialBuilder AddLearningOutcome(string name, string url, string? description = null, string? code = null, string? framework = null)
    {
        _learningOutcomes.Add(Link(name, url, description, code, framework));
        return this;
    }

    /// <summary>M6: the summary of the learning outcomes (<c>achievement.criteria.narrative</c>, Markdown allowed).</summary>
    public MicroCredentialBuilder WithLearningOutcomesSummary(string narrative) => Set(ref _learningOutcomesSummary, narrative, nameof(narrative));

    /// <summary>O5: the URL of a page describing the criteria (<c>achievement.criteria.id</c>).</summary>
    public MicroCredentialBuilder WithCriteriaUrl(string url) => Set(ref _criteriaUrl, url, nameof(url));

    // ---- M7 workload, M8 level -----------------------------------------------------------------------------

    /// <summary>M7: ECTS credits (<c>ECTS</c>, and <c>creditsAvailable</c>).</summary>
    public MicroCredentialBuilder WithEcts(decimal ects)
    {
        _ects = ects;
        return this;
    }

    /// <summary>M7: study hours (SBU, Dutch vocational education) (<c>SBU</c>; <c>creditsAvailable</c> when no ECTS).</summary>
    public MicroCredentialBuilder WithStudyHours(decimal studyHours)
    {
        _studyHours = studyHours;
        return this;
    }

    /// <summary>M8: the EQF level, 1–8, as an alignment to <c>http://data.europa.eu/snb/eqf/{level}</c>.</summary>
    public MicroCredentialBuilder WithEqfLevel(int level)
    {
        _eqfLevel = level;
        _eqfNotApplicable = false;
        return this;
    }

    /// <summary>M8: declares that no EQF level applies (then no level alignment is written).</summary>
    public MicroCredentialBuilder WithEqfLevelNotApplicable()
    {
        _eqfLevel = null;
        _eqfNotApplicable = true;
        return this;
    }

    // ---- M9, M10, M11 --------------------------------------------------------------------------------------

    /// <summary>M9: the type of assessment.</summary>
    public MicroCredentialBuilder WithAssessmentType(AssessmentType assessmentType)
    {
        _assessmentType = assessmentType;
        return this;
    }

    /// <summary>M10: the form of participation.</summary>
    public MicroCredentialBuilder WithParticipationType(ParticipationType participationType)
    {
        _participationType = participationType;
        return this;
    }

    /// <summary>M11: a quality-assurance framework or decision (alignment <c>targetType</c> <c>ext:QualityAssurance</c>).</summary>
    public MicroCredentialBuilder AddQualityAssurance(string name, string url, string? description = null, string? code = null, string? framework = null)
    {
        _qualityAssurance.Add(Link(name, url, description, code, framework));
        return this;
    }

    // ---- Optional elements ---------------------------------------------------------------------------------

    /// <summary>O1: prerequisites needed to enrol.</summary>
    public MicroCredentialBuilder WithPrerequisites(string prerequisites) => Set(ref _prerequisites, prerequisites, nameof(prerequisites));

    /// <summary>
    /// O2: supervision and identity verification. <paramref name="identityChecked"/> defaults to what the supervision
    /// type implies; when given it must agree (<see cref="MicroCredentialVocabulary.ChecksIdentity"/>).
    /// </summary>
    public MicroCredentialBuilder WithSupervision(SupervisionType supervisionType, bool? identityChecked = null)
    {
        _supervisionType = supervisionType;
        _identityChecked = identityChecked;
        return this;
    }

    /// <summary>O3: a result description in the achievement (what grades/scores exist).</summary>
    public MicroCredentialBuilder AddResultDescription(ResultDescription resultDescription)
    {
        ArgumentNullException.ThrowIfNull(resultDescription);
        _resultDescriptions.Add(resultDescription);
        return this;
    }

    /// <summary>O3: the learner's result; its <c>resultDescription</c> must be the id of an added result description.</summary>
    public MicroCredentialBuilder AddResult(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results.Add(result);
        return this;
    }

    /// <summary>
    /// O3 shortcut: a grade, as one result description (id <paramref name="resultDescriptionId"/>) and the learner's result.
    /// </summary>
    public MicroCredentialBuilder AddGrade(
        string resultDescriptionId, string name, string resultType, string value,
        IReadOnlyList<string>? allowedValues = null, string? requiredValue = null, string? valueMin = null, string? valueMax = null)
    {
        AddResultDescription(new ResultDescription
        {
            Id = resultDescriptionId,
            Type = [ResultDescription.TypeName],
            Name = name,
            ResultType = resultType,
            AllowedValue = allowedValues,
            RequiredValue = requiredValue,
            ValueMin = valueMin,
            ValueMax = valueMax,
        });
        return AddResult(new Result { Type = [Result.TypeName], ResultDescription = resultDescriptionId, Value = value });
    }

    /// <summary>O4: stackability; for a stackable credential optionally the larger credential it stacks into.</summary>
    public MicroCredentialBuilder WithStackability(Stackability stackability)
    {
        _stackability = stackability;
        return this;
    }

    /// <summary>O4: a larger credential this one stacks into (alignment <c>targetType</c> <c>ceterms:Credential</c>).</summary>
    public MicroCredentialBuilder AddPartOf(string name, string url, string? description = null)
    {
        _partOf.Add(Link(name, url, description, null, null));
        return this;
    }

    /// <summary>O5: evidence of the learner's work.</summary>
    public MicroCredentialBuilder AddEvidence(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        _evidence.Add(evidence);
        return this;
    }

    /// <summary>O5: an identifier of the programme, e.g. (<c>"34567"</c>, <c>"ext:CROHO"</c>) or <c>ext:CREBO</c>.</summary>
    public MicroCredentialBuilder AddProgrammeIdentifier(string identifier, string identifierType)
    {
        _achievementIdentifiers.Add(IdentifierEntry.Create(identifier, identifierType));
        return this;
    }

    private MicroCredentialBuilder Set(ref string? field, string value, string paramName)
    {
        if (value is null)
        {
            throw ModelErrors.ValueIsNull(paramName, paramName);
        }

        field = value;
        return this;
    }

    // Second precision, and "Z" for UTC, which is how VC examples and most issuers write it.
    private static string FormatDateTime(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static FrameworkLink Link(string name, string url, string? description, string? code, string? framework)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(url);
        return new FrameworkLink(name, url, description, code, framework);
    }

    private sealed record FrameworkLink(string Name, string Url, string? Description, string? Code, string? Framework);
}
