namespace OpenBadges.Issuer.Storage;

/// <summary>The two storage backends.</summary>
public static class IssuerStores
{
    /// <summary>SQLite (the embedded default): <paramref name="connectionString"/> such as <c>Data Source=issuer.db</c>.</summary>
    public static IIssuerStore Sqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new SqliteIssuerStore(connectionString);
    }

    /// <summary>PostgreSQL: an Npgsql connection string. The returned store is disposable (it owns a connection pool).</summary>
    public static IIssuerStore Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new PostgresIssuerStore(connectionString);
    }

    /// <summary>By provider name (<c>sqlite</c> or <c>postgresql</c>/<c>postgres</c>), as configuration says.</summary>
    /// <exception cref="ArgumentException">Another provider name.</exception>
    public static IIssuerStore Create(string provider, string connectionString) => provider?.ToLowerInvariant() switch
    {
        "sqlite" => Sqlite(connectionString),
        "postgresql" or "postgres" or "npgsql" => Postgres(connectionString),
        _ => throw IssuerErrors.UnknownStorageProvider(provider, nameof(provider)),
    };
}
