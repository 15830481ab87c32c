using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;

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
    /// <exception cref="MicroCredentialValidationException">Any element is missing or invalid; lists them all.</exception>
    public OpenBadgeCredential Build()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new MicroCredentialValidationException(problems);
        }

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
