using BenchmarkDotNet.Attributes;
using NSec.Cryptography;

namespace OpenBadges.Benchmarks;

/// <summary>
/// The floor every other figure is a ratio to: one raw Ed25519 signature (and verification) of 64 bytes,
/// the size of the proof-hash ‖ document-hash message a Data Integrity proof signs.
/// </summary>
[MemoryDiagnoser]
public class Ed25519Baseline
{
    private readonly byte[] _message = new byte[64];
    private readonly byte[] _signature = new byte[64];
    private Key _key = null!;

    /// <summary>Creates the key (RFC 8032 test 1 seed) and one signature to verify.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), KeyBlobFormat.RawPrivateKey);
        SignatureAlgorithm.Ed25519.Sign(_key, _message, _signature);
    }

    /// <summary>Disposes the key.</summary>
    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    /// <summary>Raw Ed25519 sign of 64 bytes.</summary>
    [Benchmark(Baseline = true)]
    public void RawEd25519Sign() => SignatureAlgorithm.Ed25519.Sign(_key, _message, _signature);

    /// <summary>Raw Ed25519 verify of 64 bytes.</summary>
    [Benchmark]
    public bool RawEd25519Verify() => SignatureAlgorithm.Ed25519.Verify(_key.PublicKey, _message, _signature);
}
