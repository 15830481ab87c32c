using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OpenBadges.Issuer.Storage;

/// <summary>
/// SQLite, the embedded default: one file, no set-up. Write-ahead logging lets readers run beside the one writer;
/// every write is a short transaction (Microsoft.Data.Sqlite waits for a busy database up to the command timeout).
/// </summary>
internal sealed class SqliteIssuerStore : SqlIssuerStore
{
    private readonly string _connectionString;

    public SqliteIssuerStore(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 60, ForeignKeys = true };
        _connectionString = builder.ToString();
    }

    public override string Provider => "sqlite";

    protected override string ForUpdate => string.Empty;   // BEGIN IMMEDIATE already holds the write lock

    protected override IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE status_lists (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            purpose TEXT NOT NULL,
            seq INTEGER NOT NULL,
            length INTEGER NOT NULL,
            next_ordinal INTEGER NOT NULL DEFAULT 0,
            permutation_key BLOB NOT NULL,
            version INTEGER NOT NULL DEFAULT 0,
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
            list_id INTEGER NOT NULL REFERENCES status_lists (id),
            status_purpose TEXT NOT NULL,
            status_index INTEGER NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            json TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            UNIQUE (list_id, status_index));
        CREATE UNIQUE INDEX credentials_natural_key ON credentials (natural_key) WHERE state <> 2;
        CREATE TABLE signed_status_lists (
            list_id INTEGER PRIMARY KEY REFERENCES status_lists (id),
            version INTEGER NOT NULL,
            json TEXT NOT NULL,
            etag TEXT NOT NULL,
            signed_at TEXT NOT NULL);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            credential_id TEXT NOT NULL REFERENCES credentials (id),
            action TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT,
            at TEXT NOT NULL);
        CREATE INDEX audit_log_credential ON audit_log (credential_id);
        CREATE TABLE api_keys (
            key_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            secret_hash BLOB NOT NULL,
            scopes TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT);
        """,
    ];

    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            // Persistent in the file: readers no longer wait for the writer.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        }

        await base.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // NORMAL with WAL: a committed transaction survives a crash of the process (kill -9), not a power cut of the host.
            await ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);

    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
