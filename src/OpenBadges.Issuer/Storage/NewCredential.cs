namespace OpenBadges.Issuer.Storage;

/// <summary>A signed credential to store.</summary>
/// <param name="Id">The credential id's UUID (the credential's <c>id</c> is <c>urn:uuid:</c> + it).</param>
/// <param name="IdempotencyKey">The caller's Idempotency-Key, or null.</param>
/// <param name="NaturalKey">Hash of learner + achievement + award date: the same award is never issued twice.</param>
/// <param name="Learner">The learner's id, or a hash of the learner's identifiers (never an e-mail address in clear).</param>
/// <param name="Achievement">The achievement (course) id.</param>
/// <param name="AwardDate">The award date (yyyy-MM-dd).</param>
/// <param name="IssuedAt">When it was signed.</param>
/// <param name="Slot">Its status list entry.</param>
/// <param name="Json">The signed credential, exactly as signed.</param>
/// <param name="IssuedBy">Who asked for it (API key name or token subject).</param>
public sealed record NewCredential(string Id, string? IdempotencyKey, string NaturalKey, string Learner, string Achievement, string AwardDate, DateTimeOffset IssuedAt, StatusSlot Slot, string Json, string IssuedBy);
