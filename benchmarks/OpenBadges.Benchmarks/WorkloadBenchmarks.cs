using BenchmarkDotNet.Attributes;

namespace OpenBadges.Benchmarks;

/// <summary>
/// What every BenchmarkDotNet class here shares: one <see cref="Workload"/> (fixtures loaded and signed once, keys
/// disposed at the end). Each class picks its own baseline.
/// </summary>
public abstract class WorkloadBenchmarks
{
    /// <summary>The operations, as the quick mode runs them.</summary>
    protected Workload W { get; private set; } = null!;

    /// <summary>Loads the fixtures and signs them once per suite for the verify benchmarks.</summary>
    [GlobalSetup]
    public void Setup() => W = new Workload();

    /// <summary>Disposes the keys.</summary>
    [GlobalCleanup]
    public void Cleanup() => W.Dispose();
}
