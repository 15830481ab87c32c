using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Tests.SdJwt;

/// <summary>An issuer or holder key for the SD-JWT tests: ES256 (did:jwk) or EdDSA (did:key), with its DID and public JWK.</summary>
internal sealed class SdJwtTestKey : IDisposable
{
    private readonly IDisposable _owner;

    private SdJwtTestKey(IDisposable owner, ISigner signer, JObject publicJwk, JObject privateJwk, string did)
    {
        _owner = owner;
        Signer = signer;
        PublicJwk = publicJwk;
        PrivateJwk = privateJwk;
        Did = did;
    }

    public ISigner Signer { get; }

    public JObject PublicJwk { get; }

    public JObject PrivateJwk { get; }

    public string Did { get; }

    public static SdJwtTestKey Create(string algorithm) => algorithm switch
    {
        "ES256" => Es256(),
        "EdDSA" => EdDsa(),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static SdJwtTestKey Es256()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ecdsa.ExportParameters(true);
        var jwk = new JObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.Y),
        };
        var did = DidJwk.Create(jwk);
        var privateJwk = (JObject)jwk.DeepClone();
        privateJwk["d"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.D);
        return new SdJwtTestKey(ecdsa, new EcdsaP256Signer(ecdsa, did + "#0"), jwk, privateJwk, did);
    }

    public static SdJwtTestKey EdDsa()
    {
        var key = Ed25519Key.FromSeed(RandomNumberGenerator.GetBytes(32), allowSecretExport: true);
        var publicJwk = Jwk.FromPublicKey(key.PublicKey);
        return new SdJwtTestKey(key, Ed25519Signer.ForDidKey(key), publicJwk, Jwk.FromKey(key, includePrivateKey: true), key.PublicKey.ToDidKey());
    }

    public void Dispose() => _owner.Dispose();
}
