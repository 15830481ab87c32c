using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using OpenBadges.Issuer.Auth;
using OpenBadges.Issuer.Storage;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;

namespace OpenBadges.Tests.Issuer;

/// <summary>
/// The service as a real child process on SQLite, killed with SIGKILL in the middle of a batch of 2,000, restarted, and
/// sent the same batch (same idempotency keys): exactly 2,000 credentials, no status index used twice, no half-written row.
/// </summary>
public sealed class IssuerCrashTests : IDisposable
{
    private const int BatchSize = 2_000;
    private readonly string _directory = Directory.CreateTempSubdirectory("ob-crash-").FullName;
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Kill_9_during_a_batch_then_the_same_batch_again_gives_exactly_2000_whole_credentials()
    {
        using var key = Ed25519KeyFile.Generate();
        var connection = $"Data Source={Path.Combine(_directory, "issuer.db")}";
        var store = IssuerStores.Sqlite(connection);
        await store.MigrateAsync();
        var (apiKey, record) = ApiKeys.Create("crash-test", [IssuerScopes.Issue], DateTimeOffset.UtcNow);
        await store.AddApiKeyAsync(record);
        var batch = new JObject
        {
            ["items"] = new JArray(Enumerable.Range(0, BatchSize).Select(i => new JObject
            {
                ["courseId"] = "aml-2025",
                ["learner"] = new JObject { ["studentNumber"] = "c" + i.ToString(CultureInfo.InvariantCulture) },
                ["grade"] = "7",
                ["completedOn"] = "2025-07-04T10:00:00Z",
            })),
        }.ToString(Newtonsoft.Json.Formatting.None);

        // 1. Start, send the batch, and kill -9 once part of it is stored.
        var port = FreePort();
        var first = StartService(key.ToJson(), connection, port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        await WaitReadyAsync(client, first);
        var send = Post(client, batch);
        var stored = 0L;
        var watch = Stopwatch.StartNew();
        while ((stored = (await store.GetStatisticsAsync()).Credentials) < 100 && watch.Elapsed < TimeSpan.FromMinutes(2) && !send.IsCompleted)
        {
            await Task.Delay(10);
        }

        first.Kill();   // SIGKILL: no shutdown, no flush, no finally blocks
        await first.WaitForExitAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => send);
        var afterCrash = (await store.GetStatisticsAsync()).Credentials;
        Assert.InRange(afterCrash, 1, BatchSize - 1);   // killed in the middle of the batch

        // 2. Restart on the same file; the same batch with the same key finishes it.
        var second = StartService(key.ToJson(), connection, port);
        await WaitReadyAsync(client, second);
        var response = await Post(client, batch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (JObject)JsonInput.Parse(await response.Content.ReadAsStringAsync(), new JsonLimits { MaxInputLength = 16 * 1024 * 1024 });
        Assert.Equal(0, (int)result["failed"]!);
        Assert.Equal(BatchSize, (int)result["created"]! + (int)result["existing"]!);
        Assert.True((int)result["existing"]! >= afterCrash, $"{afterCrash} were stored before the crash, but only {result["existing"]} were found again");

        // 3. Exactly 2,000 rows, each whole: its JSON parses, carries the row's status index, and its proof verifies.
        var rows = await ReadRowsAsync(connection);
        Assert.Equal(BatchSize, rows.Count);
        Assert.Equal(BatchSize, rows.Select(r => (r.ListId, r.Index)).Distinct().Count());
        Assert.Equal(BatchSize, rows.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.All(rows, r => Assert.StartsWith("crash-batch:", r.IdempotencyKey, StringComparison.Ordinal));
        var resultIds = ((JArray)result["results"]!).Select(r => (string)r["id"]!).ToHashSet();
        foreach (var row in rows)
        {
            var credential = JsonInput.ParseObject(row.Json);
            Assert.Equal("urn:uuid:" + row.Id, (string?)credential["id"]);
            Assert.Contains((string)credential["id"]!, resultIds);
            Assert.Equal(row.Index.ToString(CultureInfo.InvariantCulture), (string?)credential["credentialStatus"]!["statusListIndex"]);
            Assert.True((await DataIntegrityVerifier.VerifyAsync(credential)).IsValid, $"credential {row.Id} does not verify");
        }

        second.Kill(entireProcessTree: true);
    }

    [Fact]
    public async Task Sigterm_during_a_batch_lets_it_finish_then_the_service_exits()
    {
        using var key = Ed25519KeyFile.Generate();
        var connection = $"Data Source={Path.Combine(_directory, "issuer.db")}";
        var store = IssuerStores.Sqlite(connection);
        await store.MigrateAsync();
        var (apiKey, record) = ApiKeys.Create("shutdown-test", [IssuerScopes.Issue], DateTimeOffset.UtcNow);
        await store.AddApiKeyAsync(record);
        const int items = 300;
        var batch = new JObject
        {
            ["items"] = new JArray(Enumerable.Range(0, items).Select(i => new JObject
            {
                ["courseId"] = "aml-2025",
                ["learner"] = new JObject { ["studentNumber"] = "g" + i.ToString(CultureInfo.InvariantCulture) },
                ["grade"] = "7",
            })),
        }.ToString(Newtonsoft.Json.Formatting.None);

        var port = FreePort();
        var service = StartService(key.ToJson(), connection, port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        await WaitReadyAsync(client, service);
        var send = Post(client, batch);
        long before;
        while ((before = (await store.GetStatisticsAsync()).Credentials) < 20 && !send.IsCompleted)
        {
            await Task.Delay(10);
        }

        Assert.InRange(before, 1, items - 1);   // the batch is in flight
        using (var term = Process.Start("kill", ["-TERM", service.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        var response = await send;   // the in-flight batch is answered in full
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (JObject)JsonInput.Parse(await response.Content.ReadAsStringAsync(), new JsonLimits { MaxInputLength = 16 * 1024 * 1024 });
        Assert.Equal(items, (int)result["created"]!);
        await service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, service.ExitCode);
        Assert.Equal(items, (await store.GetStatisticsAsync()).Credentials);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string batch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/credentials/batch") { Content = new StringContent(batch, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "crash-batch");
        return client.SendAsync(request);
    }

    private Process StartService(string keyJson, string connection, int port)
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "IssuerService");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "IssuerService.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", sample },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["OpenBadges__Key"] = keyJson;
        start.Environment["OpenBadges__Service__ConnectionString"] = connection;
        start.Environment["OpenBadges__Service__BatchParallelism"] = "2";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"the service exited with {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        Assert.Fail("the service did not become ready within 60 s");
    }

    private static async Task<List<(string Id, string IdempotencyKey, long ListId, int Index, string Json)>> ReadRowsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT id, idempotency_key, list_id, status_index, json FROM credentials", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, long, int, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4)));
        }

        return rows;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OpenBadges.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("OpenBadges.sln not found above " + AppContext.BaseDirectory);
    }
}
