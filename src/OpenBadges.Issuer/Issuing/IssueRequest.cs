namespace OpenBadges.Issuer.Issuing;

/// <summary>What the LMS sends on course completion.</summary>
/// <param name="CourseId">The LMS course (an entry of the course catalogue).</param>
/// <param name="Learner">The learner (M1).</param>
/// <param name="Grade">The learner's grade, for a graded course.</param>
/// <param name="CompletedOn">When the learner completed the course (ISO 8601 with a zone); default now. Its date is the award date.</param>
/// <param name="StatusPurpose"><c>revocation</c> (default) or <c>suspension</c>: which status list entry the credential carries.</param>
/// <param name="IdempotencyKey">In a batch: this item's idempotency key (a single request uses the Idempotency-Key header).</param>
public sealed record IssueRequest(string? CourseId, LearnerRequest? Learner, string? Grade = null, string? CompletedOn = null, string? StatusPurpose = null, string? IdempotencyKey = null);
