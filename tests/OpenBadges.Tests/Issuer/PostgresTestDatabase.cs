using Npgsql;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Issuer;

/// <summary>
/// A fresh PostgreSQL database per test, on the server named by <c>OPENBADGES_TEST_POSTGRES</c> (an Npgsql connection
/// string with rights to create databases; <c>.ci/run</c> sets it). Without it the PostgreSQL tests are skipped with one
/// loud line; under CI=true they run and fail instead.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "OPENBADGES_TEST_POSTGRES";
    private static int _warned;
    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static string? SkipReason
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) || SharedData.IsCi)
            {
                return null;
            }

            var message = $"{Variable} is not set: the PostgreSQL issuer tests are SKIPPED (under CI=true they fail). Set it to an Npgsql connection string, e.g. Host=127.0.0.1;Username=postgres;Password=postgres.";
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                Console.Error.WriteLine("!!!!! " + message);
            }

            return message;
        }
    }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException($"{Variable} is not set, and CI=true requires the PostgreSQL tests to run (.ci/run installs and starts PostgreSQL and sets it).");
        }

        var name = "obtest_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 };
        return new PostgresTestDatabase(admin, name, builder.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs PostgreSQL (<see cref="PostgresTestDatabase"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when no PostgreSQL server is configured outside CI.</summary>
    public PostgresFactAttribute()
    {
        Skip = PostgresTestDatabase.SkipReason;
    }
}

/// <summary>
/// The fact whose display name carries the one loud line: without a PostgreSQL server outside CI, dotnet test lists it
/// as skipped under a name that says why (a skip reason, or a line on the test host's stderr, does not reach dotnet
/// test's console output).
/// </summary>
public sealed class PostgresPresenceFactAttribute : FactAttribute
{
    /// <summary>Names and skips the fact when no PostgreSQL server is configured outside CI.</summary>
    public PostgresPresenceFactAttribute()
    {
        if (PostgresTestDatabase.SkipReason is { } reason)
        {
            Skip = reason;
            DisplayName = "!!!!! " + reason;
        }
    }
}

/// <summary>Says, once and visibly, whether the PostgreSQL issuer tests can run.</summary>
public sealed class PostgresPresenceTests
{
    [PostgresPresenceFact]
    public void A_postgresql_server_is_configured_for_the_issuer_tests()
    {
        Assert.False(string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable)), $"{PostgresTestDatabase.Variable} is not set");
    }
}
