using System.Data.Common;
using Npgsql;

namespace OpenBadges.Issuer.Storage;

/// <summary>
/// PostgreSQL, for institutions running several service instances on one database. Allocation takes the list row's
/// lock for one statement; status changes lock the credential row; migrations take a transaction-scoped advisory lock.
/// </summary>
internal sealed class PostgresIssuerStore : SqlIssuerStore, IAsyncDisposable, IDisposable
{
    // An arbitrary constant naming "OpenBadges.Issuer migrations" among advisory locks.
    private const long MigrationLock = 0x0B_AD6E_5155_0E12;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresIssuerStore(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Provider => "postgresql";

    protected override string ForUpdate => " FOR UPDATE";

    // The allocation holds the list row's lock until it commits; waiting for its WAL flush there would serialise every
    // instance on the disk. It need not wait: the credential that uses the slot is inserted later with a synchronous
    // commit, which flushes the WAL up to and including this allocation. A slot whose allocation is lost in a server
    // crash was therefore never used by a stored credential, so handing it out again reuses nothing.
    protected override string? AllocationPreamble => "SET LOCAL synchronous_commit TO OFF";

    protected override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE status_lists (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            purpose TEXT NOT NULL,
            seq BIGINT NOT NULL,
            length INTEGER NOT NULL,
            next_ordinal INTEGER NOT NULL DEFAULT 0,
            permutation_key BYTEA NOT NULL,
            version BIGINT NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            UNIQUE (purpose, seq));
        CREATE TABLE credentials (
            id TEXT PRIMARY KEY,
            idempotency_key TEXT UNIQUE,
            natural_key TEXT NOT NULL,
            learner TEXT NOT NULL,
            achievement TEXT NOT NULL,
            award_date TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            list_id BIGINT NOT NULL REFERENCES status_lists (id),
            status_purpose TEXT NOT NULL,
            status_index INTEGER NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            json TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            UNIQUE (list_id, status_index));
        CREATE UNIQUE INDEX credentials_natural_key ON credentials (natural_key) WHERE state <> 2;
        CREATE TABLE signed_status_lists (
            list_id BIGINT PRIMARY KEY REFERENCES status_lists (id),
            version BIGINT NOT NULL,
            json TEXT NOT NULL,
            etag TEXT NOT NULL,
            signed_at TEXT NOT NULL);
        CREATE TABLE audit_log (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            credential_id TEXT NOT NULL REFERENCES credentials (id),
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT,
            at TEXT NOT NULL);
        CREATE INDEX audit_log_credential ON audit_log (credential_id);
        CREATE TABLE api_keys (
            key_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            secret_hash BYTEA NOT NULL,
            scopes TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT);
        """,
    ];

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@lock)");
        Add(command, "lock", MigrationLock);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
