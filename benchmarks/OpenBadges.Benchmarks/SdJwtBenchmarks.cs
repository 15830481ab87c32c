using BenchmarkDotNet.Attributes;

namespace OpenBadges.Benchmarks;

/// <summary>SD-JWT VC issue and verify of the 3 KB micro-credential as ratios to one raw ES256 signature (and EdDSA) in the same run.</summary>
[MemoryDiagnoser]
public class SdJwtBenchmarks
{
    private SdJwtWorkload _w = null!;

    [GlobalSetup]
    public void Setup() => _w = new SdJwtWorkload();

    [GlobalCleanup]
    public void Cleanup() => _w.Dispose();

    [Benchmark(Baseline = true)]
    public byte[] RawEs256Sign() => _w.RawEs256Sign();

    [Benchmark]
    public bool RawEs256Verify() => _w.RawEs256Verify();

    [Benchmark]
    public void RawEd25519Sign() => _w.RawEd25519Sign();

    [Benchmark]
    public bool RawEd25519Verify() => _w.RawEd25519Verify();

    [Benchmark]
    public string SdJwtVcIssueEs256() => _w.IssueEs256();

    [Benchmark]
    public bool SdJwtVcVerifyEs256() => _w.VerifyEs256();

    [Benchmark]
    public string SdJwtVcIssueEdDsa() => _w.IssueEdDsa();

    [Benchmark]
    public bool SdJwtVcVerifyEdDsa() => _w.VerifyEdDsa();
}
