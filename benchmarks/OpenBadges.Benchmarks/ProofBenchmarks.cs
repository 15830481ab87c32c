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
public class ProofBenchmarks : WorkloadBenchmarks
{
    /// <summary>The baseline: one raw Ed25519 signature of 64 bytes.</summary>
    [Benchmark(Baseline = true)]
    public void RawEd25519Sign() => W.RawSign();

    /// <summary>One raw Ed25519 verification of 64 bytes.</summary>
    [Benchmark]
    public bool RawEd25519Verify() => W.RawVerify();

    /// <summary>JSON-LD toRdf + RDFC-1.0 of the credential.</summary>
    [Benchmark]
    public string CanonicalizeRdfc10() => W.CanonicalizeRdfcSmall();

    /// <summary>RDFC-1.0 alone (SHA-256 of the canonical N-Quads) of the credential's precomputed quads.</summary>
    [Benchmark]
    public byte[] Rdfc10Only() => W.Rdfc10OnlySmall();

    /// <summary>RDFC-1.0 alone through the public Canonicalize (string, quads, issued map).</summary>
    [Benchmark]
    public Rdfc10Result Rdfc10Canonicalize() => W.Rdfc10CanonicalizeSmall();

    /// <summary>JCS of the credential.</summary>
    [Benchmark]
    public string CanonicalizeJcs() => W.CanonicalizeJcsSmall();

    [Benchmark]
    public int ToRdfOnePass() => W.ToRdfOnePassSmall();

    [Benchmark]
    public int ToRdfSpecPath() => W.ToRdfSpecPathSmall();

    /// <summary>eddsa-rdfc-2022 sign.</summary>
    [Benchmark]
    public JObject SignEddsaRdfc2022() => W.SignRdfcSmall();

    /// <summary>eddsa-rdfc-2022 proof only (CreateProofAsync: the credential is not copied).</summary>
    [Benchmark]
    public JObject CreateProofEddsaRdfc2022() => W.CreateProofRdfcSmall();

    /// <summary>eddsa-rdfc-2022 verify.</summary>
    [Benchmark]
    public bool VerifyEddsaRdfc2022() => W.VerifyRdfcSmall();

    /// <summary>The full CredentialVerifier (offline, fixed clock) on the eddsa-rdfc-2022 credential: every OB 3.0 check.</summary>
    [Benchmark]
    public bool VerifyCredentialFull() => W.VerifyCredentialSmall();

    /// <summary>eddsa-jcs-2022 sign.</summary>
    [Benchmark]
    public JObject SignEddsaJcs2022() => W.SignJcs();

    /// <summary>eddsa-jcs-2022 proof only (CreateProofAsync: the credential is not copied).</summary>
    [Benchmark]
    public JObject CreateProofEddsaJcs2022() => W.CreateProofJcsSmall();

    /// <summary>eddsa-jcs-2022 verify.</summary>
    [Benchmark]
    public bool VerifyEddsaJcs2022() => W.VerifyJcs();

    /// <summary>Ed25519Signature2020 sign.</summary>
    [Benchmark]
    public JObject SignEd25519Signature2020() => W.Sign2020();

    /// <summary>Ed25519Signature2020 verify.</summary>
    [Benchmark]
    public bool VerifyEd25519Signature2020() => W.Verify2020();

    /// <summary>VC-JWT EdDSA issue (compact JWS).</summary>
    [Benchmark]
    public string SignVcJwtEdDsa() => W.SignJwt();

    /// <summary>VC-JWT EdDSA verify (did:key kid).</summary>
    [Benchmark]
    public bool VerifyVcJwtEdDsa() => W.VerifyJwt();

    /// <summary>MicroCredentialBuilder → eddsa-rdfc-2022 signed credential.</summary>
    [Benchmark]
    public JObject BuildAndSignEddsaRdfc2022() => W.BuildAndSign();
}
