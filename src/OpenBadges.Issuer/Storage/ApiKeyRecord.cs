namespace OpenBadges.Issuer.Storage;

/// <summary>An API key at rest: its public id, a name for the audit log, the SHA-256 of its secret, and its scopes.</summary>
public sealed record ApiKeyRecord(string KeyId, string Name, byte[] SecretHash, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null);
