using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Benchmarks;

/// <summary>
/// Growth with size: the reference-stack credential beside a large one made from it (50 alignments, 20 results).
/// Divide by the canonical quad counts the quick mode prints (<c>--quick</c>) to compare cost per quad.
/// </summary>
[MemoryDiagnoser]
public class LargeCredentialBenchmarks : WorkloadBenchmarks
{
    /// <summary>The baseline: one raw Ed25519 signature of 64 bytes.</summary>
    [Benchmark(Baseline = true)]
    public void RawEd25519Sign() => W.RawSign();

    /// <summary>toRdf + RDFC-1.0, small credential.</summary>
    [Benchmark]
    public string CanonicalizeRdfc10Small() => W.CanonicalizeRdfcSmall();

    /// <summary>toRdf + RDFC-1.0, large credential.</summary>
    [Benchmark]
    public string CanonicalizeRdfc10Large() => W.CanonicalizeRdfcLarge();

    /// <summary>JCS, large credential.</summary>
    [Benchmark]
    public string CanonicalizeJcsLarge() => W.CanonicalizeJcsLarge();

    /// <summary>eddsa-rdfc-2022 sign, small credential.</summary>
    [Benchmark]
    public JObject SignEddsaRdfc2022Small() => W.SignRdfcSmall();

    /// <summary>eddsa-rdfc-2022 sign, large credential.</summary>
    [Benchmark]
    public JObject SignEddsaRdfc2022Large() => W.SignRdfcLarge();

    /// <summary>eddsa-rdfc-2022 verify, small credential.</summary>
    [Benchmark]
    public bool VerifyEddsaRdfc2022Small() => W.VerifyRdfcSmall();

    /// <summary>eddsa-rdfc-2022 verify, large credential.</summary>
    [Benchmark]
    public bool VerifyEddsaRdfc2022Large() => W.VerifyRdfcLarge();
}
