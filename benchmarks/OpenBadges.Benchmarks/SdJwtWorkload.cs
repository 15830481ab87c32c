using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using NSec.Cryptography;
using OpenBadges.Keys;
using OpenBadges.SdJwt;

namespace OpenBadges.Benchmarks;

/// <summary>
/// SD-JWT VC issue and verify of the 3 KB micro-credential (as <c>urn:eudi:micro_credential:1</c>, ES256 and EdDSA), beside
/// the raw ES256 and Ed25519 operations they are measured against. Every verify workload is checked to verify.
/// </summary>
public sealed class SdJwtWorkload : IDisposable
{
    private static readonly SdJwtVerificationOptions VerifyOptions = SdJwtVerificationOptions.Default;
    private readonly ECDsa _ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Ed25519Key _ed25519 = Ed25519Key.FromSeed(Convert.FromHexString(BenchmarkData.SeedHex));
    private readonly Key _rawEd25519 = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(BenchmarkData.SeedHex), KeyBlobFormat.RawPrivateKey);
    private readonly byte[] _message = RandomNumberGenerator.GetBytes(64);
    private readonly byte[] _es256Signature;
    private readonly byte[] _ed25519Signature = new byte[64];
    private readonly EcdsaP256Signer _es256Signer;
    private readonly Ed25519Signer _edSigner;
    private readonly JObject _es256Credential;
    private readonly JObject _edCredential;

    public SdJwtWorkload()
    {
        var jwk = new EcdsaP256Signer(_ecdsa, "x").ExportPublicJwk();
        var did = DidJwk.Create(jwk);
        _es256Signer = new EcdsaP256Signer(_ecdsa, did + "#0");
        _edSigner = Ed25519Signer.ForDidKey(_ed25519);
        _es256Credential = WithIssuer(BenchmarkData.Small(), did);
        _edCredential = WithIssuer(BenchmarkData.Small(), _ed25519.PublicKey.ToDidKey());
        _es256Signature = _ecdsa.SignData(_message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        SignatureAlgorithm.Ed25519.Sign(_rawEd25519, _message, _ed25519Signature);
        Es256Token = IssueEs256();
        EdDsaToken = IssueEdDsa();
        if (!RawEs256Verify() || !VerifyEs256() || !VerifyEdDsa())
        {
            throw new InvalidOperationException("Benchmark set-up: an SD-JWT workload does not verify: "
                + SdJwtVerifier.VerifyAsync(Es256Token, VerifyOptions).GetAwaiter().GetResult());
        }
    }

    public string Es256Token { get; }

    public string EdDsaToken { get; }

    public byte[] RawEs256Sign() => _ecdsa.SignData(_message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool RawEs256Verify() => _ecdsa.VerifyData(_message, _es256Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void RawEd25519Sign() => SignatureAlgorithm.Ed25519.Sign(_rawEd25519, _message, _ed25519Signature);

    public bool RawEd25519Verify() => SignatureAlgorithm.Ed25519.Verify(_rawEd25519.PublicKey, _message, _ed25519Signature);

    public string IssueEs256() => MicroCredentialSdJwtVc.IssueAsync(_es256Credential, _es256Signer).GetAwaiter().GetResult().ToString();

    public string IssueEdDsa() => MicroCredentialSdJwtVc.IssueAsync(_edCredential, _edSigner).GetAwaiter().GetResult().ToString();

    public bool VerifyEs256() => SdJwtVerifier.VerifyAsync(Es256Token, VerifyOptions).GetAwaiter().GetResult().IsValid;

    public bool VerifyEdDsa() => SdJwtVerifier.VerifyAsync(EdDsaToken, VerifyOptions).GetAwaiter().GetResult().IsValid;

    public void Dispose()
    {
        _ecdsa.Dispose();
        _ed25519.Dispose();
        _rawEd25519.Dispose();
    }

    private static JObject WithIssuer(JObject credential, string did)
    {
        var copy = (JObject)credential.DeepClone();
        copy.Remove("proof");
        if (copy["issuer"] is JObject issuer)
        {
            issuer["id"] = did;
        }
        else
        {
            copy["issuer"] = did;
        }

        return copy;
    }
}
