using System.Globalization;
using System.Security;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Model;

namespace OpenBadges.Elm;

public static partial class ElmExport
{
    private const string EscoSkillPrefix = "http://data.europa.eu/esco/skill/";

    private static JObject Write(MicroCredentialView view, ElmExportOptions options, CheckedInput input)
    {
        var lang = input.Language;
        var languageConcept = Concept(ElmVocabularies.Language(lang)!, ElmVocabularies.LanguageScheme);
        var awardingProcess = new JObject
        {
            ["type"] = "AwardingProcess",
            // One object, not an array: the DC4EU ELM type metadata addresses hasClaim[0].awardedBy.awardingBody.legalName.
            ["awardingBody"] = Organisation(view, input),
            ["awardingDate"] = input.IssuedOn,
        };
        var assessmentSpecification = AssessmentSpecification(view, lang);
        var achievement = new JObject
        {
            ["type"] = "LearningAchievement",
            ["title"] = Map(lang, view.Title!.Value),
            ["awardedBy"] = awardingProcess,
            ["specifiedBy"] = Specification(view, options, input, languageConcept, assessmentSpecification),
        };
        var assessments = Assessments(view, lang, awardingProcess, assessmentSpecification, input.IssuedOn);
        if (assessments.Count > 0)
        {
            achievement["provenBy"] = assessments;
        }

        var person = new JObject { ["type"] = "Person" };
        if (IsAbsoluteUri(view.LearnerId?.Value))
        {
            person["id"] = view.LearnerId!.Value;
        }

        person["givenName"] = Map(lang, input.Learner.GivenName.Trim());
        person["familyName"] = Map(lang, input.Learner.FamilyName.Trim());
        person["hasClaim"] = new JArray(achievement);

        var credential = new JObject
        {
            ["@context"] = new JArray(Contexts),
            ["id"] = options.CredentialId ?? "urn:uuid:" + Guid.NewGuid().ToString("D"),
            ["type"] = new JArray("VerifiableCredential", "VerifiableAttestation", "EuropeanDigitalCredential"),
            ["credentialSchema"] = new JArray(new JObject { ["id"] = EdcGenericSchema, ["type"] = "ShaclValidator2017" }),
            ["credentialProfiles"] = new JArray(Concept(ElmVocabularies.CredentialProfileGeneric, ElmVocabularies.CredentialProfileScheme, lang, "Generic")),
            ["issuer"] = Organisation(view, input),
            ["issuanceDate"] = view.IssuedOn!.Value,
            ["issued"] = view.IssuedOn.Value,
            ["validFrom"] = view.IssuedOn.Value,
        };
        if (view.ValidUntil is { } until && IsDateTimeWithZone(until.Value))
        {
            credential["validUntil"] = until.Value;
        }

        credential["credentialSubject"] = person;
        credential["displayParameter"] = Display(view, input, languageConcept);
        return credential;
    }

    private static JObject Organisation(MicroCredentialView view, CheckedInput input)
    {
        var issuer = view.AwardingBody!.Value;
        var organisation = new JObject { ["type"] = "Organisation" };
        if (IsAbsoluteUri(issuer.Id))
        {
            organisation["id"] = issuer.Id;
        }

        organisation["legalName"] = Map(input.Language, issuer.Name!);
        organisation["location"] = new JArray(new JObject
        {
            ["type"] = "Location",
            ["address"] = new JArray(new JObject
            {
                ["type"] = "Address",
                ["countryCode"] = Concept(input.CountryIri, ElmVocabularies.CountryScheme, notation: view.CountryCode!.Value),
            }),
        });
        if (IsAbsoluteUri(issuer.Url))
        {
            organisation["homepage"] = new JArray(WebResource(null, null, issuer.Url!));
        }

        var identifiers = issuer.OtherIdentifiers.Where(i => !string.IsNullOrEmpty(i.Identifier)).Select(Identifier).ToList();
        if (identifiers.Count > 0)
        {
            organisation["identifier"] = new JArray(identifiers);
        }

        return organisation;
    }

    private static JObject Specification(MicroCredentialView view, ElmExportOptions options, CheckedInput input, JObject languageConcept, JObject assessmentSpecification)
    {
        var lang = input.Language;
        var notes = new List<JObject>();
        var specification = new JObject
        {
            ["type"] = "LearningAchievementSpecification",
            ["title"] = Map(lang, view.Title!.Value),
        };
        if (view.Description is { } description)
        {
            specification["description"] = Map(lang, description.Value);
        }

        if (view.ProgrammeIdentifiers.FirstOrDefault(i => !string.IsNullOrEmpty(i.Value.Identifier)) is { } programme)
        {
            // ELM allows one identifier on a specification; the first programme code (CROHO/CREBO) is the one a registry knows.
            specification["identifier"] = Identifier(programme.Value);
        }

        if (IsHttpUrl(view.AchievementId?.Value))
        {
            specification["homepage"] = new JArray(WebResource(null, null, view.AchievementId!.Value));
        }

        specification["language"] = new JArray(languageConcept.DeepClone());

        // M6
        specification["learningOutcome"] = new JArray(view.LearningOutcomes.Select(o => LearningOutcome(o.Value, lang)));
        if (view.LearningOutcomesSummary is { } summary)
        {
            specification["learningOutcomeSummary"] = Note(lang, summary.Value);
        }

        // M7: ECTS as credit points; hours (SBU study hours, eduCredentials' timeInvestment) as the volume of learning.
        if (view.Ects is { } ects)
        {
            specification["creditPoint"] = new JArray(new JObject
            {
                ["type"] = "CreditPoint",
                ["framework"] = Concept(ElmVocabularies.Ects, ElmVocabularies.CreditSystemScheme, lang, "European Credit Transfer and Accumulation System"),
                ["point"] = ects.Value.ToString(CultureInfo.InvariantCulture),
            });
        }

        if ((view.TimeInvestmentHours ?? view.Sbu) is { } hours)
        {
            specification["volumeOfLearning"] = Hours(hours.Value);
        }

        // M8
        if (input.EqfLevel is { } level)
        {
            specification["educationLevel"] = new JArray(Concept(ElmVocabularies.EqfLevel(level), ElmVocabularies.EqfScheme, lang, "Level " + level.ToString(CultureInfo.InvariantCulture)));
        }

        // M10: the Annex I form of participation as ELM modes where a mode says the same, and always as a note.
        var modes = Modes(view.ParticipationType, lang);
        if (modes.Count > 0)
        {
            specification["mode"] = new JArray(modes);
        }

        notes.Add(Note(lang, "Form of participation: " + view.ParticipationTypeText!.Value));
        if (options.LearningSetting is { } setting)
        {
            specification["learningSetting"] = setting == ElmLearningSetting.Formal
                ? Concept(ElmVocabularies.LearningSettingFormal, ElmVocabularies.LearningSettingScheme, lang, "formal learning")
                : Concept(ElmVocabularies.LearningSettingNonFormal, ElmVocabularies.LearningSettingScheme, lang, "non-formal learning");
        }

        // O1
        if (view.Prerequisites is { } prerequisites)
        {
            specification["entryRequirement"] = Note(lang, prerequisites.Value);
        }

        // M11: the framework or decision as a document, its description as a note.
        specification["supplementaryDocument"] = new JArray(view.QualityAssurance.Select(q => WebResource(lang, q.Value.TargetName, q.Value.TargetUrl!)));
        foreach (var assurance in view.QualityAssurance.Where(q => q.Value.TargetDescription is not null))
        {
            notes.Add(Note(lang, $"Quality assurance: {assurance.Value.TargetName} — {assurance.Value.TargetDescription}"));
        }

        // O2
        if (view.SupervisionTypeText is not null || view.IdentityChecked is not null)
        {
            var identity = view.IdentityChecked is { } identityChecked ? (identityChecked.Value ? "identity checked" : "identity not checked") : null;
            notes.Add(Note(lang, "Supervision and identity check: " + string.Join("; ", new[] { view.SupervisionTypeText?.Value, identity }.Where(p => p is not null))));
        }

        // O4
        if (view.StackabilityText is { } stackability)
        {
            notes.Add(Note(lang, "Stackability: " + stackability.Value));
        }

        var larger = view.PartOf.Where(p => !string.IsNullOrWhiteSpace(p.Value.TargetName)).Select(p => PartOf(p.Value, lang)).ToList();
        if (larger.Count > 0)
        {
            specification["isPartOf"] = new JArray(larger);
        }

        // M9
        specification["provenBy"] = new JArray(assessmentSpecification);
        specification["additionalNote"] = new JArray(notes);
        return specification;
    }

    private static JObject AssessmentSpecification(MicroCredentialView view, string lang)
    {
        var specification = new JObject
        {
            ["type"] = "LearningAssessmentSpecification",
            ["title"] = Map(lang, "Assessment: " + view.Title!.Value),
            ["dcType"] = AssessmentConcept(view, lang),
        };
        if (IsHttpUrl(view.CriteriaUrl?.Value))
        {
            specification["homepage"] = new JArray(WebResource(null, null, view.CriteriaUrl!.Value));
        }

        return specification;
    }

    private static JArray Assessments(MicroCredentialView view, string lang, JObject awardingProcess, JObject assessmentSpecification, string issuedOn)
    {
        var assessments = new JArray();
        foreach (var grade in view.Grades.Select(g => g.Value))
        {
            var value = grade.Value ?? grade.Status;
            if (value is null)
            {
                continue;
            }

            var assessment = new JObject
            {
                ["type"] = "LearningAssessment",
                ["title"] = Map(lang, grade.Name ?? "Result"),
                ["dcType"] = new JArray(AssessmentConcept(view, lang)),
                ["grade"] = Note(lang, value),
                ["dateIssued"] = issuedOn,
                ["awardedBy"] = awardingProcess.DeepClone(),
                ["specifiedBy"] = new JArray(assessmentSpecification.DeepClone()),
            };
            var details = new List<string>();
            if (grade.RequiredValue is { } required)
            {
                details.Add("pass mark " + required);
            }

            if (grade.ValueMin is { } min && grade.ValueMax is { } max)
            {
                details.Add($"scale {min}–{max}");
            }

            if (details.Count > 0)
            {
                assessment["additionalNote"] = new JArray(Note(lang, string.Join(", ", details)));
            }

            assessments.Add(assessment);
        }

        return assessments;
    }

    // M9: the Annex I phrase always as the label; an EU assessment-type IRI only where that vocabulary has the same concept.
    private static JObject AssessmentConcept(MicroCredentialView view, string lang)
    {
        var label = view.AssessmentTypeText!.Value;
        return view.AssessmentType switch
        {
            AssessmentType.Portfolio => Concept(ElmVocabularies.AssessmentPortfolio, ElmVocabularies.AssessmentScheme, lang, label),
            AssessmentType.ApplicationOfASkill => Concept(ElmVocabularies.AssessmentPractical, ElmVocabularies.AssessmentScheme, lang, label),
            _ => new JObject { ["type"] = "Concept", ["prefLabel"] = Map(lang, label) },
        };
    }

    private static List<JObject> Modes(ParticipationType? participation, string lang) => participation switch
    {
        ParticipationType.Online => [Concept(ElmVocabularies.ModeOnline, ElmVocabularies.ModeScheme, lang, "online")],
        ParticipationType.OnsiteOrBlended =>
        [
            Concept(ElmVocabularies.ModePresential, ElmVocabularies.ModeScheme, lang, "presential"),
            Concept(ElmVocabularies.ModeBlended, ElmVocabularies.ModeScheme, lang, "blended"),
        ],
        ParticipationType.WorkExperience => [Concept(ElmVocabularies.ModeWorkBased, ElmVocabularies.ModeScheme, lang, "work-based")],
        _ => [],
    };

    private static JObject LearningOutcome(AlignmentView outcome, string lang)
    {
        var learningOutcome = new JObject { ["type"] = "LearningOutcome", ["title"] = Map(lang, outcome.TargetName!) };
        if (outcome.TargetUrl is { } url && url.StartsWith(EscoSkillPrefix, StringComparison.Ordinal))
        {
            learningOutcome["relatedESCOSkill"] = new JArray(new JObject { ["id"] = url, ["type"] = "Concept", ["prefLabel"] = Map(lang, outcome.TargetName!) });
        }
        else if (IsAbsoluteUri(outcome.TargetUrl))
        {
            learningOutcome["relatedSkill"] = new JArray(new JObject { ["id"] = outcome.TargetUrl, ["type"] = "Concept", ["prefLabel"] = Map(lang, outcome.TargetName!) });
        }

        if (outcome.TargetDescription is { } description)
        {
            learningOutcome["additionalNote"] = new JArray(Note(lang, description));
        }

        return learningOutcome;
    }

    private static JObject PartOf(AlignmentView larger, string lang)
    {
        var specification = new JObject { ["type"] = "LearningAchievementSpecification", ["title"] = Map(lang, larger.TargetName!) };
        if (IsHttpUrl(larger.TargetUrl))
        {
            specification["homepage"] = new JArray(WebResource(null, null, larger.TargetUrl!));
        }

        return specification;
    }

    private static JObject Display(MicroCredentialView view, CheckedInput input, JObject languageConcept)
    {
        var page = Encoding.UTF8.GetBytes(SummaryPage(view, input));
        return new JObject
        {
            ["type"] = "DisplayParameter",
            ["title"] = Map(input.Language, view.Title!.Value),
            ["language"] = new JArray(languageConcept.DeepClone()),
            ["primaryLanguage"] = languageConcept.DeepClone(),
            ["individualDisplay"] = new JArray(new JObject
            {
                ["type"] = "IndividualDisplay",
                ["language"] = languageConcept.DeepClone(),
                ["displayDetail"] = new JArray(new JObject
                {
                    ["type"] = "DisplayDetail",
                    ["page"] = 1,
                    ["image"] = new JObject
                    {
                        ["type"] = "MediaObject",
                        ["contentType"] = Concept(ElmVocabularies.FileTypeScheme + "/SVG", ElmVocabularies.FileTypeScheme, input.Language, "SVG"),
                        ["contentEncoding"] = Concept(ElmVocabularies.EncodingBase64, ElmVocabularies.EncodingScheme, input.Language, "base64"),
                        ["content"] = Convert.ToBase64String(page),
                    },
                }),
            }),
        };
    }

    // ELM requires a rendering of the credential; a plain text page of the main elements is one no-one can mistake for a designed certificate.
    private static string SummaryPage(MicroCredentialView view, CheckedInput input)
    {
        var lines = new List<string>
        {
            view.Title!.Value,
            $"{input.Learner.GivenName.Trim()} {input.Learner.FamilyName.Trim()}",
            $"Awarded by {view.AwardingBody!.Value.Name} ({view.CountryCode!.Value}) on {input.IssuedOn}",
        };
        if (view.Ects is { } ects)
        {
            lines.Add($"{ects.Value.ToString(CultureInfo.InvariantCulture)} ECTS credits");
        }

        if (input.EqfLevel is { } level)
        {
            lines.Add("EQF level " + level.ToString(CultureInfo.InvariantCulture));
        }

        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"400\" viewBox=\"0 0 800 400\">");
        svg.Append("<rect width=\"800\" height=\"400\" fill=\"#ffffff\"/>");
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"40\" y=\"{80 + (i * 50)}\" font-family=\"sans-serif\" font-size=\"{(i == 0 ? 28 : 20)}\">")
                .Append(SecurityElement.Escape(lines[i]))
                .Append("</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static JObject Identifier(IdentifierView identifier)
    {
        var entry = new JObject { ["type"] = "Identifier", ["notation"] = identifier.Identifier };
        if (identifier.IdentifierType is { } type)
        {
            entry["schemeName"] = type.StartsWith("ext:", StringComparison.Ordinal) ? type[4..] : type;
        }

        return entry;
    }

    private static JObject WebResource(string? lang, string? title, string url)
    {
        var resource = new JObject { ["type"] = "WebResource" };
        if (lang is not null && !string.IsNullOrWhiteSpace(title))
        {
            resource["title"] = Map(lang, title);
        }

        resource["contentURL"] = url;
        return resource;
    }

    private static JObject Concept(string id, string scheme, string? lang = null, string? label = null, string? notation = null)
    {
        var concept = new JObject
        {
            ["id"] = id,
            ["type"] = "Concept",
            ["inScheme"] = new JObject { ["id"] = scheme, ["type"] = "ConceptScheme" },
        };
        if (lang is not null && label is not null)
        {
            concept["prefLabel"] = Map(lang, label);
        }

        if (notation is not null)
        {
            concept["notation"] = notation;
        }

        return concept;
    }

    private static JObject Note(string lang, string text) => new() { ["type"] = "Note", ["noteLiteral"] = Map(lang, text) };

    private static JObject Map(string lang, string text) => new() { [lang] = text };

    // ISO 8601 duration in whole minutes: JSON Schema's "duration" format takes no decimal fractions.
    private static string Hours(decimal hours)
    {
        var minutes = (long)Math.Round(hours * 60m, MidpointRounding.AwayFromZero);
        var (h, m) = (minutes / 60, minutes % 60);
        return m == 0 ? FormattableString.Invariant($"PT{h}H") : FormattableString.Invariant($"PT{h}H{m}M");
    }

    private static bool IsHttpUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
