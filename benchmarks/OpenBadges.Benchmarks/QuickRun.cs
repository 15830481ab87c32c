using System.Diagnostics;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Benchmarks;

/// <summary>
/// The quick mode (<c>--quick</c>, about a minute): a Stopwatch harness over the same <see cref="Workload"/>.
/// On a shared, noisy machine absolute times move; so each round times every operation back to back, each
/// round's figures are divided by that round's raw Ed25519 sign (or verify), and the median over rounds is
/// reported. Allocation per call is exact (GC.GetAllocatedBytesForCurrentThread).
/// Options: <c>--rounds N</c> (default 9), <c>--ms N</c> per operation per round (default 150),
/// <c>--only name,name</c>, <c>--json file</c> (machine-readable figures, used by benchmarks/compare),
/// <c>--loop name --seconds N</c> (run one operation in a loop, e.g. under callgrind or a profiler).
/// </summary>
internal static class QuickRun
{
    private sealed record Operation(string Name, string Group, Func<object?> Run, string Against);

    public static int Run(string[] args)
    {
        var rounds = IntOption(args, "--rounds", 9);
        var milliseconds = IntOption(args, "--ms", 150);
        var only = StringOption(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var json = StringOption(args, "--json");
        using var w = new Workload();
        var operations = Operations(w);

        if (StringOption(args, "--loop") is { } loop)
        {
            var op = operations.Single(o => o.Name == loop);
            var seconds = IntOption(args, "--seconds", 10);
            var count = IntOption(args, "--count", 0);
            var watch = Stopwatch.StartNew();
            var n = 0;
            while (count > 0 ? n < count : watch.Elapsed.TotalSeconds < seconds)
            {
                op.Run();
                n++;
            }

            Console.WriteLine($"{loop}: {n} calls, {watch.Elapsed.TotalMicroseconds / n:F1} µs each");
            return 0;
        }

        var selected = operations.Where(o => only is null || only.Contains(o.Name) || o.Name.StartsWith("raw-", StringComparison.Ordinal)).ToList();

        // Warm-up: JIT tiers (tier-1 code arrives in the background, so give it a few seconds in all), context
        // caches, first-call costs.
        var warmup = Math.Max(300, 4000 / selected.Count);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var op in selected)
            {
                var watch = Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < warmup / 2)
                {
                    op.Run();
                }
            }
        }

        var perRound = selected.ToDictionary(o => o.Name, _ => new List<double>());
        for (var r = 0; r < rounds; r++)
        {
            foreach (var op in selected)
            {
                perRound[op.Name].Add(TimeOne(op.Run, milliseconds));
            }
        }

        var allocated = selected.ToDictionary(o => o.Name, o => AllocatedPerCall(o.Run));
        var results = new JObject();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"operation",-26} {"median µs",10} {"ratio",8} {"vs",-9} {"alloc/call",12}");
        foreach (var op in selected)
        {
            var ratios = Enumerable.Range(0, rounds).Select(r => perRound[op.Name][r] / perRound[op.Against][r]).ToList();
            var ratio = Median(ratios);
            var micros = Median(perRound[op.Name]);
            table.AppendLine(CultureInfo.InvariantCulture, $"{op.Name,-26} {micros,10:F1} {ratio,8:F2} {op.Against,-9} {Bytes(allocated[op.Name]),12}");
            results[op.Name] = new JObject { ["microseconds"] = Math.Round(micros, 2), ["ratio"] = Math.Round(ratio, 3), ["against"] = op.Against, ["allocatedBytes"] = allocated[op.Name] };
        }

        Console.WriteLine($"Quick run: {rounds} rounds × {milliseconds} ms per operation; {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.Write(table);
        if (perRound.ContainsKey("rdfc-canon-small") && perRound.ContainsKey("rdfc-canon-large"))
        {
            var perQuad = Median(Enumerable.Range(0, rounds).Select(r =>
                perRound["rdfc-canon-large"][r] / w.LargeQuads / (perRound["rdfc-canon-small"][r] / w.SmallQuads)).ToList());
            var signPerQuad = perRound.ContainsKey("rdfc-sign-large") ? Median(Enumerable.Range(0, rounds).Select(r =>
                perRound["rdfc-sign-large"][r] / w.LargeQuads / (perRound["rdfc-sign-small"][r] / w.SmallQuads)).ToList()) : double.NaN;
            var verifyPerQuad = perRound.ContainsKey("rdfc-verify-large") && perRound.ContainsKey("rdfc-verify-small") ? Median(Enumerable.Range(0, rounds).Select(r =>
                perRound["rdfc-verify-large"][r] / w.LargeQuads / (perRound["rdfc-verify-small"][r] / w.SmallQuads)).ToList()) : double.NaN;
            Console.WriteLine($"canonical quads: small {w.SmallQuads}, large {w.LargeQuads}; cost per quad large/small: canonicalize {perQuad:F2}, sign {signPerQuad:F2}, verify {verifyPerQuad:F2}");
            results["quads"] = new JObject { ["small"] = w.SmallQuads, ["large"] = w.LargeQuads, ["canonicalizePerQuadRatio"] = Math.Round(perQuad, 3), ["signPerQuadRatio"] = Math.Round(signPerQuad, 3), ["verifyPerQuadRatio"] = Math.Round(verifyPerQuad, 3) };
        }

        // Ed25519Signature2020 against eddsa-rdfc-2022 on the same tiny credential, per round, for both context generations.
        foreach (var generation in new[] { "tiny11", "tiny20" })
        {
            var pairs = new JObject();
            foreach (var step in new[] { "sign", "verify" })
            {
                if (perRound.TryGetValue($"{generation}-ed2020-{step}", out var ed2020) && perRound.TryGetValue($"{generation}-rdfc-{step}", out var rdfc))
                {
                    pairs[step] = Math.Round(Median(Enumerable.Range(0, rounds).Select(r => ed2020[r] / rdfc[r]).ToList()), 3);
                }
            }

            if (pairs.Count > 0)
            {
                Console.WriteLine($"{generation}: Ed25519Signature2020 / eddsa-rdfc-2022 on the same credential: sign {pairs["sign"]}, verify {pairs["verify"]}");
                results[generation + "-ed2020-vs-rdfc"] = pairs;
            }
        }

        if (perRound.ContainsKey("ecdsa-sd-base-small"))
        {
            // ecdsa-sd-2023 signs and verifies statement by statement: its cost per statement of the credential.
            var n = w.Ecdsa.SdStatements;
            var perStatement = new JObject { ["statements"] = n };
            var line = new StringBuilder($"ecdsa-sd-2023 per statement ({n} statements):");
            foreach (var name in new[] { "ecdsa-sd-base-small", "ecdsa-sd-derive-small", "ecdsa-sd-verify-small" })
            {
                if (perRound.TryGetValue(name, out var times))
                {
                    var micros = Median(times) / n;
                    line.Append(CultureInfo.InvariantCulture, $" {name[9..^6]} {micros:F1} µs");
                    perStatement[name] = Math.Round(micros, 2);
                }
            }

            Console.WriteLine(line);
            results["ecdsaSdPerStatement"] = perStatement;
        }

        if (args.Contains("--batch") || only is null)
        {
            // Batch: 1,000 signatures, single thread vs Parallel.ForEach; best of five each, interleaved. The CPU
            // time each used tells a library limit (more CPU per signature in parallel: contention, GC) from a
            // machine limit (same CPU per signature, but the other processes left fewer cores free).
            var batches = new JObject();
            foreach (var (name, copy) in new[] { ("CreateProofAsync", false), ("SignAsync", true) })
            {
                var single = new List<(double Wall, double Cpu)>();
                var parallel = new List<(double Wall, double Cpu)>();
                w.SignBatchAllCores(copy);
                for (var i = 0; i < 5; i++)
                {
                    single.Add(TimeBatch(() => w.SignBatchSingleCore(copy)));
                    parallel.Add(TimeBatch(() => w.SignBatchAllCores(copy)));
                }

                var bestSingle = single.MinBy(x => x.Wall);
                var bestParallel = parallel.MinBy(x => x.Wall);
                var speedup = bestSingle.Wall / bestParallel.Wall;
                var cpuRatio = parallel.Min(x => x.Cpu) / single.Min(x => x.Cpu);
                Console.WriteLine($"batch of 1,000 eddsa-rdfc-2022 signatures ({name}): single core {bestSingle.Wall * 1000:F0} ms, all {Environment.ProcessorCount} cores {bestParallel.Wall * 1000:F0} ms, speed-up {speedup:F2}x; " +
                    $"CPU time parallel/single {cpuRatio:F2} (1.00 = no extra work per signature in parallel)");
                batches[name] = new JObject
                {
                    ["singleCoreSeconds"] = Math.Round(bestSingle.Wall, 4), ["allCoresSeconds"] = Math.Round(bestParallel.Wall, 4),
                    ["cores"] = Environment.ProcessorCount, ["speedup"] = Math.Round(speedup, 3), ["cpuTimeParallelOverSingle"] = Math.Round(cpuRatio, 3),
                };
            }

            results["batch"] = batches;
        }

        // The proofValue of the small credential (created 2024-09-01T00:00:00Z), to compare with another stack's.
        results["proofValue"] = (string?)w.SignRdfcSmall()["proof"]?["proofValue"];
        results["tiny11Ed2020ProofValue"] = (string?)w.SignTiny(false, OpenBadges.Proofs.Cryptosuites.Ed25519Signature2020)["proof"]?["proofValue"];
        if (json is not null)
        {
            File.WriteAllText(json, results.ToString(Formatting.Indented));
        }

        return 0;
    }

    private static List<Operation> Operations(Workload w) =>
    [
        new("raw-sign", "raw", () => { w.RawSign(); return null; }, "raw-sign"),
        new("raw-verify", "raw", () => w.RawVerify(), "raw-verify"),
        new("rdfc-canon-small", "canon", w.CanonicalizeRdfcSmall, "raw-sign"),
        new("rdfc-canon-large", "canon", w.CanonicalizeRdfcLarge, "raw-sign"),
        new("rdfc10-only-small", "canon", w.Rdfc10OnlySmall, "raw-sign"),
        new("rdfc10-result-small", "canon", w.Rdfc10CanonicalizeSmall, "raw-sign"),
        new("jcs-canon-small", "canon", w.CanonicalizeJcsSmall, "raw-sign"),
        new("tordf-onepass-small", "canon", () => w.ToRdfOnePassSmall(), "raw-sign"),
        new("tordf-spec-small", "canon", () => w.ToRdfSpecPathSmall(), "raw-sign"),
        new("rdfc-sign-small", "sign", w.SignRdfcSmall, "raw-sign"),
        new("rdfc-proof-small", "sign", w.CreateProofRdfcSmall, "raw-sign"),
        new("rdfc-verify-small", "verify", () => w.VerifyRdfcSmall(), "raw-verify"),
        new("verifier-small", "verify", () => w.VerifyCredentialSmall(), "raw-verify"),
        new("schema-small", "verify", () => w.ValidateSchemaSmall(), "raw-verify"),
        new("view-read-sample", "verify", w.ReadViewSample, "raw-verify"),
        new("elm-export-sample", "verify", w.ExportElmSample, "raw-verify"),
        new("schema-njsonschema-small", "verify", () => w.ValidateSchemaNJsonSchemaSmall(), "raw-verify"),
        new("rdfc-sign-large", "sign", w.SignRdfcLarge, "raw-sign"),
        new("rdfc-verify-large", "verify", () => w.VerifyRdfcLarge(), "raw-verify"),
        new("jcs-sign-small", "sign", w.SignJcs, "raw-sign"),
        new("jcs-proof-small", "sign", w.CreateProofJcsSmall, "raw-sign"),
        new("jcs-verify-small", "verify", () => w.VerifyJcs(), "raw-verify"),
        new("ed2020-sign-small", "sign", w.Sign2020, "raw-sign"),
        new("ed2020-verify-small", "verify", () => w.Verify2020(), "raw-verify"),
        new("jwt-sign-small", "sign", w.SignJwt, "raw-sign"),
        new("jwt-verify-small", "verify", () => w.VerifyJwt(), "raw-verify"),
        new("build-sign", "sign", w.BuildAndSign, "raw-sign"),
        new("tiny11-rdfc-sign", "sign", () => w.SignTiny(false, OpenBadges.Proofs.Cryptosuites.EddsaRdfc2022), "raw-sign"),
        new("tiny11-ed2020-sign", "sign", () => w.SignTiny(false, OpenBadges.Proofs.Cryptosuites.Ed25519Signature2020), "raw-sign"),
        new("tiny11-rdfc-verify", "verify", () => w.VerifyTiny(false, false), "raw-verify"),
        new("tiny11-ed2020-verify", "verify", () => w.VerifyTiny(false, true), "raw-verify"),
        new("tiny20-rdfc-sign", "sign", () => w.SignTiny(true, OpenBadges.Proofs.Cryptosuites.EddsaRdfc2022), "raw-sign"),
        new("tiny20-ed2020-sign", "sign", () => w.SignTiny(true, OpenBadges.Proofs.Cryptosuites.Ed25519Signature2020), "raw-sign"),
        new("tiny20-rdfc-verify", "verify", () => w.VerifyTiny(true, false), "raw-verify"),
        new("tiny20-ed2020-verify", "verify", () => w.VerifyTiny(true, true), "raw-verify"),
        new("raw-p256-sign", "raw", () => w.Ecdsa.RawSign(), "raw-p256-sign"),
        new("raw-p256-verify", "raw", () => w.Ecdsa.RawVerify(), "raw-p256-verify"),
        new("ecdsa-rdfc-proof-small", "sign", w.Ecdsa.ProofRdfc, "raw-p256-sign"),
        new("ecdsa-rdfc-verify-small", "verify", () => w.Ecdsa.VerifyRdfc(), "raw-p256-verify"),
        new("ecdsa-sd-base-small", "sign", w.Ecdsa.SdBase, "raw-p256-sign"),
        new("ecdsa-sd-derive-small", "sign", w.Ecdsa.SdDerive, "raw-p256-sign"),
        new("ecdsa-sd-verify-small", "verify", () => w.Ecdsa.SdVerify(), "raw-p256-verify"),
        new("sdjwtvc-issue-es256", "sdjwt", SdJwt.Value.IssueEs256, "raw-p256-sign"),
        new("sdjwtvc-verify-es256", "sdjwt", () => SdJwt.Value.VerifyEs256(), "raw-p256-verify"),
        new("sdjwtvc-issue-eddsa", "sdjwt", SdJwt.Value.IssueEdDsa, "raw-sign"),
        new("sdjwtvc-verify-eddsa", "sdjwt", () => SdJwt.Value.VerifyEdDsa(), "raw-verify"),
    ];

    private static readonly Lazy<SdJwtWorkload> SdJwt = new(() => new SdJwtWorkload());

    private static double TimeOne(Func<object?> run, int milliseconds)
    {
        // Calibrate a batch size so one timing covers ~1 ms, then time batches for the budget; best batch wins
        // (the one least disturbed by the other processes on the machine); microseconds per call.
        var batch = 1;
        while (true)
        {
            var t = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++)
            {
                run();
            }

            if (Stopwatch.GetElapsedTime(t).TotalMilliseconds >= 1 || batch >= 1 << 20)
            {
                break;
            }

            batch *= 2;
        }

        var best = double.MaxValue;
        var budget = Stopwatch.StartNew();
        while (budget.ElapsedMilliseconds < milliseconds)
        {
            var t = Stopwatch.GetTimestamp();
            for (var i = 0; i < batch; i++)
            {
                run();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalMicroseconds / batch);
        }

        return best;
    }

    private static long AllocatedPerCall(Func<object?> run)
    {
        const int calls = 200;
        run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            run();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }

    private static (double Wall, double Cpu) TimeBatch(Func<int> run)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var t = Stopwatch.GetTimestamp();
        run();
        var wall = Stopwatch.GetElapsedTime(t).TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Bytes(long bytes) => bytes >= 10 * 1024 ? $"{bytes / 1024.0:F1} KB" : $"{bytes} B";

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
