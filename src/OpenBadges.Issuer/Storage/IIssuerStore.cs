namespace OpenBadges.Issuer.Storage;

/// <summary>
/// Where the issuing service keeps what it must never lose: issued credentials, status lists (their index counters and
/// the last signed copy), the audit log of status changes, and API keys (hashed). Implementations are thread-safe and
/// safe to share between service instances on one database: every allocation and status change is one transaction.
/// </summary>
public interface IIssuerStore
{
    /// <summary>Short name of the backend (<c>sqlite</c>, <c>postgresql</c>), for logs and health output.</summary>
    string Provider { get; }

    /// <summary>Brings the schema to the current version; safe to run from several instances at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the database answers (readiness).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A status list slot for a new credential: the next ordinal of the oldest open list of <paramref name="purpose"/>,
    /// taken in the database so that no two callers (in any instance) get the same one and none is handed out twice,
    /// even after a crash. A full list rolls over to a new list.
    /// </summary>
    Task<StatusSlot> AllocateStatusSlotAsync(string purpose, int listLength, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a signed credential in one statement. When its idempotency key or natural key is already stored, nothing is
    /// written and the stored credential is returned with <see cref="InsertOutcome.Inserted"/> false.
    /// </summary>
    Task<InsertOutcome> InsertCredentialAsync(NewCredential credential, CancellationToken cancellationToken = default);

    /// <summary>The credential with <paramref name="id"/>, or null.</summary>
    Task<StoredCredential?> GetCredentialAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The credential issued under <paramref name="idempotencyKey"/>, or null.</summary>
    Task<StoredCredential?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>The credential with <paramref name="naturalKey"/> (learner + achievement + award date), or null.</summary>
    Task<StoredCredential?> FindByNaturalKeyAsync(string naturalKey, CancellationToken cancellationToken = default);

    /// <summary>Applies a status change and writes its audit entry in one transaction; the list's version moves on when a bit changed.</summary>
    Task<StatusChangeResult> ChangeStatusAsync(string credentialId, StatusAction action, string actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A status list with its current version and the indexes whose bit is set, or null.</summary>
    Task<StatusListState?> GetStatusListAsync(long listId, CancellationToken cancellationToken = default);

    /// <summary>The last signed copy of a list, or null when it was never signed.</summary>
    Task<SignedStatusList?> GetSignedStatusListAsync(long listId, CancellationToken cancellationToken = default);

    /// <summary>Keeps a signed copy unless a newer version is already stored.</summary>
    Task SaveSignedStatusListAsync(SignedStatusList signed, CancellationToken cancellationToken = default);

    /// <summary>The audit entries of one credential, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string credentialId, CancellationToken cancellationToken = default);

    /// <summary>Stores an API key record (the secret's hash only).</summary>
    Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default);

    /// <summary>The API key record with <paramref name="keyId"/>, or null.</summary>
    Task<ApiKeyRecord?> FindApiKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Counts of stored credentials and lists, for health and operations.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default);
}
