using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using OpenBadges.Verification;
using static OpenBadges.Tests.Unit.JwtTestSupport;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Unit;

public sealed class JwtRoundTripTests
{
    [Fact]
    public async Task Rs256_round_trip_with_did_jwk_kid_is_valid()
    {
        using var rsa = RSA.Create(2048);
        var jwk = new RsaSigner(rsa, "did:example:placeholder#k").ExportPublicJwk();
        var signer = new RsaSigner(rsa, DidJwk.CreateVerificationMethodId(jwk));
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(DidJwk.Create(jwk)));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
        Assert.Equal("RS256", (string?)result.Header!["alg"]);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
    }

    [Fact]
    public async Task Es256_round_trip_with_did_jwk_kid_is_valid_and_signature_is_r_s_form()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "did:example:placeholder#k").ExportPublicJwk();
        var signer = new EcdsaP256Signer(ecdsa, DidJwk.CreateVerificationMethodId(jwk));
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(DidJwk.Create(jwk)));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
        Assert.Equal(64, System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[2]).Length);
    }

    [Fact]
    public async Task Es256_round_trip_with_p256_did_key_kid_is_valid()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
        var signer = new EcdsaP256Signer(ecdsa, DidKeyP256.CreateVerificationMethodId(jwk));
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(DidKeyP256.Create(jwk)));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
    }

    [Fact]
    public async Task EdDsa_round_trip_with_did_key_kid_is_valid()
    {
        using var key = Ed25519Key.Generate();
        var signer = Ed25519Signer.ForDidKey(key);
        var credential = Credential(key.PublicKey.ToDidKey());
        var token = await new VcJwtIssuer(signer).IssueAsync(credential);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
        var header = result.Header!;
        Assert.Equal("EdDSA", (string?)header["alg"]);
        Assert.Equal("JWT", (string?)header["typ"]);
        Assert.Equal(signer.KeyId, (string?)header["kid"]);
        Assert.True(JToken.DeepEquals(credential, result.Credential), "the decoded credential is the issued one, without JWT claims");
    }

    [Fact]
    public async Task Issued_payload_carries_ob_registered_claims()
    {
        using var key = Ed25519Key.Generate();
        var token = await new VcJwtIssuer(Ed25519Signer.ForDidKey(key)).IssueAsync(Credential(key.PublicKey.ToDidKey()));

        var payload = OpenBadges.Json.JsonInput.ParseObject(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])));

        Assert.Equal(key.PublicKey.ToDidKey(), (string?)payload["iss"]);
        Assert.Equal(CredentialId, (string?)payload["jti"]);
        Assert.Equal(SubjectId, (string?)payload["sub"]);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (long)payload["nbf"]!);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (long)payload["exp"]!);
        Assert.Equal("2024-01-01T00:00:00Z", (string?)payload["validFrom"]);
    }

    [Fact]
    public async Task Jwk_header_key_is_valid_when_issuer_is_the_did_jwk_of_that_key()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
        var signer = new EcdsaP256Signer(ecdsa, "urn:unused");
        var token = await new VcJwtIssuer(signer, jwk).IssueAsync(Credential(DidJwk.Create(jwk)));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
        Assert.Null(result.Header!["kid"]);
        Assert.False(((JObject)result.Header["jwk"]!).ContainsKey("d"));
    }

    [Fact]
    public async Task Jwk_header_key_with_https_issuer_is_indeterminate_unless_trusted_by_option()
    {
        using var key = Ed25519Key.Generate();
        var token = await new VcJwtIssuer(new Ed25519Signer(key, "urn:unused"), Jwk.FromPublicKey(key.PublicKey)).IssueAsync(Credential("https://example.edu/issuers/565049"));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal(CheckStatus.CouldNotCheck, Check(result, VcJwtChecks.KeyController).Status);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);

        var trusted = await VcJwtVerifier.VerifyAsync(token, Options() with { TrustJwkHeader = true });
        AssertValid(trusted);
    }

    [Fact]
    public async Task Did_web_kid_with_ec_publicKeyJwk_resolves_through_the_controller_document_resolver()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        const string Issuer = "https://example.edu/issuers/565049";
        var signer = new EcdsaP256Signer(ecdsa, Issuer + "#key-1");
        var document = new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/ns/did/v1"),
            ["id"] = Issuer,
            ["verificationMethod"] = new JArray(new JObject
            {
                ["id"] = Issuer + "#key-1",
                ["type"] = "JsonWebKey",
                ["controller"] = Issuer,
                ["publicKeyJwk"] = signer.ExportPublicJwk(),
            }),
            ["assertionMethod"] = new JArray(Issuer + "#key-1"),
        };
        var resolver = new ControllerDocumentResolver((url, _) =>
            url.ToString() == Issuer ? Task.FromResult(document.ToString()) : throw new HttpRequestException("not found"));
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(Issuer));

        var result = await VcJwtVerifier.VerifyAsync(token, Options() with { KeyResolver = resolver });

        AssertValid(result);
    }

    [Fact]
    public async Task Https_kid_naming_a_key_in_a_jwk_set_resolves_through_the_injected_fetcher()
    {
        using var rsa = RSA.Create(2048);
        const string Issuer = "https://example.edu/issuers/565049";
        const string Kid = "https://example.edu/.well-known/jwks.json#rsa-1";
        var signer = new RsaSigner(rsa, Kid);
        var published = signer.ExportPublicJwk();
        published["kid"] = "rsa-1";
        using var other = RSA.Create(2048);
        var decoy = new RsaSigner(other, "urn:x").ExportPublicJwk();
        decoy["kid"] = "rsa-0";
        var jwks = new JObject { ["keys"] = new JArray(decoy, published) };
        var fetched = new List<Uri>();
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(Issuer));

        var result = await VcJwtVerifier.VerifyAsync(token, Options() with
        {
            JwkFetcher = (url, _) =>
            {
                fetched.Add(url);
                return Task.FromResult(jwks.ToString());
            },
        });

        AssertValid(result);
        Assert.Equal([new Uri("https://example.edu/.well-known/jwks.json")], fetched);
    }

    [Fact]
    public async Task Https_jwk_from_another_origin_than_the_issuer_fails_the_controller_check()
    {
        using var rsa = RSA.Create(2048);
        var signer = new RsaSigner(rsa, "https://attacker.example/key.json");
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential("https://example.edu/issuers/565049"));

        var result = await VcJwtVerifier.VerifyAsync(token, Options() with { JwkFetcher = (_, _) => Task.FromResult(signer.ExportPublicJwk().ToString()) });

        AssertFailed(result, VcJwtChecks.KeyController);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
    }

    [Fact]
    public async Task Embedded_data_integrity_proof_is_kept_in_the_payload()
    {
        using var key = Ed25519Key.Generate();
        var credential = Credential(key.PublicKey.ToDidKey());
        credential["proof"] = new JObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-rdfc-2022",
            ["verificationMethod"] = Ed25519Signer.ForDidKey(key).KeyId,
            ["proofPurpose"] = "assertionMethod",
            ["proofValue"] = "z3FXQ",
        };
        var token = await new VcJwtIssuer(Ed25519Signer.ForDidKey(key)).IssueAsync(credential);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
        Assert.True(JToken.DeepEquals(credential["proof"], result.Credential!["proof"]));
    }

    [Fact]
    public async Task Vc_1_1_token_with_vc_claim_verifies_and_claims_fill_the_credential()
    {
        using var key = Ed25519Key.Generate();
        var signer = Ed25519Signer.ForDidKey(key);
        var issuer = key.PublicKey.ToDidKey();
        var vc = new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["type"] = new JArray("VerifiableCredential", "OpenBadgeCredential"),
            ["credentialSubject"] = new JObject { ["type"] = "AchievementSubject" },
        };
        var nbf = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var payload = new JObject
        {
            ["iss"] = issuer,
            ["sub"] = SubjectId,
            ["jti"] = CredentialId,
            ["nbf"] = nbf,
            ["iat"] = nbf,
            ["exp"] = nbf + (3600L * 24 * 365 * 3),
            ["vc"] = vc,
        };
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = signer.KeyId }, payload, signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
        Assert.True(result.IsVcClaimForm);
        var credential = result.Credential!;
        Assert.Equal(issuer, (string?)credential["issuer"]);
        Assert.Equal(CredentialId, (string?)credential["id"]);
        Assert.Equal(SubjectId, (string?)credential["credentialSubject"]!["id"]);
        Assert.Equal("2024-03-01T00:00:00Z", (string?)credential["issuanceDate"]);
        Assert.Equal("2027-03-01T00:00:00Z", (string?)credential["expirationDate"]);
    }

    [Fact]
    public async Task Vc_1_1_token_whose_vc_issuer_differs_from_iss_fails_the_iss_check()
    {
        using var key = Ed25519Key.Generate();
        var signer = Ed25519Signer.ForDidKey(key);
        var payload = new JObject
        {
            ["iss"] = key.PublicKey.ToDidKey(),
            ["nbf"] = 1704067200,
            ["vc"] = new JObject { ["type"] = new JArray("VerifiableCredential"), ["issuer"] = "did:example:someone-else", ["credentialSubject"] = new JObject() },
        };
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = signer.KeyId }, payload, signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Issuer);
    }

    [Fact]
    public async Task Rfc9864_fully_specified_alg_ed25519_verifies_for_an_ed25519_key()
    {
        using var key = Ed25519Key.Generate();
        var signer = Ed25519Signer.ForDidKey(key);
        var token = await SignRawAsync(new JObject { ["alg"] = "Ed25519", ["typ"] = "JWT", ["kid"] = signer.KeyId },
            VcJwtIssuer.CreatePayload(Credential(key.PublicKey.ToDidKey())), signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
    }

    [Fact]
    public async Task Token_made_by_identitymodel_with_the_eddsa_provider_verifies()
    {
        using var key = Ed25519Key.Generate();
        var payload = VcJwtIssuer.CreatePayload(Credential(key.PublicKey.ToDidKey()));
        var handler = new JsonWebTokenHandler();
        var securityKey = new Ed25519SecurityKey(key) { KeyId = key.PublicKey.ToDidKeyVerificationMethodId() };
        var token = handler.CreateToken(payload.ToString(Newtonsoft.Json.Formatting.None), new SigningCredentials(securityKey, "EdDSA"));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
    }

    [Fact]
    public async Task Token_made_by_identitymodel_with_rs256_verifies()
    {
        using var rsa = RSA.Create(2048);
        var jwk = new RsaSigner(rsa, "urn:x").ExportPublicJwk();
        var payload = VcJwtIssuer.CreatePayload(Credential(DidJwk.Create(jwk)));
        var securityKey = new RsaSecurityKey(rsa) { KeyId = DidJwk.CreateVerificationMethodId(jwk) };
        var token = new JsonWebTokenHandler().CreateToken(payload.ToString(Newtonsoft.Json.Formatting.None), new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
    }

    [Fact]
    public async Task Es256_signer_returning_der_signatures_like_a_kms_still_yields_jose_signatures()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
        var signer = new DerSigner(ecdsa, DidJwk.CreateVerificationMethodId(jwk));
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(DidJwk.Create(jwk)));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertValid(result);
    }

    [Fact]
    public async Task Rfc8037_appendix_a4_eddsa_jws_verifies_through_the_identitymodel_provider()
    {
        // RFC 8037 A.4: header {"alg":"EdDSA"}, payload "Example of Ed25519 signing", the A.1 key.
        const string Jws = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        var publicKey = Jwk.ParsePublicKey(new JObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" });
        var securityKey = new Ed25519SecurityKey(publicKey);
        var parts = Jws.Split('.');
        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);

        Assert.True(securityKey.CryptoProviderFactory.IsSupportedAlgorithm("EdDSA", securityKey));
        var provider = securityKey.CryptoProviderFactory.CreateForVerifying(securityKey, "EdDSA");
        Assert.True(provider.Verify(signingInput, signature));
        signature[0] ^= 1;
        Assert.False(provider.Verify(signingInput, signature));

        // Signing through IdentityModel reproduces the vector (Ed25519 is deterministic).
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(KeysEd25519Tests.Test1SeedHex));
        var signingKey = new Ed25519SecurityKey(key);
        var signerProvider = signingKey.CryptoProviderFactory.CreateForSigning(signingKey, "EdDSA");
        Assert.Equal(parts[2], System.Buffers.Text.Base64Url.EncodeToString(signerProvider.Sign(signingInput)));
    }

    [Fact]
    public void Eddsa_provider_refuses_to_sign_with_a_public_only_key()
    {
        using var key = Ed25519Key.Generate();
        var securityKey = new Ed25519SecurityKey(key.PublicKey);

        Assert.Throws<InvalidOperationException>(() => securityKey.CryptoProviderFactory.CreateForSigning(securityKey, "EdDSA"));
    }

    private sealed class DerSigner(ECDsa ecdsa, string keyId) : ISigner
    {
        public string KeyId => keyId;

        public string Algorithm => "ES256";

        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ecdsa.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
