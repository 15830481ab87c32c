using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;

namespace OpenBadges.Benchmarks;

/// <summary>
/// The ECDSA operations, next to their baseline in the same run: one raw P-256 sign and verify with .NET's
/// <see cref="ECDsa"/> (NSec has no P-256), over the same 64 bytes a Data Integrity proof signs.
/// </summary>
public sealed class EcdsaWorkload : IDisposable
{
    private readonly byte[] _message = RandomNumberGenerator.GetBytes(64);
    private readonly ECDsa _raw = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _signature;
    private readonly EcdsaKeyFile _key = EcdsaKeyFile.Generate(EcdsaCurve.P256);
    private readonly EcdsaSigner _signer;
    private readonly ProofOptions _proofOptions = new() { Created = BenchmarkData.Created };

    public EcdsaWorkload(JObject small)
    {
        _signature = _raw.SignData(_message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        _signer = _key.CreateSigner();
        Small = (JObject)small.DeepClone();
        if (Small["issuer"] is JObject profile)
        {
            profile["id"] = _key.Controller;
        }
        else
        {
            Small["issuer"] = _key.Controller;
        }

        SignedRdfc = DataIntegritySigner.SignAsync(Small, _signer, Cryptosuites.EcdsaRdfc2019, _proofOptions).GetAwaiter().GetResult();
        SdBaseCredential = SdBase();
        SdDerived = SdDerive();
        var statements = Canonicalization.JsonLdCanonicalizer.Canonicalize(Small).Count(c => c == '\n');
        SdStatements = statements;
        if (!RawVerify() || !VerifyRdfc() || !SdVerify())
        {
            throw new InvalidOperationException("Benchmark set-up: an ECDSA workload does not verify.");
        }
    }

    public JObject Small { get; }

    public JObject SignedRdfc { get; }

    public JObject SdBaseCredential { get; }

    public JObject SdDerived { get; }

    /// <summary>Statements (canonical N-Quads) of the small credential: what ecdsa-sd-2023 signs one by one.</summary>
    public int SdStatements { get; }

    public byte[] RawSign() => _raw.SignData(_message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool RawVerify() => _raw.VerifyData(_message, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public JObject ProofRdfc() => DataIntegritySigner.CreateProofAsync(Small, _signer, Cryptosuites.EcdsaRdfc2019, _proofOptions).GetAwaiter().GetResult();

    public bool VerifyRdfc() => Workload.Verify(SignedRdfc);

    public JObject SdBase() => EcdsaSd2023.SignBaseAsync(Small, _signer, null, _proofOptions).GetAwaiter().GetResult();

    /// <summary>The holder withholds the learner's name (everything else selective is withheld too).</summary>
    public JObject SdDerive() => EcdsaSd2023.Derive(SdBaseCredential, []);

    public bool SdVerify() => Workload.Verify(SdDerived);

    public void Dispose()
    {
        _raw.Dispose();
        _key.Dispose();
    }
}
