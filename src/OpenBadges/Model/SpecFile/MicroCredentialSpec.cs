using System.Collections.Frozen;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Model;

/// <summary>
/// A plain JSON description of a micro-credential — the input of <c>openbadges build SPEC.json</c> — with friendly
/// names (<c>"assessmentType": "testing"</c>, <c>"eqfLevel": 6</c>, <c>"ects": 5</c>). The format is documented in
/// <c>docs/spec-format.md</c>. <see cref="Parse(JToken)"/> checks the document's shape; <see cref="Build"/> feeds
/// <see cref="MicroCredentialBuilder"/>, which checks the European elements; <see cref="Check(JToken)"/> reports both at once.
/// </summary>
public sealed record MicroCredentialSpec
{
    private static readonly FrozenSet<string> TopLevelFields = FrozenSet.ToFrozenSet(
    [
        "profile", "id", "name", "issuer", "country", "learner", "title", "description", "achievementId", "language",
        "issuedOn", "validUntil", "learningOutcomes", "learningOutcomesSummary", "criteriaUrl", "ects", "sbu", "eqfLevel",
        "assessmentType", "participationType", "qualityAssurance", "prerequisites", "supervisionType", "identityChecked",
        "grades", "stackability", "partOf", "evidence", "programmeIdentifiers", "image", "fieldOfStudy", "humanCode",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> IssuerFields = FrozenSet.ToFrozenSet(
        ["id", "name", "url", "email", "description", "brin", "identifiers", "countryName", "locality"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LearnerFields = FrozenSet.ToFrozenSet(
        ["id", "email", "studentNumber", "hash", "salt"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> LinkFields = FrozenSet.ToFrozenSet(
        ["name", "url", "description", "code", "framework"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> IdentifierFields = FrozenSet.ToFrozenSet(["identifier", "type"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> GradeFields = FrozenSet.ToFrozenSet(
        ["id", "name", "resultType", "value", "allowedValues", "requiredValue", "valueMin", "valueMax"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> EvidenceFields = FrozenSet.ToFrozenSet(
        ["id", "name", "description", "narrative", "genre", "audience"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ImageFields = FrozenSet.ToFrozenSet(["url", "caption"], StringComparer.Ordinal);

    // Which credential paths each spec field feeds: when the field is unreadable, the builder's report on those paths
    // ("missing …") is the same mistake seen from the other side and is left out.
    private static readonly (string SpecPath, string[] CredentialPaths)[] FedPaths =
    [
        ("$.profile", [Profiles.EctsPath, Profiles.SbuPath]),
        ("$.id", ["$.id"]),
        ("$.issuer", ["$.issuer.id", "$.issuer.name"]),
        ("$.issuer.id", ["$.issuer.id"]),
        ("$.issuer.name", ["$.issuer.name"]),
        ("$.issuer.url", ["$.issuer.url"]),
        ("$.country", ["$.issuer.address.addressCountryCode"]),
        ("$.learner", ["$.credentialSubject", "$.credentialSubject.id"]),
        ("$.learner.id", ["$.credentialSubject", "$.credentialSubject.id"]),
        ("$.learner.email", ["$.credentialSubject"]),
        ("$.learner.studentNumber", ["$.credentialSubject"]),
        ("$.title", [Achievement + ".name"]),
        ("$.description", [Achievement + ".description"]),
        ("$.achievementId", [Achievement + ".id"]),
        ("$.language", [Achievement + ".inLanguage"]),
        ("$.issuedOn", ["$.validFrom", "$.validUntil"]),
        ("$.validUntil", ["$.validUntil"]),
        ("$.learningOutcomes", [Achievement + ".alignment[?(@.targetType=='ext:LearningOutcome')]"]),
        ("$.learningOutcomesSummary", [Achievement + ".criteria.narrative"]),
        ("$.criteriaUrl", [Achievement + ".criteria.id"]),
        ("$.ects", [Profiles.EctsPath, Profiles.SbuPath]),
        ("$.sbu", [Profiles.EctsPath, Profiles.SbuPath]),
        ("$.eqfLevel", [Achievement + ".alignment[?(@.targetType=='ext:EQF')]"]),
        ("$.assessmentType", [Achievement + ".assessmentType"]),
        ("$.participationType", [Achievement + ".participationType"]),
        ("$.qualityAssurance", [Achievement + ".alignment[?(@.targetType=='ext:QualityAssurance')]"]),
        ("$.prerequisites", [Achievement + ".prerequisites"]),
        ("$.supervisionType", [Achievement + ".supervisionType", Achievement + ".identityChecked"]),
        ("$.identityChecked", [Achievement + ".supervisionType", Achievement + ".identityChecked"]),
        ("$.stackability", [Achievement + ".stackability"]),
    ];

    private const string Achievement = "$.credentialSubject.achievement";

    /// <summary><c>profile</c>: <c>European</c> (default), <c>DutchHigherEducation</c> or <c>DutchVocational</c>.</summary>
    public MicroCredentialProfile Profile { get; init; } = Profiles.European;

    /// <summary><c>id</c>: the credential id (default a new <c>urn:uuid:</c>).</summary>
    public string? Id { get; init; }

    /// <summary><c>name</c>: the credential name (default the title).</summary>
    public string? Name { get; init; }

    /// <summary><c>issuer</c> (M4).</summary>
    public MicroCredentialSpecIssuer? Issuer { get; init; }

    /// <summary><c>country</c> (M3): ISO 3166-1 alpha-2, e.g. <c>NL</c>.</summary>
    public string? Country { get; init; }

    /// <summary><c>learner</c> (M1).</summary>
    public MicroCredentialSpecLearner? Learner { get; init; }

    /// <summary><c>title</c> (M2).</summary>
    public string? Title { get; init; }

    /// <summary><c>description</c> of the achievement (required by OB 3.0).</summary>
    public string? Description { get; init; }

    /// <summary><c>achievementId</c>: the achievement's IRI, the same for every learner.</summary>
    public string? AchievementId { get; init; }

    /// <summary><c>language</c>: BCP 47 tag of the texts (<c>inLanguage</c>).</summary>
    public string? Language { get; init; }

    /// <summary><c>issuedOn</c> (M5): ISO 8601 date-time with zone.</summary>
    public string? IssuedOn { get; init; }

    /// <summary><c>validUntil</c>: ISO 8601 date-time with zone.</summary>
    public string? ValidUntil { get; init; }

    /// <summary><c>learningOutcomes</c> (M6).</summary>
    public IReadOnlyList<MicroCredentialSpecLink> LearningOutcomes { get; init; } = [];

    /// <summary><c>learningOutcomesSummary</c> (M6): written to <c>criteria.narrative</c>.</summary>
    public string? LearningOutcomesSummary { get; init; }

    /// <summary><c>criteriaUrl</c> (O5).</summary>
    public string? CriteriaUrl { get; init; }

    /// <summary><c>ects</c> (M7).</summary>
    public decimal? Ects { get; init; }

    /// <summary><c>sbu</c> (M7): study hours.</summary>
    public decimal? Sbu { get; init; }

    /// <summary><c>eqfLevel</c> (M8): 1–8.</summary>
    public int? EqfLevel { get; init; }

    /// <summary><c>eqfLevel</c>: <c>"not applicable"</c> (M8).</summary>
    public bool EqfLevelNotApplicable { get; init; }

    /// <summary><c>assessmentType</c> (M9).</summary>
    public AssessmentType? AssessmentType { get; init; }

    /// <summary><c>participationType</c> (M10).</summary>
    public ParticipationType? ParticipationType { get; init; }

    /// <summary><c>qualityAssurance</c> (M11).</summary>
    public IReadOnlyList<MicroCredentialSpecLink> QualityAssurance { get; init; } = [];

    /// <summary><c>prerequisites</c> (O1).</summary>
    public string? Prerequisites { get; init; }

    /// <summary><c>supervisionType</c> (O2).</summary>
    public SupervisionType? SupervisionType { get; init; }

    /// <summary><c>identityChecked</c> (O2): must agree with the supervision type.</summary>
    public bool? IdentityChecked { get; init; }

    /// <summary><c>grades</c> (O3).</summary>
    public IReadOnlyList<MicroCredentialSpecGrade> Grades { get; init; } = [];

    /// <summary><c>stackability</c> (O4).</summary>
    public Stackability? Stackability { get; init; }

    /// <summary><c>partOf</c> (O4): larger credentials this one stacks into.</summary>
    public IReadOnlyList<MicroCredentialSpecLink> PartOf { get; init; } = [];

    /// <summary><c>evidence</c> (O5).</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary><c>programmeIdentifiers</c> (O5): e.g. CROHO/CREBO codes.</summary>
    public IReadOnlyList<IdentifierEntry> ProgrammeIdentifiers { get; init; } = [];

    /// <summary><c>image</c>: URL of the achievement image.</summary>
    public string? ImageUrl { get; init; }

    /// <summary><c>image.caption</c>.</summary>
    public string? ImageCaption { get; init; }

    /// <summary><c>fieldOfStudy</c>.</summary>
    public string? FieldOfStudy { get; init; }

    /// <summary><c>humanCode</c>.</summary>
    public string? HumanCode { get; init; }

    /// <summary>Parses spec text (read safely with <see cref="JsonInput"/>).</summary>
    /// <exception cref="MicroCredentialValidationException">The text is not JSON, or the document has unknown fields or values of the wrong type (element <c>spec</c>, paths into the spec).</exception>
    public static MicroCredentialSpec Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(ParseText(json));
    }

    /// <summary>Parses a spec document.</summary>
    /// <exception cref="MicroCredentialValidationException">Unknown fields or values of the wrong type (element <c>spec</c>, paths into the spec).</exception>
    public static MicroCredentialSpec Parse(JToken json)
    {
        var (spec, reader) = Read(json);
        return reader.Problems.Count == 0 ? spec : throw ModelErrors.BuilderProblems(reader.Problems);
    }

    /// <summary>
    /// Every problem with a spec, at once: its own (element <c>spec</c>, paths into the spec) followed by the
    /// builder's (element codes M1…, paths into the credential). A builder problem is left out when the spec field
    /// that feeds that credential path could not be read, so one mistake is reported once. Empty when the spec builds.
    /// </summary>
    public static IReadOnlyList<MicroCredentialProblem> Check(JToken json)
    {
        var (spec, reader) = Read(json);
        if (json is not JObject)
        {
            // Nothing was read, so the builder would only repeat "missing" for every element.
            return reader.Problems.AsReadOnly();
        }

        var alreadyReported = reader.Problems.SelectMany(problem => CredentialPathsFedBy(problem.JsonPath)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<MicroCredentialProblem>(reader.Problems);
        problems.AddRange(spec.ToBuilder().Validate().Where(problem => !alreadyReported.Contains(problem.JsonPath)));
        return problems.AsReadOnly();
    }

    /// <summary>Every problem with spec text; see <see cref="Check(JToken)"/>.</summary>
    public static IReadOnlyList<MicroCredentialProblem> Check(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Check(JsonInput.Parse(json));
        }
        catch (JsonInputException e)
        {
            return [new MicroCredentialProblem(MicroCredentialSpecReader.Element, e.Path is { Length: > 0 } path ? "$." + path : "$", e.Message)];
        }
    }

    private static IEnumerable<string> CredentialPathsFedBy(string specPath) =>
        FedPaths
            .Where(entry => specPath == entry.SpecPath || specPath.StartsWith(entry.SpecPath + "[", StringComparison.Ordinal))
            .SelectMany(entry => entry.CredentialPaths);

    /// <summary>A builder holding everything in this spec (add to it before building if needed).</summary>
    public MicroCredentialBuilder ToBuilder()
    {
        var builder = new MicroCredentialBuilder(Profile);
        if (Id is not null) builder.WithCredentialId(Id);
        if (Name is not null) builder.WithCredentialName(Name);
        if (Issuer is { } issuer)
        {
            if (issuer.Id is not null || issuer.Name is not null || issuer.Url is not null) builder.WithIssuer(issuer.Id ?? string.Empty, issuer.Name ?? string.Empty, issuer.Url);
            if (issuer.Email is not null) builder.WithIssuerEmail(issuer.Email);
            if (issuer.Description is not null) builder.WithIssuerDescription(issuer.Description);
            if (issuer.Brin is not null) builder.WithIssuerBrin(issuer.Brin);
            foreach (var identifier in issuer.Identifiers) builder.AddIssuerIdentifier(identifier.Identifier!, identifier.IdentifierType!);
        }

        if (Country is not null) builder.WithIssuerCountry(Country, Issuer?.CountryName, Issuer?.Locality);
        if (Learner is { } learner)
        {
            if (learner.Id is not null) builder.WithLearnerId(learner.Id);
            if (learner.Email is not null) builder.WithLearnerEmail(learner.Email, learner.Hash, learner.Salt);
            if (learner.StudentNumber is not null) builder.WithLearnerStudentNumber(learner.StudentNumber, learner.Hash, learner.Salt);
        }

        if (Title is not null) builder.WithTitle(Title);
        if (Description is not null) builder.WithDescription(Description);
        if (AchievementId is not null) builder.WithAchievementId(AchievementId);
        if (Language is not null) builder.WithLanguage(Language);
        if (IssuedOn is not null) builder.WithIssuedOn(IssuedOn);
        if (ValidUntil is not null) builder.WithValidUntil(ValidUntil);
        foreach (var outcome in LearningOutcomes) builder.AddLearningOutcome(outcome.Name, outcome.Url, outcome.Description, outcome.Code, outcome.Framework);
        if (LearningOutcomesSummary is not null) builder.WithLearningOutcomesSummary(LearningOutcomesSummary);
        if (CriteriaUrl is not null) builder.WithCriteriaUrl(CriteriaUrl);
        if (Ects is { } ects) builder.WithEcts(ects);
        if (Sbu is { } sbu) builder.WithStudyHours(sbu);
        if (EqfLevel is { } level) builder.WithEqfLevel(level);
        else if (EqfLevelNotApplicable) builder.WithEqfLevelNotApplicable();
        if (AssessmentType is { } assessment) builder.WithAssessmentType(assessment);
        if (ParticipationType is { } participation) builder.WithParticipationType(participation);
        foreach (var link in QualityAssurance) builder.AddQualityAssurance(link.Name, link.Url, link.Description, link.Code, link.Framework);
        if (Prerequisites is not null) builder.WithPrerequisites(Prerequisites);
        if (SupervisionType is { } supervision) builder.WithSupervision(supervision, IdentityChecked);
        foreach (var grade in Grades)
        {
            builder.AddGrade(grade.Id, grade.Name, grade.ResultType, grade.Value, grade.AllowedValues, grade.RequiredValue, grade.ValueMin, grade.ValueMax);
        }

        if (Stackability is { } stackability) builder.WithStackability(stackability);
        foreach (var link in PartOf) builder.AddPartOf(link.Name, link.Url, link.Description);
        foreach (var evidence in Evidence) builder.AddEvidence(evidence);
        foreach (var identifier in ProgrammeIdentifiers) builder.AddProgrammeIdentifier(identifier.Identifier!, identifier.IdentifierType!);
        if (ImageUrl is not null) builder.WithImage(ImageUrl, ImageCaption);
        if (FieldOfStudy is not null) builder.WithFieldOfStudy(FieldOfStudy);
        if (HumanCode is not null) builder.WithHumanCode(HumanCode);
        return builder;
    }

    /// <summary>Builds the credential (<see cref="MicroCredentialBuilder.Build"/>).</summary>
    /// <exception cref="MicroCredentialValidationException">Missing or invalid European elements.</exception>
    public OpenBadgeCredential Build() => ToBuilder().Build();

    private static JToken ParseText(string json)
    {
        try
        {
            return JsonInput.Parse(json);
        }
        catch (JsonInputException e)
        {
            throw ModelErrors.SpecProblem([new MicroCredentialProblem(MicroCredentialSpecReader.Element, e.Path is { Length: > 0 } path ? "$." + path : "$", e.Message)]);
        }
    }

    private static (MicroCredentialSpec Spec, MicroCredentialSpecReader Reader) Read(JToken json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new MicroCredentialSpecReader();
        if (json is not JObject root)
        {
            reader.Problem("$", $"a micro-credential spec must be a JSON object; found {MicroCredentialSpecReader.Describe(json)}");
            return (new MicroCredentialSpec(), reader);
        }

        const string at = "$";
        reader.RejectUnknownFields(root, at, TopLevelFields);

        var profile = Profiles.European;
        if (reader.String(root, "profile", at) is { } profileName && !Profiles.TryGet(profileName, out profile))
        {
            reader.Problem("$.profile", $"unknown profile '{profileName}'; use one of {string.Join(", ", Profiles.All.Select(p => p.Name))}", "M7");
            profile = Profiles.European;
        }

        var spec = new MicroCredentialSpec
        {
            Profile = profile,
            Id = reader.String(root, "id", at, "OB"),
            Name = reader.String(root, "name", at),
            Issuer = ReadIssuer(reader, root),
            Country = reader.String(root, "country", at, "M3"),
            Learner = ReadLearner(reader, root),
            Title = reader.String(root, "title", at, "M2"),
            Description = reader.String(root, "description", at, "OB"),
            AchievementId = reader.String(root, "achievementId", at, "OB"),
            Language = reader.String(root, "language", at, "OB"),
            IssuedOn = reader.String(root, "issuedOn", at, "M5"),
            ValidUntil = reader.String(root, "validUntil", at, "OB"),
            LearningOutcomes = ReadLinks(reader, root, "learningOutcomes", "M6"),
            LearningOutcomesSummary = reader.String(root, "learningOutcomesSummary", at, "M6"),
            CriteriaUrl = reader.String(root, "criteriaUrl", at, "O5"),
            Ects = reader.Number(root, "ects", at, "M7"),
            Sbu = reader.Number(root, "sbu", at, "M7"),
            QualityAssurance = ReadLinks(reader, root, "qualityAssurance", "M11"),
            Prerequisites = reader.String(root, "prerequisites", at, "O1"),
            IdentityChecked = reader.Boolean(root, "identityChecked", at, "O2"),
            Grades = ReadGrades(reader, root),
            PartOf = ReadLinks(reader, root, "partOf", "O4"),
            Evidence = ReadEvidence(reader, root),
            ProgrammeIdentifiers = ReadIdentifiers(reader, root, "programmeIdentifiers", at, "O5"),
            FieldOfStudy = reader.String(root, "fieldOfStudy", at, "OB"),
            HumanCode = reader.String(root, "humanCode", at, "OB"),
        };

        spec = ReadLevel(reader, root, spec);
        spec = spec with
        {
            AssessmentType = ReadEnum<AssessmentType>(reader, root, "assessmentType", "M9", MicroCredentialVocabulary.AssessmentTypeValues, MicroCredentialVocabulary.TryParse),
            ParticipationType = ReadEnum<ParticipationType>(reader, root, "participationType", "M10", MicroCredentialVocabulary.ParticipationTypeValues, MicroCredentialVocabulary.TryParse),
            SupervisionType = ReadEnum<SupervisionType>(reader, root, "supervisionType", "O2", MicroCredentialVocabulary.SupervisionTypeValues, MicroCredentialVocabulary.TryParse),
            Stackability = ReadEnum<Stackability>(reader, root, "stackability", "O4", MicroCredentialVocabulary.StackabilityValues, MicroCredentialVocabulary.TryParse),
        };

        if (root["image"] is { Type: JTokenType.String } imageUrl)
        {
            spec = spec with { ImageUrl = (string)imageUrl! };
        }
        else if (reader.Object(root, "image", at, "OB") is { } image)
        {
            reader.RejectUnknownFields(image, "$.image", ImageFields);
            spec = spec with { ImageUrl = reader.String(image, "url", "$.image", "OB", required: true), ImageCaption = reader.String(image, "caption", "$.image", "OB") };
        }

        return (spec, reader);
    }

    private delegate bool TryParseValue<TEnum>(string? text, out TEnum value);

    private static TEnum? ReadEnum<TEnum>(
        MicroCredentialSpecReader reader, JObject root, string name, string element, IReadOnlyCollection<string> allowed, TryParseValue<TEnum> tryParse)
        where TEnum : struct, Enum
    {
        var text = reader.String(root, name, "$", element);
        if (text is null)
        {
            return null;
        }

        if (tryParse(text, out var value))
        {
            return value;
        }

        reader.Problem("$." + name, $"'{text}' is not allowed; use one of {string.Join(", ", allowed.Select(v => $"'{v}'"))}", element);
        return null;
    }

    private static MicroCredentialSpec ReadLevel(MicroCredentialSpecReader reader, JObject root, MicroCredentialSpec spec)
    {
        if (!root.TryGetValue("eqfLevel", StringComparison.Ordinal, out var level) || level.Type == JTokenType.Null)
        {
            return spec;
        }

        if (level.Type == JTokenType.Integer)
        {
            // Any integer, however long (a BigInteger past long's range too), is in range or refused, never thrown.
            return ((JValue)level).Value is long number && number is >= int.MinValue and <= int.MaxValue
                ? spec with { EqfLevel = (int)number }
                : Refuse();
        }

        if (level.Type == JTokenType.String && string.Equals(((string)level!).Trim(), "not applicable", StringComparison.OrdinalIgnoreCase))
        {
            return spec with { EqfLevelNotApplicable = true };
        }

        return Refuse();

        MicroCredentialSpec Refuse()
        {
            reader.Problem("$.eqfLevel", $"must be an integer 1–8 or \"not applicable\"; found {MicroCredentialSpecReader.Describe(level)}", "M8");
            return spec;
        }
    }

    private static MicroCredentialSpecIssuer? ReadIssuer(MicroCredentialSpecReader reader, JObject root)
    {
        if (reader.Object(root, "issuer", "$", "M4") is not { } json)
        {
            return null;
        }

        const string at = "$.issuer";
        reader.RejectUnknownFields(json, at, IssuerFields);
        return new MicroCredentialSpecIssuer
        {
            Id = reader.String(json, "id", at, "M4"),
            Name = reader.String(json, "name", at, "M4"),
            Url = reader.String(json, "url", at, "M4"),
            Email = reader.String(json, "email", at, "M4"),
            Description = reader.String(json, "description", at, "M4"),
            Brin = NonBlank(reader, reader.String(json, "brin", at, "M4"), at + ".brin", "M4"),
            Identifiers = ReadIdentifiers(reader, json, "identifiers", at, "M4"),
            CountryName = reader.String(json, "countryName", at, "M3"),
            Locality = reader.String(json, "locality", at, "M3"),
        };
    }

    private static MicroCredentialSpecLearner? ReadLearner(MicroCredentialSpecReader reader, JObject root)
    {
        if (reader.Object(root, "learner", "$", "M1") is not { } json)
        {
            return null;
        }

        const string at = "$.learner";
        reader.RejectUnknownFields(json, at, LearnerFields);
        var email = reader.String(json, "email", at, "M1");
        var studentNumber = reader.String(json, "studentNumber", at, "M1");
        if (email is "" || studentNumber is "")
        {
            reader.Problem(email is "" ? "$.learner.email" : "$.learner.studentNumber", "must not be empty", "M1");
            email = email is "" ? null : email;
            studentNumber = studentNumber is "" ? null : studentNumber;
        }

        return new MicroCredentialSpecLearner
        {
            Id = reader.String(json, "id", at, "M1"),
            Email = email,
            StudentNumber = studentNumber,
            Hash = reader.Boolean(json, "hash", at, "M1") ?? true,
            Salt = reader.String(json, "salt", at, "M1"),
        };
    }

    private static IReadOnlyList<MicroCredentialSpecLink> ReadLinks(MicroCredentialSpecReader reader, JObject root, string name, string element)
    {
        var links = new List<MicroCredentialSpecLink>();
        foreach (var (item, path) in reader.Objects(root, name, "$", element))
        {
            reader.RejectUnknownFields(item, path, LinkFields);
            var linkName = reader.String(item, "name", path, element, required: true);
            var url = reader.String(item, "url", path, element, required: true);
            if (linkName is not null && url is not null)
            {
                links.Add(new MicroCredentialSpecLink(
                    linkName, url, reader.String(item, "description", path, element), reader.String(item, "code", path, element), reader.String(item, "framework", path, element)));
            }
        }

        return links.AsReadOnly();
    }

    // An identifier that is present must say something: "" is a problem of the spec file, not an empty identifier.
    private static string? NonBlank(MicroCredentialSpecReader reader, string? value, string path, string element)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            reader.Problem(path, "must not be empty", element);
            return null;
        }

        return value;
    }

    private static IReadOnlyList<IdentifierEntry> ReadIdentifiers(MicroCredentialSpecReader reader, JObject parent, string name, string at, string element)
    {
        var entries = new List<IdentifierEntry>();
        foreach (var (item, path) in reader.Objects(parent, name, at, element))
        {
            reader.RejectUnknownFields(item, path, IdentifierFields);
            var identifier = reader.String(item, "identifier", path, element, required: true);
            var type = reader.String(item, "type", path, element, required: true);
            if (!string.IsNullOrWhiteSpace(identifier) && !string.IsNullOrWhiteSpace(type))
            {
                entries.Add(IdentifierEntry.Create(identifier, type));
            }
            else if (identifier is not null && type is not null)
            {
                reader.Problem(path, "identifier and type must not be empty", element);
            }
        }

        return entries.AsReadOnly();
    }

    private static IReadOnlyList<MicroCredentialSpecGrade> ReadGrades(MicroCredentialSpecReader reader, JObject root)
    {
        var grades = new List<MicroCredentialSpecGrade>();
        foreach (var (item, path) in reader.Objects(root, "grades", "$", "O3"))
        {
            reader.RejectUnknownFields(item, path, GradeFields);
            var id = reader.String(item, "id", path, "O3", required: true);
            var name = reader.String(item, "name", path, "O3", required: true);
            var resultType = reader.String(item, "resultType", path, "O3", required: true);
            var value = reader.String(item, "value", path, "O3", required: true);
            var allowed = reader.Strings(item, "allowedValues", path, "O3");
            var required = reader.String(item, "requiredValue", path, "O3");
            var min = reader.String(item, "valueMin", path, "O3");
            var max = reader.String(item, "valueMax", path, "O3");
            if (id is not null && name is not null && resultType is not null && value is not null)
            {
                grades.Add(new MicroCredentialSpecGrade(id, name, resultType, value, allowed, required, min, max));
            }
        }

        return grades.AsReadOnly();
    }

    private static IReadOnlyList<Evidence> ReadEvidence(MicroCredentialSpecReader reader, JObject root)
    {
        var evidence = new List<Evidence>();
        foreach (var (item, path) in reader.Objects(root, "evidence", "$", "O5"))
        {
            reader.RejectUnknownFields(item, path, EvidenceFields);
            evidence.Add(new Evidence
            {
                Type = [Model.Evidence.TypeName],
                Id = reader.String(item, "id", path, "O5"),
                Name = reader.String(item, "name", path, "O5"),
                Description = reader.String(item, "description", path, "O5"),
                Narrative = reader.String(item, "narrative", path, "O5"),
                Genre = reader.String(item, "genre", path, "O5"),
                Audience = reader.String(item, "audience", path, "O5"),
            });
        }

        return evidence.AsReadOnly();
    }
}
