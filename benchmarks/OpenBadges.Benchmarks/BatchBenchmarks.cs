using BenchmarkDotNet.Attributes;

namespace OpenBadges.Benchmarks;

/// <summary>
/// eddsa-rdfc-2022 proofs for 1,000 distinct credentials (CreateProofAsync, as <c>openbadges issue --batch</c> signs),
/// on one thread and with Parallel.ForEach on every core; reported per credential (OperationsPerInvoke), so the
/// ratio is the parallel speed-up.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private Workload _w = null!;

    /// <summary>Loads the fixtures and makes the batch.</summary>
    [GlobalSetup]
    public void Setup() => _w = new Workload();

    /// <summary>Disposes the keys.</summary>
    [GlobalCleanup]
    public void Cleanup() => _w.Dispose();

    /// <summary>1,000 signatures on one thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public int SignBatchSingleCore() => _w.SignBatchSingleCore();

    /// <summary>1,000 signatures on every core.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int SignBatchAllCores() => _w.SignBatchAllCores();
}
