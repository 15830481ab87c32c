using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Model;
using OpenBadges.Status;

namespace OpenBadges.Issuer.Issuing;

/// <summary>
/// Checks a completion against the course catalogue and builds its unsigned micro-credential with
/// <see cref="MicroCredentialBuilder"/>; also derives the natural key that makes the same award idempotent.
/// </summary>
public sealed class CredentialFactory(CourseCatalogue catalogue, IssuerProfile issuer)
{
    /// <summary>Checks the request; the errors are keyed by request field, as ASP.NET Core validation problems are.</summary>
    public Dictionary<string, string[]> Validate(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.CourseId))
        {
            errors["courseId"] = ["courseId is required: the LMS course the learner completed."];
        }
        else if (!catalogue.Courses.TryGetValue(request.CourseId, out var course))
        {
            errors["courseId"] = [$"unknown course '{request.CourseId}'; this endpoint awards: {string.Join(", ", catalogue.Courses.Keys.Order(StringComparer.Ordinal))}."];
        }
        else if (course.Grade is not null && string.IsNullOrWhiteSpace(request.Grade))
        {
            errors["grade"] = [$"course '{request.CourseId}' is graded: send the learner's grade."];
        }
        else if (course.Grade is null && request.Grade is not null)
        {
            errors["grade"] = [$"course '{request.CourseId}' awards no grade; leave grade out."];
        }

        var learner = request.Learner;
        if (learner is null || (string.IsNullOrWhiteSpace(learner.Id) && string.IsNullOrWhiteSpace(learner.Email) && string.IsNullOrWhiteSpace(learner.StudentNumber)))
        {
            errors["learner"] = ["learner needs at least one of id (a DID or URL), email, studentNumber (M1)."];
        }
        else if (learner.Email is { } email && !LooksLikeEmail(email))
        {
            errors["learner.email"] = [$"'{email}' is not an e-mail address (local@domain.tld)."];
        }

        if (request.CompletedOn is { } completedOn && !IsDateTimeWithZone(completedOn))
        {
            errors["completedOn"] = [$"'{completedOn}' is not an ISO 8601 date-time with a zone, e.g. 2025-07-04T10:00:00Z."];
        }

        if (request.StatusPurpose is not (null or "revocation" or "suspension"))
        {
            errors["statusPurpose"] = [$"statusPurpose '{request.StatusPurpose}' is not supported; use 'revocation' or 'suspension'."];
        }

        return errors;
    }

    /// <summary>The award date (yyyy-MM-dd, UTC) of a validated request: the completion's date, else <paramref name="now"/>'s.</summary>
    public static string AwardDate(IssueRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = request.CompletedOn is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None) : now;
        return at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>What identifies the learner in storage: the learner's id, or a hash of the other identifiers (never an e-mail address in clear).</summary>
    public static string LearnerKey(LearnerRequest learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (!string.IsNullOrWhiteSpace(learner.Id))
        {
            return learner.Id.Trim();
        }

        var identifiers = $"email:{learner.Email?.Trim().ToLowerInvariant()}|studentNumber:{learner.StudentNumber?.Trim()}";
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identifiers)));
    }

    /// <summary>The natural key: the same learner, achievement and award date is one award.</summary>
    public string NaturalKey(IssueRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = $"{LearnerKey(request.Learner!)}\n{AchievementOf(request)}\n{AwardDate(request, now)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The achievement a request awards: the course's achievement id, else the course id.</summary>
    public string AchievementOf(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var course = catalogue.Courses[request.CourseId!];
        return course.AchievementId ?? "course:" + request.CourseId!.ToLowerInvariant();
    }

    /// <summary>Builds the unsigned credential for a validated request, with <paramref name="status"/> as its credentialStatus.</summary>
    /// <exception cref="MicroCredentialValidationException">The builder found a problem (e.g. a learner id that is not an IRI).</exception>
    public JObject Build(IssueRequest request, string credentialUuid, string issuerId, JObject status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var course = catalogue.Courses[request.CourseId!];
        var builder = new MicroCredentialBuilder()
            .WithCredentialId("urn:uuid:" + credentialUuid)
            .WithIssuer(issuerId, issuer.Name, issuer.Url)                                        // M4
            .WithIssuerCountry(issuer.Country)                                                    // M3
            .WithTitle(course.Title)                                                              // M2
            .WithDescription(course.Description)
            .WithIssuedOn(request.CompletedOn ?? now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) // M5
            .WithLearningOutcomesSummary(course.LearningOutcomesSummary)                          // M6
            .WithAssessmentType(course.AssessmentType)                                            // M9
            .WithParticipationType(course.ParticipationType);                                     // M10
        if (issuer.Brin is not null) builder.WithIssuerBrin(issuer.Brin);
        if (course.AchievementId is not null) builder.WithAchievementId(course.AchievementId);
        if (course.Language is not null) builder.WithLanguage(course.Language);
        foreach (var outcome in course.LearningOutcomes) builder.AddLearningOutcome(outcome.Name, outcome.Url);       // M6
        if (course.Ects is { } ects) builder.WithEcts(ects);                                                          // M7
        if (course.StudyHours is { } hours) builder.WithStudyHours(hours);
        if (course.EqfLevel is { } level) builder.WithEqfLevel(level); else builder.WithEqfLevelNotApplicable();      // M8
        foreach (var qa in course.QualityAssurance) builder.AddQualityAssurance(qa.Name, qa.Url);                     // M11
        if (request.Learner!.Id is { Length: > 0 } learnerId) builder.WithLearnerId(learnerId);                       // M1
        if (request.Learner.Email is { Length: > 0 } email) builder.WithLearnerEmail(email);
        if (request.Learner.StudentNumber is { Length: > 0 } number) builder.WithLearnerStudentNumber(number);
        if (course.Grade is { } grade)                                                                                 // O3
        {
            builder.AddGrade(grade.Id, grade.Name, grade.ResultType, request.Grade!, requiredValue: grade.RequiredValue, valueMin: grade.ValueMin, valueMax: grade.ValueMax);
        }

        var credential = builder.Build().ToJObject();
        credential["credentialStatus"] = status;
        return credential;
    }

    /// <summary>The credentialStatus entry for a slot of the list published at <paramref name="listUrl"/>.</summary>
    public static JObject StatusEntry(string listUrl, int index, string purpose) => StatusListCredentials.Entry(listUrl, index, purpose);

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private static bool IsDateTimeWithZone(string text) =>
        (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
