using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using OpenBadges.Issuer.Status;

namespace OpenBadges.Issuer.Storage;

/// <summary>
/// The SQL both backends share (SQLite and PostgreSQL understand the same statements here: <c>RETURNING</c>,
/// <c>ON CONFLICT</c>, partial unique indexes); each backend supplies connections, its DDL and its locking.
/// Times are stored as ISO 8601 text so both backends read them back alike.
/// </summary>
internal abstract class SqlIssuerStore : IIssuerStore
{
    private const string CredentialColumns = "id, idempotency_key, natural_key, learner, achievement, award_date, issued_at, list_id, status_purpose, status_index, state, json";

    public abstract string Provider { get; }

    /// <summary>The migrations, in order; index 0 is version 1.</summary>
    protected abstract IReadOnlyList<string> Migrations { get; }

    /// <summary>Appended to a SELECT that must lock the row it reads until the transaction ends.</summary>
    protected abstract string ForUpdate { get; }

    /// <summary>A statement run first in the allocation's own transaction (null: the allocation is one statement, autocommitted).</summary>
    protected virtual string? AllocationPreamble => null;

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction that excludes other writers of the rows it touches.</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises migrations between instances (inside <paramref name="transaction"/>).</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    public virtual async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        var current = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (current > Migrations.Count)
        {
            throw IssuerErrors.SchemaTooNew(current, Migrations.Count);
        }

        for (var version = current + 1; version <= Migrations.Count; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await using var record = Command(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)");
            Add(record, "version", version);
            Add(record, "at", Text(DateTimeOffset.UtcNow));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await ScalarAsync(connection, null, "SELECT COUNT(*) FROM schema_version", cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public async Task<StatusSlot> AllocateStatusSlotAsync(string purpose, int listLength, CancellationToken cancellationToken = default)
    {
        CheckPurpose(purpose);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            // One statement: the row lock on the list serialises allocators in every instance; the counter only grows.
            await using var transaction = AllocationPreamble is null ? null : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await ExecuteAsync(connection, transaction, AllocationPreamble!, cancellationToken).ConfigureAwait(false);
            }

            await using (var take = Command(connection, transaction, """
                UPDATE status_lists SET next_ordinal = next_ordinal + 1
                WHERE id = (SELECT id FROM status_lists WHERE purpose = @purpose AND next_ordinal < length ORDER BY seq LIMIT 1)
                  AND next_ordinal < length
                RETURNING id, next_ordinal - 1, length, permutation_key
                """))
            {
                Add(take, "purpose", purpose);
                await using var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var listId = reader.GetInt64(0);
                    var ordinal = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                    var length = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
                    var key = (byte[])reader.GetValue(3);
                    await reader.DisposeAsync().ConfigureAwait(false);
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    return new StatusSlot(listId, purpose, new IndexPermutation(key, length).Map(ordinal));
                }
            }

            // No open list (none yet, or the last one is full): open the next one, unless another caller just did.
            await using var open = Command(connection, transaction, """
                INSERT INTO status_lists (purpose, seq, length, next_ordinal, permutation_key, version, created_at)
                SELECT @purpose, COALESCE(MAX(seq), 0) + 1, @length, 0, @key, 0, @at FROM status_lists
                WHERE purpose = @purpose AND NOT EXISTS (SELECT 1 FROM status_lists WHERE purpose = @purpose AND next_ordinal < length)
                ON CONFLICT DO NOTHING
                """);
            Add(open, "purpose", purpose);
            Add(open, "length", listLength);
            Add(open, "key", RandomNumberGenerator.GetBytes(IndexPermutation.KeySize));
            Add(open, "at", Text(DateTimeOffset.UtcNow));
            await open.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        throw IssuerErrors.StatusSlotNotAllocated(purpose);
    }

    public async Task<InsertOutcome> InsertCredentialAsync(NewCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = Command(connection, null, $"""
            INSERT INTO credentials ({CredentialColumns}, issued_by)
            VALUES (@id, @idempotency, @natural, @learner, @achievement, @award, @issued, @list, @purpose, @index, 0, @json, @by)
            ON CONFLICT DO NOTHING
            """))
        {
            Add(insert, "id", credential.Id);
            Add(insert, "idempotency", credential.IdempotencyKey);
            Add(insert, "natural", credential.NaturalKey);
            Add(insert, "learner", credential.Learner);
            Add(insert, "achievement", credential.Achievement);
            Add(insert, "award", credential.AwardDate);
            Add(insert, "issued", Text(credential.IssuedAt));
            Add(insert, "list", credential.Slot.ListId);
            Add(insert, "purpose", credential.Slot.Purpose);
            Add(insert, "index", credential.Slot.Index);
            Add(insert, "json", credential.Json);
            Add(insert, "by", credential.IssuedBy);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return new InsertOutcome(true, new StoredCredential(credential.Id, credential.IdempotencyKey, credential.NaturalKey, credential.Learner, credential.Achievement,
                    credential.AwardDate, credential.IssuedAt, credential.Slot.ListId, credential.Slot.Purpose, credential.Slot.Index, CredentialState.Active, credential.Json));
            }
        }

        // Another request stored the same award first: answer with that one (this slot stays unused, never reused).
        var existing = (credential.IdempotencyKey is null ? null : await FindByIdempotencyKeyAsync(credential.IdempotencyKey, cancellationToken).ConfigureAwait(false))
            ?? await FindByNaturalKeyAsync(credential.NaturalKey, cancellationToken).ConfigureAwait(false);
        return existing is not null
            ? new InsertOutcome(false, existing)
            : throw IssuerErrors.ConflictingRow(credential.Id, credential.Slot.ListId, credential.Slot.Index);
    }

    public Task<StoredCredential?> GetCredentialAsync(string id, CancellationToken cancellationToken = default) =>
        FindOneAsync("id = @value", id, cancellationToken);

    public Task<StoredCredential?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        FindOneAsync("idempotency_key = @value", idempotencyKey, cancellationToken);

    public Task<StoredCredential?> FindByNaturalKeyAsync(string naturalKey, CancellationToken cancellationToken = default) =>
        FindOneAsync("natural_key = @value AND state <> 2", naturalKey, cancellationToken);

    public async Task<StatusChangeResult> ChangeStatusAsync(string credentialId, StatusAction action, string actor, string? reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentialId);
        ArgumentNullException.ThrowIfNull(actor);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        StoredCredential? current;
        await using (var read = Command(connection, transaction, $"SELECT {CredentialColumns} FROM credentials WHERE id = @value{ForUpdate}"))
        {
            Add(read, "value", credentialId);
            current = await ReadOneAsync(read, cancellationToken).ConfigureAwait(false);
        }

        if (current is null)
        {
            return new StatusChangeResult(StatusChangeOutcome.NotFound, null, $"No credential {credentialId}.");
        }

        var (next, refusal) = StatusTransitions.Next(current, action);
        if (refusal is not null)
        {
            return new StatusChangeResult(StatusChangeOutcome.Refused, current, refusal);
        }

        if (next == current.State)
        {
            return new StatusChangeResult(StatusChangeOutcome.Unchanged, current);
        }

        await using (var update = Command(connection, transaction, "UPDATE credentials SET state = @state WHERE id = @id"))
        {
            Add(update, "state", (int)next);
            Add(update, "id", credentialId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var bump = Command(connection, transaction, "UPDATE status_lists SET version = version + 1 WHERE id = @id"))
        {
            Add(bump, "id", current.ListId);
            await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var audit = Command(connection, transaction, "INSERT INTO audit_log (credential_id, action, actor, reason, at) VALUES (@id, @action, @actor, @reason, @at)"))
        {
            Add(audit, "id", credentialId);
            Add(audit, "action", action.ToString().ToLowerInvariant());
            Add(audit, "actor", actor);
            Add(audit, "reason", reason);
            Add(audit, "at", Text(at));
            await audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new StatusChangeResult(StatusChangeOutcome.Changed, current with { State = next });
    }

    public async Task<StatusListState?> GetStatusListAsync(long listId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        string purpose;
        int length;
        long version;
        await using (var list = Command(connection, null, "SELECT purpose, length, version FROM status_lists WHERE id = @id"))
        {
            Add(list, "id", listId);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            purpose = reader.GetString(0);
            length = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            version = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        }

        // Read after the version: the bits are at least as new as the version they are labelled with.
        var set = new List<int>();
        await using (var bits = Command(connection, null, purpose == "revocation"
            ? "SELECT status_index FROM credentials WHERE list_id = @id AND state = 2"
            : "SELECT status_index FROM credentials WHERE list_id = @id AND state <> 0"))
        {
            Add(bits, "id", listId);
            await using var reader = await bits.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                set.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        return new StatusListState(listId, purpose, length, version, set);
    }

    public async Task<SignedStatusList?> GetSignedStatusListAsync(long listId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = Command(connection, null, "SELECT version, json, etag, signed_at FROM signed_status_lists WHERE list_id = @id");
        Add(read, "id", listId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SignedStatusList(listId, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), Time(reader.GetString(3)))
            : null;
    }

    public async Task SaveSignedStatusListAsync(SignedStatusList signed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signed);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var save = Command(connection, null, """
            INSERT INTO signed_status_lists (list_id, version, json, etag, signed_at) VALUES (@id, @version, @json, @etag, @at)
            ON CONFLICT (list_id) DO UPDATE SET version = excluded.version, json = excluded.json, etag = excluded.etag, signed_at = excluded.signed_at
            WHERE signed_status_lists.version < excluded.version
            """);
        Add(save, "id", signed.ListId);
        Add(save, "version", signed.Version);
        Add(save, "json", signed.Json);
        Add(save, "etag", signed.ETag);
        Add(save, "at", Text(signed.SignedAt));
        await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(string credentialId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = Command(connection, null, "SELECT id, credential_id, action, actor, reason, at FROM audit_log WHERE credential_id = @id ORDER BY id");
        Add(read, "id", credentialId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), Time(reader.GetString(5))));
        }

        return entries;
    }

    public async Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, null, "INSERT INTO api_keys (key_id, name, secret_hash, scopes, created_at, revoked_at) VALUES (@id, @name, @hash, @scopes, @created, @revoked)");
        Add(insert, "id", key.KeyId);
        Add(insert, "name", key.Name);
        Add(insert, "hash", key.SecretHash);
        Add(insert, "scopes", string.Join(' ', key.Scopes));
        Add(insert, "created", Text(key.CreatedAt));
        Add(insert, "revoked", key.RevokedAt is { } revoked ? Text(revoked) : null);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = Command(connection, null, "SELECT key_id, name, secret_hash, scopes, created_at, revoked_at FROM api_keys WHERE key_id = @id");
        Add(read, "id", keyId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ApiKeyRecord(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2),
            reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries), Time(reader.GetString(4)), reader.IsDBNull(5) ? null : Time(reader.GetString(5)));
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        long Count(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return new StoreStatistics(
            Count(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM credentials", cancellationToken).ConfigureAwait(false)),
            Count(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM status_lists", cancellationToken).ConfigureAwait(false)),
            Count(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM audit_log", cancellationToken).ConfigureAwait(false)));
    }

    private async Task<StoredCredential?> FindOneAsync(string where, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = Command(connection, null, $"SELECT {CredentialColumns} FROM credentials WHERE {where}");
        Add(read, "value", value);
        return await ReadOneAsync(read, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StoredCredential?> ReadOneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredCredential(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            Time(reader.GetString(6)),
            Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture),
            reader.GetString(8),
            Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
            (CredentialState)Convert.ToInt32(reader.GetValue(10), CultureInfo.InvariantCulture),
            reader.GetString(11));
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            parameter.DbType = DbType.String;
        }

        command.Parameters.Add(parameter);
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void CheckPurpose(string purpose)
    {
        if (purpose is not ("revocation" or "suspension"))
        {
            throw IssuerErrors.UnsupportedStatusPurpose(purpose, nameof(purpose));
        }
    }
}
