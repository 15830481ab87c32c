namespace OpenBadges.Issuer.Storage;

/// <summary>A credential as stored, with its current status.</summary>
public sealed record StoredCredential(string Id, string? IdempotencyKey, string NaturalKey, string Learner, string Achievement, string AwardDate, DateTimeOffset IssuedAt, long ListId, string StatusPurpose, int StatusIndex, CredentialState State, string Json);
