using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;

namespace OpenBadges.Benchmarks;

/// <summary>
/// Sign and verify of the reference-stack OB 3.0 micro-credential (about 3 KB) in each suite, the
/// canonicalizations they rest on, VC-JWT and build-then-sign, each as a ratio to one raw Ed25519 signature
/// of 64 bytes (the proof-hash ‖ document-hash message a Data Integrity proof signs) measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class ProofBenchmarks
{
    private Workload _w = null!;

    /// <summary>Loads the fixtures and signs them once per suite for the verify benchmarks.</summary>
    [GlobalSetup]
    public void Setup() => _w = new Workload();

    /// <summary>Disposes the keys.</summary>
    [GlobalCleanup]
    public void Cleanup() => _w.Dispose();

    /// <summary>The baseline: one raw Ed25519 signature of 64 bytes.</summary>
    [Benchmark(Baseline = true)]
    public void RawEd25519Sign() => _w.RawSign();

    /// <summary>One raw Ed25519 verification of 64 bytes.</summary>
    [Benchmark]
    public bool RawEd25519Verify() => _w.RawVerify();

    /// <summary>JSON-LD toRdf + RDFC-1.0 of the credential.</summary>
    [Benchmark]
    public string CanonicalizeRdfc10() => _w.CanonicalizeRdfcSmall();

    /// <summary>RDFC-1.0 alone (SHA-256 of the canonical N-Quads) of the credential's precomputed quads.</summary>
    [Benchmark]
    public byte[] Rdfc10Only() => _w.Rdfc10OnlySmall();

    /// <summary>RDFC-1.0 alone through the public Canonicalize (string, quads, issued map).</summary>
    [Benchmark]
    public Rdfc10Result Rdfc10Canonicalize() => _w.Rdfc10CanonicalizeSmall();

    /// <summary>JCS of the credential.</summary>
    [Benchmark]
    public string CanonicalizeJcs() => _w.CanonicalizeJcsSmall();

    [Benchmark]
    public int ToRdfOnePass() => _w.ToRdfOnePassSmall();

    [Benchmark]
    public int ToRdfSpecPath() => _w.ToRdfSpecPathSmall();

    /// <summary>eddsa-rdfc-2022 sign.</summary>
    [Benchmark]
    public JObject SignEddsaRdfc2022() => _w.SignRdfcSmall();

    /// <summary>eddsa-rdfc-2022 proof only (CreateProofAsync: the credential is not copied).</summary>
    [Benchmark]
    public JObject CreateProofEddsaRdfc2022() => _w.CreateProofRdfcSmall();

    /// <summary>eddsa-rdfc-2022 verify.</summary>
    [Benchmark]
    public bool VerifyEddsaRdfc2022() => _w.VerifyRdfcSmall();

    /// <summary>The full CredentialVerifier (offline, fixed clock) on the eddsa-rdfc-2022 credential: every OB 3.0 check.</summary>
    [Benchmark]
    public bool VerifyCredentialFull() => _w.VerifyCredentialSmall();

    /// <summary>eddsa-jcs-2022 sign.</summary>
    [Benchmark]
    public JObject SignEddsaJcs2022() => _w.SignJcs();

    /// <summary>eddsa-jcs-2022 proof only (CreateProofAsync: the credential is not copied).</summary>
    [Benchmark]
    public JObject CreateProofEddsaJcs2022() => _w.CreateProofJcsSmall();

    /// <summary>eddsa-jcs-2022 verify.</summary>
    [Benchmark]
    public bool VerifyEddsaJcs2022() => _w.VerifyJcs();

    /// <summary>Ed25519Signature2020 sign.</summary>
    [Benchmark]
    public JObject SignEd25519Signature2020() => _w.Sign2020();

    /// <summary>Ed25519Signature2020 verify.</summary>
    [Benchmark]
    public bool VerifyEd25519Signature2020() => _w.Verify2020();

    /// <summary>VC-JWT EdDSA issue (compact JWS).</summary>
    [Benchmark]
    public string SignVcJwtEdDsa() => _w.SignJwt();

    /// <summary>VC-JWT EdDSA verify (did:key kid).</summary>
    [Benchmark]
    public bool VerifyVcJwtEdDsa() => _w.VerifyJwt();

    /// <summary>MicroCredentialBuilder → eddsa-rdfc-2022 signed credential.</summary>
    [Benchmark]
    public JObject BuildAndSignEddsaRdfc2022() => _w.BuildAndSign();
}
