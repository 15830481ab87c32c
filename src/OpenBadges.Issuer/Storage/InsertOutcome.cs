namespace OpenBadges.Issuer.Storage;

/// <summary>What <see cref="IIssuerStore.InsertCredentialAsync"/> did: stored the new credential, or found one already stored under its keys.</summary>
public sealed record InsertOutcome(bool Inserted, StoredCredential Credential);
