using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using NSec.Cryptography;
using OpenBadges.Canonicalization;
using OpenBadges.Keys;
using OpenBadges.Proofs;

namespace OpenBadges.Benchmarks;

/// <summary>
/// Sign and verify of the reference-stack OB 3.0 micro-credential (about 3 KB) in each suite, and the
/// canonicalizations they rest on, each as a ratio to one raw Ed25519 signature measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class ProofBenchmarks
{
    private static readonly DateTimeOffset Created = new(2024, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly byte[] _message = new byte[64];
    private readonly byte[] _signature = new byte[64];
    private Key _rawKey = null!;
    private Ed25519Key _key = null!;
    private Ed25519Signer _signer = null!;
    private JObject _unsigned = null!;
    private JObject _signedRdfc = null!;
    private JObject _signedJcs = null!;
    private JObject _signed2020 = null!;

    /// <summary>Loads the fixture and signs it once per suite for the verify benchmarks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var seed = Convert.FromHexString(BenchmarkData.SeedHex);
        _rawKey = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
        SignatureAlgorithm.Ed25519.Sign(_rawKey, _message, _signature);
        _key = Ed25519Key.FromSeed(seed);
        _signer = Ed25519Signer.ForDidKey(_key);
        _unsigned = BenchmarkData.ReadObject("ob3-microcredential.unsigned.json");
        _signedRdfc = Sign(Cryptosuites.EddsaRdfc2022);
        _signedJcs = Sign(Cryptosuites.EddsaJcs2022);
        _signed2020 = Sign(Cryptosuites.Ed25519Signature2020);
    }

    /// <summary>Disposes the keys.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _rawKey.Dispose();
        _key.Dispose();
    }

    /// <summary>The baseline: one raw Ed25519 signature of 64 bytes.</summary>
    [Benchmark(Baseline = true)]
    public void RawEd25519Sign() => SignatureAlgorithm.Ed25519.Sign(_rawKey, _message, _signature);

    /// <summary>One raw Ed25519 verification of 64 bytes.</summary>
    [Benchmark]
    public bool RawEd25519Verify() => SignatureAlgorithm.Ed25519.Verify(_rawKey.PublicKey, _message, _signature);

    /// <summary>JSON-LD toRdf + RDFC-1.0 of the credential.</summary>
    [Benchmark]
    public string CanonicalizeRdfc10() => JsonLdCanonicalizer.Canonicalize(_unsigned);

    /// <summary>JCS of the credential.</summary>
    [Benchmark]
    public string CanonicalizeJcs() => Jcs.Canonicalize(_unsigned);

    /// <summary>eddsa-rdfc-2022 sign.</summary>
    [Benchmark]
    public JObject SignEddsaRdfc2022() => Sign(Cryptosuites.EddsaRdfc2022);

    /// <summary>eddsa-rdfc-2022 verify.</summary>
    [Benchmark]
    public bool VerifyEddsaRdfc2022() => Verify(_signedRdfc);

    /// <summary>eddsa-jcs-2022 sign.</summary>
    [Benchmark]
    public JObject SignEddsaJcs2022() => Sign(Cryptosuites.EddsaJcs2022);

    /// <summary>eddsa-jcs-2022 verify.</summary>
    [Benchmark]
    public bool VerifyEddsaJcs2022() => Verify(_signedJcs);

    /// <summary>Ed25519Signature2020 sign.</summary>
    [Benchmark]
    public JObject SignEd25519Signature2020() => Sign(Cryptosuites.Ed25519Signature2020);

    /// <summary>Ed25519Signature2020 verify.</summary>
    [Benchmark]
    public bool VerifyEd25519Signature2020() => Verify(_signed2020);

    private JObject Sign(Cryptosuite suite) =>
        DataIntegritySigner.SignAsync(_unsigned, _signer, suite, new ProofOptions { Created = Created }).GetAwaiter().GetResult();

    private static bool Verify(JObject signed) =>
        DataIntegrityVerifier.VerifyAsync(signed).GetAwaiter().GetResult().IsValid;
}
