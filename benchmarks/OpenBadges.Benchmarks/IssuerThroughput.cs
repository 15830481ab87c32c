using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using OpenBadges.Issuer.Hosting;
using OpenBadges.Issuer.Issuing;
using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;

namespace OpenBadges.Benchmarks;

/// <summary>
/// <c>--issuer</c>: what one credential costs the issuing service (validate, find by natural key, allocate a status
/// slot in the database, build, sign, store), on SQLite and on PostgreSQL (<c>OPENBADGES_TEST_POSTGRES</c> or
/// <c>--postgres CONNECTION</c>), next to one raw Ed25519 signature and one bare eddsa-rdfc-2022 proof of the same
/// credential, in interleaved rounds (median of per-round ratios). Then throughput with 8 concurrent callers.
/// No HTTP: the service's own code path below the endpoints.
/// </summary>
internal static class IssuerThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 5);
        var perRound = Option(args, "--count", 200);
        var postgres = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("OPENBADGES_TEST_POSTGRES");
        using var w = new Workload();
        var directory = Directory.CreateTempSubdirectory("ob-bench-").FullName;
        using var keyFile = Ed25519KeyFile.Generate("did:web:credentials.example.nl");
        var key = new IssuerKey(keyFile);
        var services = new List<(string Name, IssuingService Service)>
        {
            ("sqlite", await ServiceAsync(IssuerStores.Sqlite($"Data Source={Path.Combine(directory, "bench.db")}"), key)),
        };
        string? database = null;
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            database = "obbench_" + Guid.NewGuid().ToString("N");
            await AdminAsync(postgres, $"CREATE DATABASE {database}");
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database };
            services.Add(("postgresql", await ServiceAsync(IssuerStores.Postgres(builder.ToString()), key)));
        }

        try
        {
            var factory = new CredentialFactory(Catalogue(), Profile());
            var template = factory.Build(Request(0), Guid.NewGuid().ToString(), key.IssuerId, CredentialFactory.StatusEntry("https://credentials.example.nl/status/1", 4711, "revocation"), DateTimeOffset.UtcNow);
            var learner = 0;
            async Task BareProof()
            {
                var credential = (JObject)template.DeepClone();
                var proof = await DataIntegritySigner.CreateProofAsync(credential, key.Signer, Cryptosuites.EddsaRdfc2022);
                DataIntegritySigner.AttachProof(credential, proof, Cryptosuites.EddsaRdfc2022);
            }

            // Warm-up: JIT, contexts, connection pools.
            for (var i = 0; i < 50; i++)
            {
                w.RawSign();
                await BareProof();
                foreach (var (_, service) in services)
                {
                    await service.IssueAsync(Request(Interlocked.Increment(ref learner)), null, "bench", CancellationToken.None);
                }
            }

            var times = new Dictionary<string, List<double>> { ["raw-sign"] = [], ["bare-proof"] = [] };
            foreach (var (name, _) in services)
            {
                times["issue-" + name] = [];
            }

            for (var r = 0; r < rounds; r++)
            {
                times["raw-sign"].Add(Time(perRound * 20, () => { w.RawSign(); return Task.CompletedTask; }).Result);
                times["bare-proof"].Add(await Time(perRound, BareProof));
                foreach (var (name, service) in services)
                {
                    times["issue-" + name].Add(await Time(perRound, () => service.IssueAsync(Request(Interlocked.Increment(ref learner)), null, "bench", CancellationToken.None)));
                }
            }

            Console.WriteLine($"Issuer throughput: {rounds} rounds × {perRound} credentials; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Console.WriteLine($"{"operation",-20} {"median µs",10} {"× raw sign",11} {"× bare proof",13}");
            foreach (var (name, list) in times)
            {
                var raw = Median(Enumerable.Range(0, rounds).Select(i => list[i] / times["raw-sign"][i]));
                var proof = Median(Enumerable.Range(0, rounds).Select(i => list[i] / times["bare-proof"][i]));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {Median(list),10:F1} {raw,11:F1} {proof,13:F2}"));
            }

            // Throughput: 8 concurrent callers, as the acceptance test's clients (no HTTP here).
            var total = perRound * 5;
            var bare = await Concurrently(total, _ => BareProof());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"8 concurrent callers, {total} each: bare proofs {total / bare:F0}/s"));
            foreach (var (name, service) in services)
            {
                var seconds = await Concurrently(total, _ => service.IssueAsync(Request(Interlocked.Increment(ref learner)), null, "bench", CancellationToken.None));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"8 concurrent callers, {total} each: issue+sign+store on {name} {total / seconds:F0}/s ({seconds / bare:F1}× the bare proofs' time)"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            if (database is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }

        return 0;
    }

    private static async Task<IssuingService> ServiceAsync(IIssuerStore store, IssuerKey key)
    {
        await store.MigrateAsync();
        var profile = Profile();
        var publisher = new StatusListPublisher(store, key, profile, TimeProvider.System, NullLogger<StatusListPublisher>.Instance);
        return new IssuingService(store, new CredentialFactory(Catalogue(), profile), publisher, key, new IssuerOptions(), TimeProvider.System, NullLogger<IssuingService>.Instance);
    }

    private static IssueRequest Request(int learner) =>
        new("aml-2025", new LearnerRequest(null, null, "bench-" + learner.ToString(CultureInfo.InvariantCulture)), "7");

    private static IssuerProfile Profile() => new() { Name = "Hogeschool Rijnland", Url = "https://www.hogeschool-rijnland.example", Country = "NL", Brin = "99XA", PublicBaseUrl = "https://credentials.example.nl" };

    private static CourseCatalogue Catalogue() => new()
    {
        Courses = new(StringComparer.OrdinalIgnoreCase)
        {
            ["aml-2025"] = new Course
            {
                Title = "Applied Machine Learning with Python",
                Description = "Learners build, evaluate and explain supervised machine-learning models in Python on real data sets.",
                AchievementId = "https://www.hogeschool-rijnland.example/microcredentials/applied-machine-learning",
                LearningOutcomes = [new CourseLink { Name = "machine learning", Url = "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43" }],
                LearningOutcomesSummary = "The learner can prepare a data set, train and evaluate supervised models in Python, and explain the results.",
                Ects = 5,
                EqfLevel = 6,
                AssessmentType = AssessmentType.ApplicationOfASkill,
                ParticipationType = ParticipationType.OnsiteOrBlended,
                QualityAssurance = [new CourseLink { Name = "NVAO accreditation", Url = "https://www.nvao.net" }],
                Language = "en",
                Grade = new CourseGrade { Id = "https://www.hogeschool-rijnland.example/microcredentials/applied-machine-learning#final-grade", RequiredValue = "5.5", ValueMin = "1", ValueMax = "10" },
            },
        },
    };

    private static async Task<double> Time(int count, Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await run();
        }

        return watch.Elapsed.TotalMicroseconds / count;
    }

    private static async Task<double> Concurrently(int total, Func<int, Task> run)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await run(i));
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task AdminAsync(string connection, string sql)
    {
        await using var admin = new Npgsql.NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
