using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Schemas;

namespace OpenBadges.Model;

public sealed partial class MicroCredentialBuilder
{
    private const string EqfIriPrefix = "http://data.europa.eu/snb/eqf/";
    private const string EscoIriPrefix = "http://data.europa.eu/esco/";

    /// <summary>
    /// Builds the credential: <c>@context</c> [VC 2.0, OB 3.0.3, the inline <see cref="MicroCredentialContext"/>],
    /// <c>type</c> [<c>VerifiableCredential</c>, <c>OpenBadgeCredential</c>], achievement <c>type</c>
    /// [<c>Achievement</c>, <c>EuropeanMicroCredential</c>], <c>achievementType</c> <c>MicroCredential</c>. Unsigned:
    /// sign it with the proof layer. Use <see cref="OpenBadgesObject.ToJObject"/> for its JSON.
    /// </summary>
    /// <remarks>
    /// As a last check the credential is validated against the OB 3.0 JSON schema, so values this builder passes through
    /// unchecked (e.g. an <c>identityType</c> or <c>resultType</c> outside OB's vocabularies without the <c>ext:</c>
    /// prefix) are refused too, as element <c>OB</c> with the schema's path and error kind.
    /// </remarks>
    /// <exception cref="MicroCredentialValidationException">Any element is missing or invalid; lists them all.</exception>
    public OpenBadgeCredential Build()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw ModelErrors.BuilderProblems(problems);
        }

        var credential = Assemble();
        var json = credential.ToJObject();
        var schemaProblems = OpenBadgesSchemas.ValidateAchievementCredential(json)
            .SelectMany(error => Leaves(error, json))
            .GroupBy(error => SchemaPathToJsonPath(error.Path), StringComparer.Ordinal)
            .Select(group => new MicroCredentialProblem("OB", group.Key, DescribeSchemaErrors(group.ToList())))
            .ToList();
        return schemaProblems.Count == 0 ? credential : throw ModelErrors.BuilderProblems(schemaProblems);
    }

    // The errors that say what failed. For a one-or-many property holding an array, the single-object alternative's
    // complaints ("ObjectExpected", its missing properties) are noise: keep the array items' errors only.
    private static IEnumerable<SchemaValidationError> Leaves(SchemaValidationError error, JObject json)
    {
        if (error.Details.Count == 0)
        {
            return [error];
        }

        var leaves = error.Details.SelectMany(detail => Leaves(detail, json)).ToList();
        var path = SchemaPathToJsonPath(error.Path);
        if (TrySelect(json, path) is JArray)
        {
            var itemErrors = leaves.Where(leaf => SchemaPathToJsonPath(leaf.Path).StartsWith(path + "[", StringComparison.Ordinal)).ToList();
            if (itemErrors.Count > 0)
            {
                return itemErrors;
            }
        }

        return leaves;
    }

    private static JToken? TrySelect(JObject json, string path)
    {
        try
        {
            return json.SelectToken(path);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // A schema path that is not valid JSONPath (e.g. "$.@context"): treat as not an array.
            return null;
        }
    }

    private static string DescribeSchemaErrors(IReadOnlyList<SchemaValidationError> errors)
    {
        var kinds = errors.Select(error => error.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // OB's extensible vocabularies are "one of the listed values, or a name starting with ext:".
        if (kinds.SequenceEqual(["NotInEnumeration", "PatternMismatch"]))
        {
            return "the value is not in the Open Badges 3.0 vocabulary for this field and is not an 'ext:' extension (e.g. 'ext:StudentNumber')";
        }

        return "the Open Badges 3.0 JSON schema reports " + string.Join(", ", errors
            .Select(error => error.Property is null ? error.Kind : $"{error.Kind} ({error.Property})")
            .Distinct(StringComparer.Ordinal));
    }

    // NJsonSchema writes "#/credentialSubject.identifier[0].identityType"; the problems use JSONPath.
    private static string SchemaPathToJsonPath(string schemaPath) =>
        schemaPath.StartsWith("#/", StringComparison.Ordinal) ? "$." + schemaPath[2..] : "$";

    private OpenBadgeCredential Assemble()
    {

        var achievement = new Achievement
        {
            Id = _achievementId ?? NewUrn(),
            Type = [Achievement.TypeName, MicroCredentialContext.TypeName],
            AchievementType = "MicroCredential",
            Name = _title,
            Description = _description,
            Criteria = new Criteria { Id = _criteriaUrl, Narrative = _learningOutcomesSummary },
            Image = _imageUrl is null ? null : new Image { Id = _imageUrl, Type = Image.TypeName, Caption = _imageCaption },
            CreditsAvailable = Normalize(_ects ?? _studyHours),
            FieldOfStudy = _fieldOfStudy,
            HumanCode = _humanCode,
            InLanguage = _language,
            Alignment = BuildAlignments(),
            OtherIdentifier = _achievementIdentifiers.ToList().AsReadOnly(),
            ResultDescription = _resultDescriptions.ToList().AsReadOnly(),
            AdditionalProperties = BuildExtensionTerms(),
        };

        var issuedOn = _issuedOn!;
        return new OpenBadgeCredential
        {
            Context =
            [
                EmbeddedContexts.CredentialsV2,
                EmbeddedContexts.OpenBadgesV303,
                MicroCredentialContext.CreateInlineContext(),
            ],
            Id = _credentialId ?? NewUrn(),
            Type = ["VerifiableCredential", OpenBadgeCredential.TypeName],
            Name = _credentialName ?? _title,
            Issuer = BuildIssuer(),
            ValidFrom = issuedOn,
            ValidUntil = _validUntil,
            AwardedDate = issuedOn,
            CredentialSubject = new AchievementSubject
            {
                Id = _learnerId,
                Type = [AchievementSubject.TypeName],
                Identifier = _learnerIdentities.ToList().AsReadOnly(),
                Achievement = achievement,
                Result = _results.ToList().AsReadOnly(),
            },
            Evidence = _evidence.ToList().AsReadOnly(),
        };
    }

    private Profile BuildIssuer() => new()
    {
        Id = _issuerId,
        Type = [Model.Profile.TypeName],
        Name = _issuerName,
        Url = _issuerUrl,
        Email = _issuerEmail,
        Description = _issuerDescription,
        Address = new Address
        {
            Type = [Address.TypeName],
            AddressCountry = _countryName,
            AddressCountryCode = _countryCode,
            AddressLocality = _locality,
        },
        OtherIdentifier = _issuerIdentifiers.ToList().AsReadOnly(),
    };

    private IReadOnlyList<Alignment> BuildAlignments()
    {
        // The order here is the one FirstAlignmentIndex assumes for problem paths.
        var alignments = new List<Alignment>();
        alignments.AddRange(_learningOutcomes.Select(outcome => Align(
            LearningOutcomeType, outcome,
            outcome.Framework ?? (outcome.Url.StartsWith(EscoIriPrefix, StringComparison.Ordinal) ? "ESCO" : null))));

        if (_eqfLevel is { } level)
        {
            alignments.Add(new Alignment
            {
                Type = [Alignment.TypeName],
                TargetType = EqfType,
                TargetName = $"EQF level {level}",
                TargetCode = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TargetFramework = "European Qualifications Framework",
                TargetUrl = EqfIriPrefix + level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        alignments.AddRange(_qualityAssurance.Select(link => Align(QualityAssuranceType, link, link.Framework)));
        alignments.AddRange(_partOf.Select(link => Align(PartOfType, link, link.Framework)));
        return alignments.AsReadOnly();
    }

    private static Alignment Align(string targetType, FrameworkLink link, string? framework) => new()
    {
        Type = [Alignment.TypeName],
        TargetType = targetType,
        TargetName = link.Name,
        TargetUrl = link.Url,
        TargetDescription = link.Description,
        TargetCode = link.Code,
        TargetFramework = framework,
    };

    private Dictionary<string, JToken> BuildExtensionTerms()
    {
        var terms = new Dictionary<string, JToken>(StringComparer.Ordinal);
        if (Normalize(_ects) is { } ects)
        {
            terms[MicroCredentialContext.EctsTerm] = NumberToken(ects);
        }

        if (Normalize(_studyHours) is { } hours)
        {
            terms[MicroCredentialContext.SbuTerm] = NumberToken(hours);
        }

        terms[MicroCredentialContext.AssessmentTypeTerm] = MicroCredentialVocabulary.ToJsonValue(_assessmentType!.Value);
        terms[MicroCredentialContext.ParticipationTypeTerm] = MicroCredentialVocabulary.ToJsonValue(_participationType!.Value);
        if (_prerequisites is not null)
        {
            terms[MicroCredentialContext.PrerequisitesTerm] = _prerequisites;
        }

        if (_supervisionType is { } supervision)
        {
            terms[MicroCredentialContext.SupervisionTypeTerm] = MicroCredentialVocabulary.ToJsonValue(supervision);
            terms[MicroCredentialContext.IdentityCheckedTerm] = _identityChecked ?? MicroCredentialVocabulary.ChecksIdentity(supervision);
        }

        if (_stackability is { } stackability)
        {
            terms[MicroCredentialContext.StackabilityTerm] = MicroCredentialVocabulary.ToJsonValue(stackability);
        }

        return terms;
    }

    // Trailing zeros dropped (5.0 → 5, 7.50 → 7.5): JSON-LD processors in other languages read 5.0 and 5 alike,
    // and the integer form is what they would print.
    private static decimal? Normalize(decimal? value) => value / 1.000000000000000000000000000000000m;

    // Integral values as JSON integers (see DecimalNumberConverter for why the form matters).
    private static JToken NumberToken(decimal value) =>
        value.Scale == 0 && value >= long.MinValue && value <= long.MaxValue ? new JValue((long)value) : new JValue(value);

    private static string NewUrn() => "urn:uuid:" + Guid.NewGuid().ToString("D");
}
