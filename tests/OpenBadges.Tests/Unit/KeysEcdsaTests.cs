using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

/// <summary>P-256/P-384 keys: Multikey, did:key and fragment resolution, JWK methods, and any ES256 <see cref="ISigner"/> (a KMS key) with the ECDSA suites.</summary>
public sealed class KeysEcdsaTests
{
    [Theory]
    [InlineData(EcdsaCurve.P256, "zDn")]
    [InlineData(EcdsaCurve.P384, "z82")]
    public void Multikeys_round_trip_and_did_keys_resolve_to_the_method_the_ecdsa_suites_read(EcdsaCurve curve, string prefix)
    {
        using var ecdsa = ECDsa.Create(curve == EcdsaCurve.P256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384);
        var key = EcdsaPublicKey.FromECDsa(ecdsa);
        Assert.StartsWith(prefix, key.ToMultibase(), StringComparison.Ordinal);
        Assert.Equal(key, EcdsaPublicKey.ParseMultibase(key.ToMultibase()));

        var resolution = new DidKeyResolver().Resolve(key.ToDidKeyVerificationMethodId());
        Assert.Equal(KeyResolutionStatus.UnsupportedKeyType, resolution.Status);
        Assert.Equal(key.ToDidKey(), resolution.Controller);
        Assert.True(EcdsaPublicKey.TryFromVerificationMethod(resolution.VerificationMethod, out var read, out var error), error);
        Assert.Equal(key, read);

        var fragment = MultikeyFragmentResolver.Resolve("https://issuer.example/keys#" + key.ToMultibase());
        Assert.Equal(KeyResolutionStatus.UnsupportedKeyType, fragment.Status);
        Assert.Equal("https://issuer.example/keys", fragment.Controller);

        var wrongFragment = new DidKeyResolver().Resolve(key.ToDidKey() + "#other");
        Assert.Equal(KeyResolutionStatus.NotFound, wrongFragment.Status);
    }

    [Fact]
    public void A_tampered_point_a_secret_key_and_an_ec_jwk_are_told_apart()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = EcdsaPublicKey.FromECDsa(ecdsa);
        var bytes = Multibase.Decode(key.ToMultibase());
        Assert.False(EcdsaPublicKey.TryParseMultibase(Multibase.EncodeBase58Btc(bytes[..^1]), out _, out var lengthError));
        Assert.Contains("compressed P-256 point", lengthError, StringComparison.Ordinal);
        var badPrefix = (byte[])bytes.Clone();
        badPrefix[2] = 0x04;
        Assert.False(EcdsaPublicKey.TryParseMultibase(Multibase.EncodeBase58Btc(badPrefix), out _, out _));
        var p384Header = (byte[])bytes.Clone();
        p384Header[0] = 0x81;
        Assert.False(EcdsaPublicKey.TryParseMultibase(Multibase.EncodeBase58Btc(p384Header), out _, out _));

        var secret = TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/p256KeyPair.json"))["secretKeyMultibase"]!.ToString();
        Assert.False(EcdsaPublicKey.TryParseMultibase(secret, out _, out var secretError));
        Assert.Contains("secret", secretError, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[3..], secretError, StringComparison.Ordinal);

        var parameters = ecdsa.ExportParameters(false);
        var jwk = new JObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.X), ["y"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Q.Y) };
        Assert.True(EcdsaPublicKey.TryFromJwk(jwk, out var fromJwk, out _));
        Assert.Equal(key, fromJwk);
        jwk["d"] = "AAAA";
        Assert.False(EcdsaPublicKey.TryFromJwk(jwk, out _, out _));
    }

    [SharedDataFact]
    public async Task An_es256_signer_that_is_not_ours_signs_ecdsa_rdfc_2019_and_an_ed25519_signer_is_refused()
    {
        // EcdsaP256Signer stands for any ES256 ISigner (KMS, HSM): the suite needs only KeyId, Algorithm and SignAsync.
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = EcdsaPublicKey.FromECDsa(ecdsa);
        var signer = new EcdsaP256Signer(ecdsa, key.ToDidKeyVerificationMethodId());
        var credential = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("vc2-minimal"), key.ToDidKey());
        var signed = await DataIntegritySigner.SignAsync(credential, signer, Cryptosuites.EcdsaRdfc2019, new ProofOptions { JsonLd = TestContexts.Options });
        Assert.True((await DataIntegrityVerifier.VerifyAsync(signed, new ProofVerificationOptions { JsonLd = TestContexts.Options })).IsValid);

        using var ed = Ed25519Key.Generate();
        await Assert.ThrowsAsync<ArgumentException>(() => DataIntegritySigner.SignAsync(credential, Ed25519Signer.ForDidKey(ed), Cryptosuites.EcdsaRdfc2019));
        await Assert.ThrowsAsync<ArgumentException>(() => DataIntegritySigner.SignAsync(credential, signer, Cryptosuites.EddsaRdfc2022));
    }

    [SharedDataFact]
    public async Task An_ecdsa_proof_naming_an_ed25519_key_fails_and_an_eddsa_proof_naming_a_p256_key_fails()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = EcdsaPublicKey.FromECDsa(ecdsa);
        var credential = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("vc2-minimal"), key.ToDidKey());
        var signed = await DataIntegritySigner.SignAsync(credential, new EcdsaSigner(ecdsa, key.ToDidKeyVerificationMethodId()), Cryptosuites.EcdsaRdfc2019, new ProofOptions { JsonLd = TestContexts.Options });
        var options = new ProofVerificationOptions { JsonLd = TestContexts.Options };

        var asEddsa = (JObject)signed.DeepClone();
        asEddsa["proof"]!["cryptosuite"] = "eddsa-rdfc-2022";
        Assert.False((await DataIntegrityVerifier.VerifyAsync(asEddsa, options)).IsValid);

        using var ed = Ed25519Key.Generate();
        var edKey = (JObject)signed.DeepClone();
        edKey["proof"]!["verificationMethod"] = ed.PublicKey.ToDidKeyVerificationMethodId();
        var result = await DataIntegrityVerifier.VerifyAsync(edKey, options);
        Assert.Contains(result.AllChecks, c => c.Name == "proof.verificationMethod" && c.Status == OpenBadges.Checks.CheckStatus.Failed);
    }
}
