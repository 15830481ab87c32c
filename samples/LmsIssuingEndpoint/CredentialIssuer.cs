using System.Collections.Concurrent;
using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Model;
using OpenBadges.Proofs;
using OpenBadges.Status;

namespace LmsIssuingEndpoint;

/// <summary>What the LMS sends on course completion.</summary>
public sealed record IssueRequest(string? CourseId, LearnerRequest? Learner, string? Grade, string? CompletedOn);

/// <summary>The learner (M1): at least one of id, email, studentNumber. E-mail and student number are hashed (salted).</summary>
public sealed record LearnerRequest(string? Id, string? Email, string? StudentNumber);

/// <summary>A credential this service issued, with its place in the status list.</summary>
public sealed record IssuedCredential(string Id, JObject Signed, string StatusList, int StatusIndex)
{
    public bool Revoked { get; set; }
}

/// <summary>
/// Builds a micro-credential for a course completion with <see cref="MicroCredentialBuilder"/>, gives it a revocation
/// status entry, signs it, and keeps it (in memory, thread-safe) so it can be revoked.
/// </summary>
public sealed class CredentialIssuer(CourseCatalogue catalogue, IssuerSettings issuer, IssuerKey key, StatusLists statusLists)
{
    private readonly ConcurrentDictionary<string, IssuedCredential> _issued = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the request; the errors are keyed by request field, as ASP.NET Core validation problems are.</summary>
    public Dictionary<string, string[]> Validate(IssueRequest request)
    {
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

        return errors;
    }

    /// <summary>Builds and signs the credential for a validated request.</summary>
    /// <exception cref="MicroCredentialValidationException">The builder found a problem (e.g. a learner id that is not an IRI).</exception>
    public async Task<IssuedCredential> IssueAsync(IssueRequest request, CancellationToken cancellationToken)
    {
        var course = catalogue.Courses[request.CourseId!];
        var id = Guid.NewGuid().ToString("D");
        var builder = new MicroCredentialBuilder()
            .WithCredentialId("urn:uuid:" + id)
            .WithIssuer(key.IssuerId, issuer.Name, issuer.Url)                                   // M4
            .WithIssuerCountry(issuer.Country)                                                   // M3
            .WithTitle(course.Title)                                                             // M2
            .WithDescription(course.Description)
            .WithIssuedOn(request.CompletedOn ?? DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) // M5
            .WithLearningOutcomesSummary(course.LearningOutcomesSummary)                         // M6
            .WithAssessmentType(course.AssessmentType)                                           // M9
            .WithParticipationType(course.ParticipationType);                                    // M10
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
        var (list, index) = statusLists.Allocate();
        credential["credentialStatus"] = StatusListCredentials.Entry(statusLists.UrlOf(list), index);
        var signed = await DataIntegritySigner.SignAsync(credential, key.Signer, Cryptosuites.EddsaRdfc2022, cancellationToken: cancellationToken);
        var issued = new IssuedCredential(id, signed, list, index);
        _issued[id] = issued;
        return issued;
    }

    /// <summary>The credential with <paramref name="id"/> (the UUID of its <c>urn:uuid:</c> id), or null.</summary>
    public IssuedCredential? Find(string id) => _issued.TryGetValue(id, out var issued) ? issued : null;

    /// <summary>Revokes a credential (idempotent); null when unknown.</summary>
    public IssuedCredential? Revoke(string id)
    {
        if (!_issued.TryGetValue(id, out var issued))
        {
            return null;
        }

        statusLists.Revoke(issued.StatusIndex);
        issued.Revoked = true;
        return issued;
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private static bool IsDateTimeWithZone(string text) =>
        (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':'))
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
