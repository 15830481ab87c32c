using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Tests.Unit;

public sealed class JwtKeysTests
{
    [Fact]
    public void Did_jwk_round_trips_and_is_canonical()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
        var reordered = new JObject { ["y"] = jwk["y"], ["x"] = jwk["x"], ["kty"] = "EC", ["crv"] = "P-256" };

        var did = DidJwk.Create(jwk);

        Assert.StartsWith("did:jwk:eyJ", did, StringComparison.Ordinal);
        Assert.Equal(did, DidJwk.Create(reordered));
        Assert.True(DidJwk.TryParse(did + "#0", out var parsed, out var parsedDid, out var error), error);
        Assert.Equal(did, parsedDid);
        Assert.True(JToken.DeepEquals(jwk, parsed));
    }

    [Fact]
    public void Did_jwk_refuses_private_members_and_other_fragments()
    {
        using var key = Ed25519Key.Generate(allowSecretExport: true);
        Assert.Throws<ArgumentException>(() => DidJwk.Create(Jwk.FromKey(key, includePrivateKey: true)));

        var withD = "did:jwk:" + JwtTestSupport.B64(Jwk.FromKey(key, includePrivateKey: true));
        Assert.False(DidJwk.TryParse(withD, out _, out _, out var error));
        Assert.Contains("'d'", error, StringComparison.Ordinal);

        var did = DidJwk.Create(Jwk.FromPublicKey(key.PublicKey));
        Assert.False(DidJwk.TryParse(did + "#1", out _, out _, out _));
        Assert.False(DidJwk.TryParse("did:jwk:not base64!", out _, out _, out _));
        Assert.False(DidJwk.TryParse("did:jwk:" + JwtTestSupport.B64("{\"kty\":\"OKP\",\"kty\":\"EC\"}"), out _, out _, out _));
    }

    // The did:jwk method specification's P-256 example: its JSON is already in RFC 8785 order.
    private const string SpecP256DidJwk =
        "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9";

    private static JObject SpecP256Jwk => new()
    {
        ["crv"] = "P-256",
        ["kty"] = "EC",
        ["x"] = "acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0",
        ["y"] = "_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE",
    };

    [Fact]
    public void Did_jwk_reproduces_the_method_specification_p256_example()
    {
        Assert.Equal(SpecP256DidJwk, DidJwk.Create(SpecP256Jwk));
        Assert.True(DidJwk.TryParse(SpecP256DidJwk + "#0", out var jwk, out _, out var error), error);
        Assert.True(JToken.DeepEquals(SpecP256Jwk, jwk));
    }

    [Fact]
    public void P256_did_key_round_trips_for_both_y_parities()
    {
        var parities = new HashSet<int>();
        for (var i = 0; i < 64 && parities.Count < 2; i++)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
            var did = DidKeyP256.Create(jwk);

            Assert.StartsWith("did:key:zDn", did, StringComparison.Ordinal);
            Assert.True(DidKeyP256.TryParse(DidKeyP256.CreateVerificationMethodId(jwk), out var parsed, out var parsedDid, out var error), error);
            Assert.Equal(did, parsedDid);
            Assert.True(JToken.DeepEquals(jwk, parsed), $"{jwk} != {parsed}");
            parities.Add(System.Buffers.Text.Base64Url.DecodeFromChars((string)jwk["y"]!)[^1] & 1);
        }

        Assert.Equal(2, parities.Count);
        Assert.True(DidKeyP256.TryParse(DidKeyP256.Create(SpecP256Jwk), out var spec, out _, out _));
        Assert.True(JToken.DeepEquals(SpecP256Jwk, spec));
    }

    [Fact]
    public void P256_did_key_refuses_points_off_the_curve_and_other_codecs()
    {
        var offCurve = new byte[35];
        offCurve[0] = 0x80;
        offCurve[1] = 0x24;
        offCurve[2] = 0x02;
        offCurve.AsSpan(3).Fill(0xFF); // x ≥ p
        Assert.False(DidKeyP256.TryParse("did:key:" + Multibase.EncodeBase58Btc(offCurve), out _, out _, out _));

        using var key = Ed25519Key.Generate();
        Assert.False(DidKeyP256.TryParse(key.PublicKey.ToDidKey(), out _, out _, out _));
        var did = DidKeyP256.Create(SpecP256Jwk);
        Assert.False(DidKeyP256.TryParse(did + "#other", out _, out _, out _));
    }

    [Fact]
    public void Rsa_signer_refuses_keys_under_2048_bits()
    {
        using var rsa = RSA.Create(1024);

        Assert.Throws<ArgumentException>(() => new RsaSigner(rsa, "did:example:issuer#k"));
    }

    [Fact]
    public void Ecdsa_signer_refuses_curves_other_than_p256()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => new EcdsaP256Signer(ecdsa, "did:example:issuer#k"));
    }

    [Fact]
    public async Task Ecdsa_signer_signatures_are_64_byte_r_s_that_verify()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new EcdsaP256Signer(ecdsa, "did:example:issuer#k");
        var data = "hello"u8.ToArray();

        var signature = await signer.SignAsync(data);

        Assert.Equal(64, signature.Length);
        Assert.True(ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal("ES256", signer.Algorithm);
    }

    [Fact]
    public void Exported_public_jwks_have_no_private_members()
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        foreach (var jwk in new[] { new RsaSigner(rsa, "urn:x").ExportPublicJwk(), new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk() })
        {
            foreach (var secret in new[] { "d", "p", "q", "dp", "dq", "qi" })
            {
                Assert.False(jwk.ContainsKey(secret), secret);
            }
        }
    }

    [Fact]
    public void Issuer_refuses_unknown_signer_algorithms_non_uri_kids_and_mismatched_jwks()
    {
        using var key = Ed25519Key.Generate();
        using var rsa = RSA.Create(2048);

        Assert.Throws<ArgumentException>(() => new VcJwtIssuer(new Ed25519Signer(key, "key-1")));
        Assert.Throws<ArgumentException>(() => new VcJwtIssuer(new Ed25519Signer(key, "urn:x"), new RsaSigner(rsa, "urn:x").ExportPublicJwk()));
        Assert.Equal("EdDSA", new VcJwtIssuer(Ed25519Signer.ForDidKey(key)).Algorithm);
        Assert.Null(JoseAlgorithms.FromSignerAlgorithm("HS256"));
    }
}
