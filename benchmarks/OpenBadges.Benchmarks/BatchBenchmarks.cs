using BenchmarkDotNet.Attributes;

namespace OpenBadges.Benchmarks;

/// <summary>
/// eddsa-rdfc-2022 proofs for 1,000 distinct credentials (CreateProofAsync, as <c>openbadges issue --batch</c> signs),
/// on one thread and with Parallel.ForEach on every core; reported per credential (OperationsPerInvoke), so the
/// ratio is the parallel speed-up.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks : WorkloadBenchmarks
{
    /// <summary>1,000 signatures on one thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public int SignBatchSingleCore() => W.SignBatchSingleCore();

    /// <summary>1,000 signatures on every core.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public int SignBatchAllCores() => W.SignBatchAllCores();
}
