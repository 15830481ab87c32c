namespace OpenBadges.Cli.Batch;

/// <summary>The columns a learners CSV may have (docs/batch-issuing.md), matched case-insensitively.</summary>
internal static class BatchColumns
{
    public const string LearnerId = "learnerId";
    public const string Email = "email";
    public const string StudentNumber = "studentNumber";
    public const string Name = "name";
    public const string Grade = "grade";
    public const string IssuedOn = "issuedOn";
    public const string ValidUntil = "validUntil";
    public const string EvidenceUrl = "evidenceUrl";

    /// <summary>Every known column, in the order the docs list them.</summary>
    public static readonly string[] All = [LearnerId, Email, StudentNumber, Name, Grade, IssuedOn, ValidUntil, EvidenceUrl];

    /// <summary>The columns that identify a learner (M1), in the order the learner key is taken from.</summary>
    public static readonly string[] LearnerKeys = [LearnerId, StudentNumber, Email];

    /// <summary>The canonical spelling of a header cell, or null when it is not a known column.</summary>
    public static string? Canonical(string header) =>
        All.FirstOrDefault(name => string.Equals(name, header.Trim(), StringComparison.OrdinalIgnoreCase));
}
