using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using OpenBadges.Verification;
using static OpenBadges.Tests.Unit.JwtTestSupport;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Unit;

/// <summary>One named test per known attack on JWT verifiers: each must end in a Failed check, never an exception or Valid.</summary>
public sealed class JwtHardeningTests : IDisposable
{
    private readonly Ed25519Key _key = Ed25519Key.Generate();

    public void Dispose() => _key.Dispose();

    private Ed25519Signer Signer => Ed25519Signer.ForDidKey(_key);

    private JObject Payload => VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));

    [Fact]
    public async Task Alg_none_unsigned_token_is_rejected()
    {
        var unsigned = B64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + Signer.KeyId + "\"}") + "." + B64(Payload) + ".";

        var result = await VcJwtVerifier.VerifyAsync(unsigned, Options());

        AssertFailed(result, VcJwtChecks.Structure);
    }

    [Fact]
    public async Task Alg_none_with_a_signature_segment_is_still_rejected()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "none", ["kid"] = Signer.KeyId }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Algorithm);
        Assert.Contains("unsigned", Check(result, VcJwtChecks.Algorithm).Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NotApplicable, Check(result, VcJwtChecks.Signature).Status);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("multibase")]
    [InlineData("jwk-json")]
    public async Task Hs256_with_the_issuers_public_key_as_hmac_secret_is_rejected_algorithm_confusion(string secretForm)
    {
        var secret = secretForm switch
        {
            "raw" => _key.PublicKey.ToArray(),
            "multibase" => Encoding.UTF8.GetBytes(_key.PublicKey.ToMultibase()),
            _ => Encoding.UTF8.GetBytes(Jwk.FromPublicKey(_key.PublicKey).ToString(Newtonsoft.Json.Formatting.None)),
        };
        var signingInput = B64(new JObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = Signer.KeyId }) + "." + B64(Payload);
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        var token = signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(mac);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Algorithm);
        Assert.Contains("HMAC", Check(result, VcJwtChecks.Algorithm).Message, StringComparison.Ordinal);
        Assert.NotEqual(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
    }

    [Fact]
    public async Task Hs256_with_an_rsa_public_jwk_header_as_hmac_secret_is_rejected_algorithm_confusion()
    {
        using var rsa = RSA.Create(2048);
        var jwk = new RsaSigner(rsa, "urn:x").ExportPublicJwk();
        var signingInput = B64(new JObject { ["alg"] = "HS256", ["jwk"] = jwk }) + "." + B64(VcJwtIssuer.CreatePayload(Credential(DidJwk.Create(jwk))));
        var mac = HMACSHA256.HashData(rsa.ExportSubjectPublicKeyInfo(), Encoding.ASCII.GetBytes(signingInput));

        var result = await VcJwtVerifier.VerifyAsync(signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(mac), Options());

        AssertFailed(result, VcJwtChecks.Algorithm);
    }

    [Fact]
    public async Task Es256_header_with_an_ed25519_key_is_rejected()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "ES256", ["kid"] = Signer.KeyId }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.KeyAlgorithm);
        Assert.Equal(CheckStatus.NotApplicable, Check(result, VcJwtChecks.Signature).Status);
    }

    [Fact]
    public async Task Eddsa_header_with_an_rsa_key_is_rejected()
    {
        using var rsa = RSA.Create(2048);
        var jwk = new RsaSigner(rsa, "urn:x").ExportPublicJwk();
        var rsaSigner = new RsaSigner(rsa, DidJwk.CreateVerificationMethodId(jwk));
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = rsaSigner.KeyId }, VcJwtIssuer.CreatePayload(Credential(DidJwk.Create(jwk))), rsaSigner);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.KeyAlgorithm);
    }

    [Fact]
    public async Task Ed25519_alg_header_with_an_ec_key_is_rejected()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
        var ecSigner = new EcdsaP256Signer(ecdsa, DidJwk.CreateVerificationMethodId(jwk));
        var token = await SignRawAsync(new JObject { ["alg"] = "Ed25519", ["kid"] = ecSigner.KeyId }, VcJwtIssuer.CreatePayload(Credential(DidJwk.Create(jwk))), ecSigner);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.KeyAlgorithm);
    }

    [Fact]
    public async Task Jwk_header_carrying_a_private_d_is_rejected()
    {
        using var exportable = Ed25519Key.Generate(allowSecretExport: true);
        var privateJwk = Jwk.FromKey(exportable, includePrivateKey: true);
        var signer = new Ed25519Signer(exportable, "urn:unused");
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["jwk"] = privateJwk },
            VcJwtIssuer.CreatePayload(Credential(DidJwk.Create(Jwk.FromPublicKey(exportable.PublicKey)))), signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Key);
        Assert.Contains("'d'", Check(result, VcJwtChecks.Key).Message, StringComparison.Ordinal);
        Assert.DoesNotContain((string)privateJwk["d"]!, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jwk_header_carrying_rsa_private_members_is_rejected()
    {
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        var jwk = new RsaSigner(rsa, "urn:x").ExportPublicJwk();
        jwk["p"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.P);
        var token = await SignRawAsync(new JObject { ["alg"] = "RS256", ["jwk"] = jwk }, Payload, new RsaSigner(rsa, "urn:x"));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Key);
    }

    [Fact]
    public void Issuer_refuses_a_jwk_header_with_private_members()
    {
        using var exportable = Ed25519Key.Generate(allowSecretExport: true);

        Assert.Throws<ArgumentException>(() => new VcJwtIssuer(new Ed25519Signer(exportable, "urn:x"), Jwk.FromKey(exportable, includePrivateKey: true)));
    }

    [Fact]
    public async Task Oversized_token_is_rejected_before_parsing()
    {
        var token = new string('A', (1024 * 1024) + 1);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Size);
        Assert.Single(result.Checks);
    }

    [Fact]
    public async Task Token_over_a_configured_limit_is_rejected()
    {
        var token = await new VcJwtIssuer(Signer).IssueAsync(Credential(_key.PublicKey.ToDidKey()));

        var result = await VcJwtVerifier.VerifyAsync(token, Options() with { MaxTokenLength = token.Length - 1 });

        AssertFailed(result, VcJwtChecks.Size);
    }

    [Theory]
    [InlineData("onlyone")]
    [InlineData("two.segments")]
    [InlineData("a.b.c.d")]
    [InlineData("a.b.c.d.e")]
    [InlineData("..")]
    public async Task Wrong_segment_count_or_empty_segments_are_rejected(string token)
    {
        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Structure);
    }

    [Fact]
    public async Task Token_of_a_million_dots_is_rejected_without_splitting_it()
    {
        var result = await VcJwtVerifier.VerifyAsync(new string('.', 1_000_000), Options());

        AssertFailed(result, VcJwtChecks.Structure);
        Assert.Contains("1000001", Check(result, VcJwtChecks.Structure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throwing_key_resolver_is_reported_as_undecided_not_thrown()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = "did:example:issuer#key-1" }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options() with { KeyResolver = new ThrowingResolver() });

        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal(CheckStatus.CouldNotCheck, Check(result, VcJwtChecks.Key).Status);
    }

    [Theory]
    [InlineData("padding")]
    [InlineData("plus-slash")]
    [InlineData("whitespace")]
    [InlineData("non-canonical")]
    public async Task Malformed_base64url_is_rejected(string damage)
    {
        var token = await new VcJwtIssuer(Signer).IssueAsync(Credential(_key.PublicKey.ToDidKey()));
        var parts = token.Split('.');
        var broken = damage switch
        {
            "padding" => parts[0] + "." + parts[1] + "." + parts[2] + "==",
            "plus-slash" => parts[0] + "." + parts[1].Replace('-', '+').Replace('_', '/') + "+/." + parts[2],
            "whitespace" => parts[0] + ".\n" + parts[1] + "." + parts[2],
            _ => parts[0] + "." + parts[1] + "." + parts[2][..^1] + NonCanonicalLast(parts[2][^1]),
        };

        var result = await VcJwtVerifier.VerifyAsync(broken, Options());

        AssertFailed(result, VcJwtChecks.Structure);
    }

    [Fact]
    public async Task Duplicate_claims_in_the_payload_are_rejected()
    {
        // Properly signed: the duplicate 'iss' is the only problem. Parsers disagree on which one wins.
        var payload = Payload.ToString(Newtonsoft.Json.Formatting.None);
        var duplicated = payload[..^1] + ",\"iss\":\"did:example:attacker\"}";
        var token = await SignRawAsync("{\"alg\":\"EdDSA\",\"kid\":\"" + Signer.KeyId + "\"}", duplicated, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.PayloadJson);
        Assert.Contains("iss", Check(result, VcJwtChecks.PayloadJson).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_members_in_the_header_are_rejected()
    {
        var token = await SignRawAsync("{\"alg\":\"EdDSA\",\"alg\":\"none\",\"kid\":\"" + Signer.KeyId + "\"}", Payload.ToString(), Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.HeaderJson);
    }

    [Fact]
    public async Task Kid_resolving_to_another_issuers_key_is_rejected()
    {
        // The attacker signs a credential naming the victim as issuer, with the attacker's own did:key.
        using var attacker = Ed25519Key.Generate();
        var token = await new VcJwtIssuer(Ed25519Signer.ForDidKey(attacker)).IssueAsync(Credential(_key.PublicKey.ToDidKey()));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.KeyController);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
    }

    [Fact]
    public async Task Jwk_header_naming_a_different_key_than_the_kid_is_rejected()
    {
        using var attacker = Ed25519Key.Generate();
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = Signer.KeyId, ["jwk"] = Jwk.FromPublicKey(attacker.PublicKey) },
            Payload, new Ed25519Signer(attacker, "urn:x"));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Key);
    }

    [Fact]
    public async Task Crit_header_with_an_unknown_extension_is_rejected()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = Signer.KeyId, ["crit"] = new JArray("exp-policy"), ["exp-policy"] = "lenient" }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Critical);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
    }

    [Fact]
    public async Task Unencoded_payload_b64_false_is_rejected_as_a_critical_extension()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = Signer.KeyId, ["b64"] = false, ["crit"] = new JArray("b64") }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Critical);
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var credential = Credential(_key.PublicKey.ToDidKey());
        credential["validUntil"] = "2025-06-01T11:50:00Z"; // ten minutes before "now", beyond the 5-minute skew
        var token = await new VcJwtIssuer(Signer).IssueAsync(credential);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.TimeExpiration);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Expiration).Status);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_accepted_and_a_zero_skew_rejects_it()
    {
        var credential = Credential(_key.PublicKey.ToDidKey());
        credential["validUntil"] = "2025-06-01T11:58:00Z";
        var token = await new VcJwtIssuer(Signer).IssueAsync(credential);

        AssertValid(await VcJwtVerifier.VerifyAsync(token, Options()));
        AssertFailed(await VcJwtVerifier.VerifyAsync(token, Options() with { ClockSkew = TimeSpan.Zero }), VcJwtChecks.TimeExpiration);
    }

    [Fact]
    public async Task Not_yet_valid_token_is_rejected()
    {
        var credential = Credential(_key.PublicKey.ToDidKey());
        credential["validFrom"] = "2025-06-01T12:10:00Z";
        var token = await new VcJwtIssuer(Signer).IssueAsync(credential);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.TimeNotBefore);
    }

    [Fact]
    public async Task Tampered_payload_fails_the_signature()
    {
        var token = await new VcJwtIssuer(Signer).IssueAsync(Credential(_key.PublicKey.ToDidKey()));
        var parts = token.Split('.');
        var payload = JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
        payload["name"] = "Forged Badge";

        var result = await VcJwtVerifier.VerifyAsync(parts[0] + "." + B64(payload) + "." + parts[2], Options());

        AssertFailed(result, VcJwtChecks.Signature);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("EdDSA")]
    public async Task Flipped_signature_bit_fails_the_signature_for_every_algorithm(string algorithm)
    {
        using var rsa = RSA.Create(2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        JObject jwk = algorithm switch
        {
            "RS256" => new RsaSigner(rsa, "urn:x").ExportPublicJwk(),
            "ES256" => new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk(),
            _ => Jwk.FromPublicKey(_key.PublicKey),
        };
        var kid = DidJwk.CreateVerificationMethodId(jwk);
        ISigner signer = algorithm switch
        {
            "RS256" => new RsaSigner(rsa, kid),
            "ES256" => new EcdsaP256Signer(ecdsa, kid),
            _ => new Ed25519Signer(_key, kid),
        };
        var token = await new VcJwtIssuer(signer).IssueAsync(Credential(DidJwk.Create(jwk)));
        AssertValid(await VcJwtVerifier.VerifyAsync(token, Options()));
        var parts = token.Split('.');
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        signature[signature.Length / 2] ^= 0x01;

        var result = await VcJwtVerifier.VerifyAsync(parts[0] + "." + parts[1] + "." + System.Buffers.Text.Base64Url.EncodeToString(signature), Options());

        AssertFailed(result, VcJwtChecks.Signature);
    }

    [Fact]
    public async Task Jku_and_x5u_headers_are_never_followed()
    {
        var fetched = 0;
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["jku"] = "https://attacker.example/jwks.json", ["x5u"] = "https://attacker.example/cert.pem" }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options() with
        {
            JwkFetcher = (_, _) =>
            {
                fetched++;
                return Task.FromResult("{}");
            },
        });

        AssertFailed(result, VcJwtChecks.Key);
        Assert.Equal(0, fetched);
    }

    [Theory]
    [InlineData("JOSE")]
    [InlineData("at+jwt")]
    public async Task Typ_other_than_jwt_is_rejected(string typ)
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["typ"] = typ, ["kid"] = Signer.KeyId }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Type);
    }

    [Fact]
    public async Task Kid_that_is_not_a_uri_is_rejected()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = "key-1" }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Key);
    }

    [Fact]
    public async Task Unresolvable_kid_is_indeterminate_not_valid()
    {
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = "did:web:example.edu#key-1" }, Payload, Signer);

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Equal(CheckStatus.CouldNotCheck, Check(result, VcJwtChecks.Key).Status);
    }

    [Fact]
    public async Task Jwk_header_refused_by_option()
    {
        var token = await new VcJwtIssuer(new Ed25519Signer(_key, "urn:x"), Jwk.FromPublicKey(_key.PublicKey)).IssueAsync(Credential(_key.PublicKey.ToDidKey()));

        AssertValid(await VcJwtVerifier.VerifyAsync(token, Options()));
        AssertFailed(await VcJwtVerifier.VerifyAsync(token, Options() with { AllowJwkHeader = false }), VcJwtChecks.Key);

        // Beside a kid, a refused jwk is ignored and the kid decides.
        using var other = Ed25519Key.Generate();
        var both = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["kid"] = Signer.KeyId, ["jwk"] = Jwk.FromPublicKey(other.PublicKey) }, Payload, Signer);
        AssertValid(await VcJwtVerifier.VerifyAsync(both, Options() with { AllowJwkHeader = false }));
        AssertFailed(await VcJwtVerifier.VerifyAsync(both, Options()), VcJwtChecks.Key);
    }

    [Fact]
    public async Task Off_curve_ec_point_in_jwk_header_is_rejected()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = new EcdsaP256Signer(ecdsa, "urn:x").ExportPublicJwk();
        var y = System.Buffers.Text.Base64Url.DecodeFromChars((string)jwk["y"]!);
        y[^1] ^= 1;
        jwk["y"] = System.Buffers.Text.Base64Url.EncodeToString(y);
        var token = await SignRawAsync(new JObject { ["alg"] = "ES256", ["jwk"] = jwk }, Payload, new EcdsaP256Signer(ecdsa, "urn:x"));

        var result = await VcJwtVerifier.VerifyAsync(token, Options());

        AssertFailed(result, VcJwtChecks.Key);
    }

    [Fact]
    public async Task Weak_rsa_key_in_jwk_header_is_rejected()
    {
        using var rsa = RSA.Create(1024);
        var parameters = rsa.ExportParameters(false);
        var jwk = new JObject
        {
            ["kty"] = "RSA",
            ["n"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = System.Buffers.Text.Base64Url.EncodeToString(parameters.Exponent),
        };
        var signingInput = B64(new JObject { ["alg"] = "RS256", ["jwk"] = jwk }) + "." + B64(Payload);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var result = await VcJwtVerifier.VerifyAsync(signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature), Options());

        AssertFailed(result, VcJwtChecks.Key);
        Assert.Contains("2048", Check(result, VcJwtChecks.Key).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("....")]
    [InlineData("e30.e30.e30")]
    [InlineData("bnVsbA.bnVsbA.AA")]
    [InlineData("W10.W10.AA")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.eyJ2YyI6MX0.AA")]
    [InlineData("eyJhbGciOlsiRWREU0EiXX0.e30.AA")]
    [InlineData("_w.e30.AA")]
    public async Task Garbage_never_throws_and_is_never_valid(string? token)
    {
        var result = await VcJwtVerifier.VerifyAsync(token!, Options());

        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.DoesNotContain(result.Checks, c => c.Name == VcJwtChecks.Internal);
    }

    private sealed class ThrowingResolver : IKeyResolver
    {
        public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("resolver bug");
    }

    private static char NonCanonicalLast(char last)
    {
        // A signature of 64 bytes encodes to 86 characters: the last one carries 4 unused bits; set one of them.
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Alphabet[Alphabet.IndexOf(last, StringComparison.Ordinal) | 1];
    }
}
