using System.Diagnostics;
using System.Security.Cryptography;

namespace OpenBadges.Fuzz;

/// <summary>What one fuzzing run did.</summary>
internal sealed record FuzzResult(string Harness, long Executions, TimeSpan Elapsed, int CorpusSize, IReadOnlyList<string> Findings)
{
    public double PerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() =>
        $"{Harness}: {Executions} executions in {Elapsed.TotalSeconds:F1} s ({PerSecond:F0}/s), corpus {CorpusSize}, {Findings.Count} finding(s)";
}

/// <summary>
/// A plain mutation loop over a harness (our stand-in for libFuzzer, which needs the libfuzzer-dotnet driver): seeds
/// first, then mutants of the corpus. A finding is an exception the parser does not document, a broken contract, or
/// one execution over <see cref="MaxTime"/> or <see cref="MaxAllocated"/>; each is saved as the input that caused it.
/// </summary>
internal static class Driver
{
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);

    public const long MaxAllocated = 200L * 1024 * 1024;

    private const int MaxFindings = 10;
    private const int MaxCorpus = 2000;

    public static FuzzResult Run(Harness harness, TimeSpan budget, long maxExecutions, int seed, string? findingsFolder, TextWriter? log = null)
    {
        var corpus = harness.Seeds().ToList();
        if (corpus.Count == 0)
        {
            corpus.Add([]);
        }

        // Warm-up, untimed: the first calls pay for JIT and one-time set-up (schemas, contexts), not for the input.
        foreach (var input in corpus)
        {
            try
            {
                harness.Run(input);
            }
            catch (Exception)
            {
                // judged below, when measured
            }
        }

        var findings = new List<string>();
        var executions = 0L;
        var clock = Stopwatch.StartNew();
        foreach (var input in corpus.ToList())
        {
            executions++;
            Record(Execute(harness, input, out _), input);
        }

        var mutator = new Mutator(seed);
        var random = new Random(seed);
        var nextReport = TimeSpan.FromSeconds(60);
        while (clock.Elapsed < budget && executions < maxExecutions && findings.Count < MaxFindings)
        {
            var input = mutator.Mutate(corpus[random.Next(corpus.Count)], corpus);
            executions++;
            Record(Execute(harness, input, out var accepted), input);

            // No coverage feedback here: keep some accepted mutants so later mutations start deeper in the grammar.
            if (accepted && corpus.Count < MaxCorpus && random.Next(8) == 0 && input.Length < 64 * 1024)
            {
                corpus.Add(input);
            }

            if (log is not null && clock.Elapsed > nextReport)
            {
                log.WriteLine($"  {harness.Name}: {executions} executions, {executions / clock.Elapsed.TotalSeconds:F0}/s, corpus {corpus.Count}, findings {findings.Count}");
                nextReport += TimeSpan.FromSeconds(60);
            }
        }

        return new FuzzResult(harness.Name, executions, clock.Elapsed, corpus.Count, findings);

        void Record(string? finding, byte[] input)
        {
            if (finding is null)
            {
                return;
            }

            var name = $"{harness.Name}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}.bin";
            if (findingsFolder is not null)
            {
                Directory.CreateDirectory(findingsFolder);
                File.WriteAllBytes(Path.Combine(findingsFolder, name), input);
            }

            findings.Add($"{name}: {finding}");
            log?.WriteLine($"  FINDING {name}: {finding}");
        }
    }

    /// <summary>
    /// Runs one input; returns the finding, or null. The time bound is on the work an input causes: the process's CPU
    /// time where the platform gives it (a machine loaded with other builds stretches wall-clock time, not CPU time),
    /// with wall-clock time at ten times the bound as the backstop for an input that blocks. An over-time run is
    /// measured again before it counts, so that one garbage collection or page-in does not make a finding.
    /// </summary>
    public static string? Execute(Harness harness, byte[] input, out bool accepted)
    {
        var finding = ExecuteOnce(harness, input, out accepted, out var slow);
        return slow && finding is null ? ExecuteOnce(harness, input, out accepted, out _) : finding;
    }

    private static string? ExecuteOnce(Harness harness, byte[] input, out bool accepted, out bool slow)
    {
        accepted = false;
        slow = false;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ProcessCpuTime.Now();
        var clock = Stopwatch.StartNew();
        try
        {
            harness.Run(input);
            accepted = true;
        }
        catch (Exception e) when (harness.IsExpected(e))
        {
        }
        catch (Exception e)
        {
            var message = e.Message.Length > 300 ? e.Message[..300] + "…" : e.Message;
            return $"{e.GetType().FullName}: {message}";
        }

        clock.Stop();
        var cpu = ProcessCpuTime.Now() - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > MaxAllocated)
        {
            return $"allocated {allocated / (1024 * 1024)} MB (the bound is {MaxAllocated / (1024 * 1024)} MB)";
        }

        var overCpu = cpu is { } used ? used > MaxTime : clock.Elapsed > MaxTime;
        if (overCpu || clock.Elapsed > 10 * MaxTime)
        {
            slow = true;
            var spent = cpu is { } c ? $"{c.TotalMilliseconds:F0} ms of CPU, {clock.Elapsed.TotalMilliseconds:F0} ms elapsed" : $"{clock.Elapsed.TotalMilliseconds:F0} ms";
            return $"took {spent} (the bound is {MaxTime.TotalMilliseconds:F0} ms)";
        }

        return null;
    }
}
