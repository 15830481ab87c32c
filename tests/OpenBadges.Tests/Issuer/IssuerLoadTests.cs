using System.Collections.Concurrent;
using System.Net;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using static OpenBadges.Tests.Issuer.IssuerTestHost;

namespace OpenBadges.Tests.Issuer;

/// <summary>
/// 8 concurrent clients issue 5,000 credentials: against one service on SQLite, and against two service instances
/// sharing one PostgreSQL database. Every status index distinct, every credential stored, every one verifies Valid.
/// </summary>
public sealed class IssuerLoadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Total = 5_000;
    private const int Clients = 8;

    [Fact]
    public async Task Eight_clients_issue_5000_credentials_on_sqlite()
    {
        var directory = Directory.CreateTempSubdirectory("ob-load-").FullName;
        try
        {
            using var key = Ed25519KeyFile.Generate("did:web:localhost");
            await using var host = Start(key.ToJson(), "sqlite", SqliteConnection(directory));
            await IssueAndCheckAsync([host]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [PostgresFact]
    public async Task Eight_clients_issue_5000_credentials_on_two_instances_sharing_postgresql()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        using var key = Ed25519KeyFile.Generate("did:web:localhost");
        await using var first = Start(key.ToJson(), "postgresql", database.ConnectionString);
        await using var second = Start(key.ToJson(), "postgresql", database.ConnectionString);
        await IssueAndCheckAsync([first, second]);
    }

    private async Task IssueAndCheckAsync(IssuerTestHost[] hosts)
    {
        var apiKey = await hosts[0].CreateApiKeyAsync("issue");   // one database: every instance knows it
        var clients = Enumerable.Range(0, Clients).Select(i => hosts[i % hosts.Length].ClientWith(apiKey)).ToArray();
        var issued = new ConcurrentBag<JObject>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            int learner;
            while ((learner = Interlocked.Increment(ref next)) < Total)
            {
                var response = await PostJson(client, "/credentials", $$"""{"courseId":"aml-2025","learner":{"studentNumber":"s{{learner}}"},"grade":"7"}""");
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                issued.Add(await Body(response));
            }
        }));

        output.WriteLine($"issued {Total} through {hosts.Length} instance(s) in {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        Assert.Equal(Total, issued.Count);
        Assert.Equal(Total, issued.Select(c => (string?)c["id"]).Distinct().Count());
        Assert.Equal(Total, issued.Select(c => ((string?)c["credentialStatus"]!["statusListCredential"], (string?)c["credentialStatus"]!["statusListIndex"])).Distinct().Count());
        Assert.Equal(Total, (await hosts[0].Store.GetStatisticsAsync()).Credentials);

        // Every credential verifies Valid (proof, did:web key, status list: through one cache, against either instance).
        var (cache, counter) = hosts[^1].CachingFetcher();
        var verifier = Verifier(cache);
        var invalid = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(issued, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (credential, token) =>
        {
            var report = await verifier.VerifyAsync(credential, token);
            if (!report.IsValid)
            {
                invalid.Add(report.ToString());
            }
        });
        output.WriteLine($"verified {Total} in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(invalid);
        Assert.Equal(1, counter.CountOf("/.well-known/did.json"));

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
