using System.Globalization;
using System.Text.RegularExpressions;
using OpenBadges.Internal;

namespace OpenBadges.Model;

public sealed partial class MicroCredentialBuilder
{
    private const string AchievementPath = "$.credentialSubject.achievement";
    private const string LearningOutcomeType = "ext:LearningOutcome";
    private const string EqfType = "ext:EQF";
    private const string QualityAssuranceType = "ext:QualityAssurance";
    private const string PartOfType = "ceterms:Credential";

    /// <summary>
    /// Every missing or invalid element, in element order (M1…M11, O1…O5, then OB requirements); empty when
    /// <see cref="Build"/> will succeed.
    /// </summary>
    public IReadOnlyList<MicroCredentialProblem> Validate()
    {
        var problems = new List<MicroCredentialProblem>();
        CheckLearner(problems);
        CheckTitle(problems);
        CheckCountry(problems);
        CheckIssuer(problems);
        CheckDateOfIssuing(problems);
        CheckLearningOutcomes(problems);
        CheckWorkload(problems);
        CheckLevel(problems);
        CheckAssessmentAndParticipation(problems);
        CheckQualityAssurance(problems);
        CheckOptionalElements(problems);
        CheckOpenBadgesRequirements(problems);
        return problems
            .OrderBy(problem => ElementOrder(problem.Element))
            .ToList()
            .AsReadOnly();
    }

    private void CheckLearner(List<MicroCredentialProblem> problems)
    {
        if (_learnerId is null && _learnerIdentities.Count == 0)
        {
            problems.Add(new("M1", "$.credentialSubject",
                "the learner is required: credentialSubject.id (a DID or URL) and/or credentialSubject.identifier[] (e.g. a hashed e-mail address)"));
        }
        else if (_learnerId is not null && !IsAbsoluteIri(_learnerId))
        {
            problems.Add(new("M1", "$.credentialSubject.id", $"must be an absolute IRI (a DID or URL); found '{_learnerId}'"));
        }
    }

    private void CheckTitle(List<MicroCredentialProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(_title))
        {
            problems.Add(new("M2", AchievementPath + ".name", "the title of the micro-credential is required (non-empty)"));
        }
    }

    private void CheckCountry(List<MicroCredentialProblem> problems)
    {
        const string path = "$.issuer.address.addressCountryCode";
        if (string.IsNullOrWhiteSpace(_countryCode))
        {
            problems.Add(new("M3", path, "the country of the awarding body is required, as an ISO 3166-1 alpha-2 code (e.g. NL)"));
        }
        else if (!CountryCodes.IsAssigned(_countryCode))
        {
            var upper = _countryCode.ToUpperInvariant();
            problems.Add(new("M3", path, CountryCodes.IsAssigned(upper)
                ? $"ISO 3166-1 alpha-2 codes are upper case: write '{upper}', not '{_countryCode}'"
                : $"'{_countryCode}' is not an assigned ISO 3166-1 alpha-2 country code"));
        }
    }

    private void CheckIssuer(List<MicroCredentialProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(_issuerId))
        {
            problems.Add(new("M4", "$.issuer.id",
                "the awarding body's id is required: a DID or URL, the controller of the signing key"));
        }
        else if (!IsAbsoluteIri(_issuerId))
        {
            problems.Add(new("M4", "$.issuer.id", $"must be an absolute IRI (a DID or URL); found '{_issuerId}'"));
        }

        if (string.IsNullOrWhiteSpace(_issuerName))
        {
            problems.Add(new("M4", "$.issuer.name", "the awarding body's name is required (non-empty)"));
        }

        if (_issuerUrl is not null && !IsHttpUrl(_issuerUrl))
        {
            problems.Add(new("M4", "$.issuer.url", $"must be an absolute http(s) URL; found '{_issuerUrl}'"));
        }
    }

    private void CheckDateOfIssuing(List<MicroCredentialProblem> problems)
    {
        if (_issuedOn is null)
        {
            problems.Add(new("M5", "$.validFrom", "the date of issuing is required: a date-time with a zone, e.g. 2025-06-30T12:00:00Z"));
        }
        else if (!IsDateTimeWithZone(_issuedOn))
        {
            problems.Add(new("M5", "$.validFrom",
                $"must be an ISO 8601 date-time with a zone (Z or ±hh:mm), e.g. 2025-06-30T12:00:00Z; found '{_issuedOn}'"));
        }
    }

    private void CheckLearningOutcomes(List<MicroCredentialProblem> problems)
    {
        if (_learningOutcomes.Count == 0)
        {
            problems.Add(new("M6", $"{AchievementPath}.alignment[?(@.targetType=='{LearningOutcomeType}')]",
                $"at least one learning outcome is required (an alignment with targetType {LearningOutcomeType} and a targetUrl, the ESCO skill IRI when there is one)"));
        }

        CheckLinks("M6", _learningOutcomes, FirstAlignmentIndex(LearningOutcomeType), problems);

        if (string.IsNullOrWhiteSpace(_learningOutcomesSummary))
        {
            problems.Add(new("M6", AchievementPath + ".criteria.narrative", "a summary of the learning outcomes is required (non-empty)"));
        }
    }

    private void CheckWorkload(List<MicroCredentialProblem> problems)
    {
        if (_ects is <= 0)
        {
            problems.Add(new("M7", Profiles.EctsPath, $"ECTS credits must be greater than 0; found {_ects}"));
        }

        if (_studyHours is <= 0)
        {
            problems.Add(new("M7", Profiles.SbuPath, $"SBU study hours must be greater than 0; found {_studyHours}"));
        }

        _profile.CheckWorkload(_ects, _studyHours, problems);
    }

    private void CheckLevel(List<MicroCredentialProblem> problems)
    {
        if (_eqfLevel is null && !_eqfNotApplicable)
        {
            problems.Add(new("M8", $"{AchievementPath}.alignment[?(@.targetType=='{EqfType}')]",
                "the EQF level (1–8) is required, or an explicit 'not applicable'"));
        }
        else if (_eqfLevel is < 1 or > 8)
        {
            problems.Add(new("M8", $"{AchievementPath}.alignment[{FirstAlignmentIndex(EqfType)}].targetCode",
                $"the EQF level must be 1 to 8; found {_eqfLevel}"));
        }
    }

    private void CheckAssessmentAndParticipation(List<MicroCredentialProblem> problems)
    {
        const string assessmentPath = AchievementPath + "." + MicroCredentialContext.AssessmentTypeTerm;
        const string participationPath = AchievementPath + "." + MicroCredentialContext.ParticipationTypeTerm;
        if (_assessmentType is null)
        {
            problems.Add(new("M9", assessmentPath,
                $"the type of assessment is required: one of {List(MicroCredentialVocabulary.AssessmentTypeValues)}"));
        }
        else if (MicroCredentialVocabulary.ToJsonValue(_assessmentType.Value) is null)
        {
            problems.Add(new("M9", assessmentPath, $"'{_assessmentType}' is not a type of assessment"));
        }

        if (_participationType is null)
        {
            problems.Add(new("M10", participationPath,
                $"the form of participation is required: one of {List(MicroCredentialVocabulary.ParticipationTypeValues)}"));
        }
        else if (MicroCredentialVocabulary.ToJsonValue(_participationType.Value) is null)
        {
            problems.Add(new("M10", participationPath, $"'{_participationType}' is not a form of participation"));
        }
    }

    private void CheckQualityAssurance(List<MicroCredentialProblem> problems)
    {
        if (_qualityAssurance.Count == 0)
        {
            problems.Add(new("M11", $"{AchievementPath}.alignment[?(@.targetType=='{QualityAssuranceType}')]",
                $"at least one quality-assurance framework or decision is required (an alignment with targetType {QualityAssuranceType}, a name and a URL)"));
        }

        CheckLinks("M11", _qualityAssurance, FirstAlignmentIndex(QualityAssuranceType), problems);
    }

    private void CheckOptionalElements(List<MicroCredentialProblem> problems)
    {
        if (_prerequisites is not null && string.IsNullOrWhiteSpace(_prerequisites))
        {
            problems.Add(new("O1", AchievementPath + "." + MicroCredentialContext.PrerequisitesTerm, "when given, prerequisites must not be empty"));
        }

        if (_supervisionType is { } supervision)
        {
            if (MicroCredentialVocabulary.ToJsonValue(supervision) is null)
            {
                problems.Add(new("O2", AchievementPath + "." + MicroCredentialContext.SupervisionTypeTerm, $"'{supervision}' is not a supervision type"));
            }
            else if (_identityChecked is { } checkedIdentity && checkedIdentity != MicroCredentialVocabulary.ChecksIdentity(supervision))
            {
                problems.Add(new("O2", AchievementPath + "." + MicroCredentialContext.IdentityCheckedTerm,
                    $"identityChecked is {(checkedIdentity ? "true" : "false")} but supervision type '{MicroCredentialVocabulary.ToJsonValue(supervision)}' " +
                    $"{(MicroCredentialVocabulary.ChecksIdentity(supervision) ? "includes" : "has no")} identity verification; they must agree"));
            }
        }
        else if (_identityChecked is not null)
        {
            problems.Add(new("O2", AchievementPath + "." + MicroCredentialContext.SupervisionTypeTerm,
                "identityChecked is given without a supervision type; give both so they can be checked against each other"));
        }

        CheckResults(problems);

        if (_stackability is { } stackability && MicroCredentialVocabulary.ToJsonValue(stackability) is null)
        {
            problems.Add(new("O4", AchievementPath + "." + MicroCredentialContext.StackabilityTerm, $"'{stackability}' is not a stackability option"));
        }

        CheckLinks("O4", _partOf, FirstAlignmentIndex(PartOfType), problems);

        if (_criteriaUrl is not null && !IsAbsoluteIri(_criteriaUrl))
        {
            problems.Add(new("O5", AchievementPath + ".criteria.id", $"must be an absolute URL; found '{_criteriaUrl}'"));
        }

        for (var i = 0; i < _evidence.Count; i++)
        {
            var evidence = _evidence[i];
            if (evidence.Id is not null && !IsAbsoluteIri(evidence.Id))
            {
                problems.Add(new("O5", $"$.evidence[{i}].id", $"must be an absolute URL; found '{evidence.Id}'"));
            }

            if (evidence.Type?.Contains(Evidence.TypeName, StringComparer.Ordinal) != true)
            {
                problems.Add(new("O5", $"$.evidence[{i}].type", $"Open Badges 3.0 requires type to include '{Evidence.TypeName}'"));
            }
        }
    }

    private void CheckResults(List<MicroCredentialProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _resultDescriptions.Count; i++)
        {
            var description = _resultDescriptions[i];
            var path = $"{AchievementPath}.resultDescription[{i}]";
            if (string.IsNullOrWhiteSpace(description.Id) || !IsAbsoluteIri(description.Id))
            {
                problems.Add(new("O3", path + ".id", "each result description needs an id (an absolute IRI, e.g. urn:uuid:…) for results to point at"));
            }
            else if (!ids.Add(description.Id))
            {
                problems.Add(new("O3", path + ".id", $"duplicate result description id '{description.Id}'"));
            }

            if (description.Type?.Contains(ResultDescription.TypeName, StringComparer.Ordinal) != true)
            {
                problems.Add(new("O3", path + ".type", $"Open Badges 3.0 requires type to include '{ResultDescription.TypeName}'"));
            }

            if (string.IsNullOrWhiteSpace(description.Name))
            {
                problems.Add(new("O3", path + ".name", "each result description needs a name (required by OB 3.0)"));
            }

            if (string.IsNullOrWhiteSpace(description.ResultType))
            {
                problems.Add(new("O3", path + ".resultType", "each result description needs a resultType, e.g. LetterGrade, Percent or ext:… (required by OB 3.0)"));
            }
        }

        for (var i = 0; i < _results.Count; i++)
        {
            if (_results[i].Type?.Contains(Result.TypeName, StringComparer.Ordinal) != true)
            {
                problems.Add(new("O3", $"$.credentialSubject.result[{i}].type", $"Open Badges 3.0 requires type to include '{Result.TypeName}'"));
            }

            var reference = _results[i].ResultDescription;
            if (reference is null || !ids.Contains(reference))
            {
                problems.Add(new("O3", $"$.credentialSubject.result[{i}].resultDescription",
                    reference is null
                        ? "each result must name the id of a result description in the achievement"
                        : $"'{reference}' is not the id of any result description in the achievement"));
            }
        }
    }

    private void CheckOpenBadgesRequirements(List<MicroCredentialProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(_description))
        {
            problems.Add(new("OB", AchievementPath + ".description", "Open Badges 3.0 requires a description of the achievement"));
        }

        if (_credentialId is not null && !IsAbsoluteIri(_credentialId))
        {
            problems.Add(new("OB", "$.id", $"the credential id must be an absolute IRI; found '{_credentialId}'"));
        }

        if (_achievementId is not null && !IsAbsoluteIri(_achievementId))
        {
            problems.Add(new("OB", AchievementPath + ".id", $"the achievement id must be an absolute IRI; found '{_achievementId}'"));
        }

        if (_language is not null && !LanguageTags.IsWellFormedBcp47(_language))
        {
            problems.Add(new("OB", AchievementPath + ".inLanguage", $"must be a BCP 47 language tag such as 'en' or 'nl-NL'; found '{_language}'"));
        }

        if (_imageUrl is not null && !IsAbsoluteIri(_imageUrl))
        {
            problems.Add(new("OB", AchievementPath + ".image.id", $"must be an absolute URL or data URI; found '{_imageUrl}'"));
        }

        if (_validUntil is not null)
        {
            if (!IsDateTimeWithZone(_validUntil))
            {
                problems.Add(new("OB", "$.validUntil", $"must be an ISO 8601 date-time with a zone; found '{_validUntil}'"));
            }
            else if (_issuedOn is not null && IsDateTimeWithZone(_issuedOn) && ParseDateTime(_validUntil) <= ParseDateTime(_issuedOn))
            {
                problems.Add(new("OB", "$.validUntil", $"must be later than the date of issuing ({_issuedOn}); found '{_validUntil}'"));
            }
        }
    }

    private static void CheckLinks(string element, List<FrameworkLink> links, int firstIndex, List<MicroCredentialProblem> problems)
    {
        for (var i = 0; i < links.Count; i++)
        {
            var path = $"{AchievementPath}.alignment[{firstIndex + i}]";
            if (string.IsNullOrWhiteSpace(links[i].Name))
            {
                problems.Add(new(element, path + ".targetName", "a name is required (OB 3.0 requires targetName)"));
            }

            if (!IsAbsoluteIri(links[i].Url))
            {
                problems.Add(new(element, path + ".targetUrl",
                    $"an absolute URL is required (OB 3.0 requires targetUrl); found '{links[i].Url}'"));
            }
        }
    }

    // Alignments are written in a fixed order (learning outcomes, EQF level, quality assurance, part-of), so a
    // problem can name the index the entry will have in the built credential.
    private int FirstAlignmentIndex(string targetType)
    {
        var eqf = _eqfLevel is null ? 0 : 1;
        return targetType switch
        {
            LearningOutcomeType => 0,
            EqfType => _learningOutcomes.Count,
            QualityAssuranceType => _learningOutcomes.Count + eqf,
            _ => _learningOutcomes.Count + eqf + _qualityAssurance.Count,
        };
    }

    private static int ElementOrder(string element) =>
        element.Length > 1 && char.IsDigit(element[1]) && int.TryParse(element.AsSpan(1), out var number)
            ? (element[0] == 'M' ? 0 : 100) + number
            : 1000;

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(value => $"'{value}'"));

    /// <summary>An absolute IRI: a scheme, a colon, and no whitespace or characters IRIs exclude.</summary>
    internal static bool IsAbsoluteIri(string? value) => value is not null && AbsoluteIri().IsMatch(value);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>ISO 8601 / RFC 3339 date-time with seconds and a zone: <c>2025-06-30T12:00:00Z</c>, <c>…+02:00</c>.</summary>
    internal static bool IsDateTimeWithZone(string value) =>
        DateTimeWithZone().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>""{}|\\^`]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AbsoluteIri();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+\-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateTimeWithZone();
}
