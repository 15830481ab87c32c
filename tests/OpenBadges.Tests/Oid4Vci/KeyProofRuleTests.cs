using System.Net;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Oid4Vci;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// One test per key proof rule (OpenID4VCI 1.0 Appendix F.1/F.4, §8.3.1.2): each bad proof is refused with the spec's
/// error code and HTTP 400, and nothing is issued.
/// </summary>
public sealed class KeyProofRuleTests : IAsyncLifetime
{
    private IssuerHost _host = null!;
    private readonly TestWallet _wallet = TestWallet.Ed25519DidKey();
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _host = await IssuerHost.StartAsync();
        var (_, token) = await TestWallet.TokenAsync(_host.Http, _host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        _token = (string)token["access_token"]!;
    }

    public async Task DisposeAsync()
    {
        _wallet.Dispose();
        await _host.DisposeAsync();
    }

    private Task<string> Nonce() => TestWallet.NonceAsync(_host.Http);

    private async Task<JObject> Refused(string? proof, string expectedError, string configuration = OpenBadgeCredentialConfigurations.LdpVc)
    {
        var (response, body) = await TestWallet.CredentialAsync(_host.Http, _token, TestWallet.CredentialRequest(configuration, proof));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expectedError, (string?)body["error"]);
        Assert.Null(body["credentials"]);
        Assert.False(string.IsNullOrEmpty((string?)body["error_description"]));
        return body;
    }

    [Fact]
    public async Task A_valid_proof_is_accepted_so_each_refusal_below_is_about_its_one_change()
    {
        var (response, _) = await TestWallet.CredentialAsync(_host.Http, _token,
            TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, await _wallet.ProofAsync(_host.IssuerId, await Nonce())));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_typ_is_invalid_proof()
    {
        var header = _wallet.Header();
        header["typ"] = "JWT";
        var body = await Refused(await _wallet.SignAsync(header, TestWallet.Payload(_host.IssuerId, await Nonce())), Oid4VciErrors.InvalidProof);
        Assert.Contains("typ", (string)body["error_description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_aud_is_invalid_proof()
    {
        var body = await Refused(await _wallet.SignAsync(_wallet.Header(), TestWallet.Payload("https://other-issuer.example", await Nonce())), Oid4VciErrors.InvalidProof);
        Assert.Contains("aud", (string)body["error_description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reused_nonce_is_invalid_nonce()
    {
        var proof = await _wallet.ProofAsync(_host.IssuerId, await Nonce());
        var (first, _) = await TestWallet.CredentialAsync(_host.Http, _token, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Refused(proof, Oid4VciErrors.InvalidNonce);
    }

    [Fact]
    public async Task A_nonce_this_issuer_never_gave_is_invalid_nonce()
    {
        await Refused(await _wallet.ProofAsync(_host.IssuerId, "made-up-by-the-wallet"), Oid4VciErrors.InvalidNonce);
    }

    [Fact]
    public async Task Missing_nonce_claim_is_invalid_proof()
    {
        await Refused(await _wallet.SignAsync(_wallet.Header(), TestWallet.Payload(_host.IssuerId, nonce: null)), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task An_expired_nonce_is_invalid_nonce()
    {
        var clock = new ManualClock();
        await using var host = await IssuerHost.StartAsync(clock);
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        var nonce = await TestWallet.NonceAsync(host.Http);
        clock.Advance(TimeSpan.FromMinutes(6));
        var proof = await _wallet.SignAsync(_wallet.Header(), TestWallet.Payload(host.IssuerId, nonce, clock.GetUtcNow()));
        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidNonce, (string?)body["error"]);
    }

    [Fact]
    public async Task Stale_iat_is_invalid_proof()
    {
        var body = await Refused(await _wallet.SignAsync(_wallet.Header(), TestWallet.Payload(_host.IssuerId, await Nonce(), DateTimeOffset.UtcNow.AddMinutes(-10))), Oid4VciErrors.InvalidProof);
        Assert.Contains("iat", (string)body["error_description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Future_iat_is_invalid_proof()
    {
        await Refused(await _wallet.SignAsync(_wallet.Header(), TestWallet.Payload(_host.IssuerId, await Nonce(), DateTimeOffset.UtcNow.AddMinutes(10))), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Expired_proof_exp_is_invalid_proof()
    {
        var payload = TestWallet.Payload(_host.IssuerId, await Nonce(), DateTimeOffset.UtcNow.AddMinutes(-3));
        payload["exp"] = DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds();
        await Refused(await _wallet.SignAsync(_wallet.Header(), payload), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Missing_iat_is_invalid_proof()
    {
        var payload = TestWallet.Payload(_host.IssuerId, await Nonce());
        payload.Remove("iat");
        await Refused(await _wallet.SignAsync(_wallet.Header(), payload), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Alg_none_is_invalid_proof()
    {
        var header = new JObject { ["typ"] = KeyProofValidator.ProofType, ["alg"] = "none", ["kid"] = _wallet.Kid };
        var unsigned = TestWallet.B64(header) + "." + TestWallet.B64(TestWallet.Payload(_host.IssuerId, await Nonce())) + ".";
        await Refused(unsigned, Oid4VciErrors.InvalidProof);
        // Even with some bytes in the signature segment.
        await Refused(unsigned + "AAAA", Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Alg_HS256_keyed_with_the_public_key_is_invalid_proof()
    {
        var header = new JObject { ["typ"] = KeyProofValidator.ProofType, ["alg"] = "HS256", ["kid"] = _wallet.Kid };
        var input = TestWallet.B64(header) + "." + TestWallet.B64(TestWallet.Payload(_host.IssuerId, await Nonce()));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_wallet.Did), Encoding.ASCII.GetBytes(input));
        var body = await Refused(input + "." + System.Buffers.Text.Base64Url.EncodeToString(mac), Oid4VciErrors.InvalidProof);
        Assert.Contains("alg", (string)body["error_description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_by_another_key_than_the_jwk_it_carries_is_invalid_proof()
    {
        using var claimed = TestWallet.P256Jwk();
        using var actual = TestWallet.P256Jwk();
        var proof = await actual.SignAsync(claimed.Header(), TestWallet.Payload(_host.IssuerId, await Nonce()));
        var body = await Refused(proof, Oid4VciErrors.InvalidProof);
        Assert.Contains("signature", (string)body["error_description"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_by_another_key_than_the_did_key_kid_names_is_invalid_proof()
    {
        using var other = TestWallet.Ed25519DidKey();
        await Refused(await other.SignAsync(_wallet.Header(), TestWallet.Payload(_host.IssuerId, await Nonce())), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task An_alg_that_does_not_fit_the_key_is_invalid_proof()
    {
        var header = _wallet.Header();
        header["alg"] = "ES256";
        await Refused(await _wallet.SignAsync(header, TestWallet.Payload(_host.IssuerId, await Nonce())), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Both_kid_and_jwk_is_invalid_proof()
    {
        using var p256 = TestWallet.P256Jwk();
        var header = p256.Header();
        header["kid"] = "did:key:zDnae";
        await Refused(await p256.SignAsync(header, TestWallet.Payload(_host.IssuerId, await Nonce())), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task A_kid_of_an_unsupported_DID_method_is_invalid_proof()
    {
        var header = _wallet.Header();
        header["kid"] = "did:web:wallet.example#key-1";
        await Refused(await _wallet.SignAsync(header, TestWallet.Payload(_host.IssuerId, await Nonce())), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task A_jwk_with_private_key_material_is_invalid_proof()
    {
        using var p256 = TestWallet.P256Jwk();
        var header = p256.Header();
        header["jwk"]!["d"] = "AAAA";
        await Refused(await p256.SignAsync(header, TestWallet.Payload(_host.IssuerId, await Nonce())), Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Missing_proofs_is_invalid_proof()
    {
        await Refused(null, Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task A_proof_that_is_not_a_JWS_is_invalid_proof()
    {
        await Refused("not-a-jwt", Oid4VciErrors.InvalidProof);
    }

    [Fact]
    public async Task Unknown_credential_configuration_is_unknown_credential_configuration()
    {
        await Refused(await _wallet.ProofAsync(_host.IssuerId, await Nonce()), Oid4VciErrors.UnknownCredentialConfiguration, "UniversityDegree_sd_jwt");
    }

    [Fact]
    public async Task A_P256_configuration_at_an_issuer_without_a_P256_key_is_unknown_credential_configuration()
    {
        await using var host = await IssuerHost.StartAsync(withP256Key: false);
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        foreach (var configuration in new[] { OpenBadgeCredentialConfigurations.JwtVcJsonEs256, OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023 })
        {
            var proof = await _wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http));
            var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(configuration, proof));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(Oid4VciErrors.UnknownCredentialConfiguration, (string?)body["error"]);
            Assert.Null(body["credentials"]);
        }

        var metadata = JObject.Parse(await host.Http.GetStringAsync("/.well-known/openid-credential-issuer"));
        Assert.Equal([OpenBadgeCredentialConfigurations.LdpVc, OpenBadgeCredentialConfigurations.JwtVcJson],
            ((JObject)metadata["credential_configurations_supported"]!).Properties().Select(p => p.Name));
    }

    [Fact]
    public async Task A_credential_identifier_is_unknown_credential_identifier()
    {
        var (response, body) = await TestWallet.CredentialAsync(_host.Http, _token, new JObject { ["credential_identifier"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.UnknownCredentialIdentifier, (string?)body["error"]);
    }

    [Fact]
    public async Task A_body_that_is_not_a_JSON_object_is_invalid_credential_request()
    {
        var (response, body) = await TestWallet.CredentialAsync(_host.Http, _token, new JObject());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidCredentialRequest, (string?)body["error"]);
    }

    [Fact]
    public async Task The_pre_1_0_singular_proof_parameter_is_invalid_credential_request()
    {
        var request = new JObject
        {
            ["credential_configuration_id"] = OpenBadgeCredentialConfigurations.LdpVc,
            ["proof"] = new JObject { ["proof_type"] = "jwt", ["jwt"] = await _wallet.ProofAsync(_host.IssuerId, await Nonce()) },
        };
        var (response, body) = await TestWallet.CredentialAsync(_host.Http, _token, request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidCredentialRequest, (string?)body["error"]);
    }

    [Fact]
    public async Task No_or_an_unknown_access_token_is_401_invalid_token()
    {
        var request = TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, await _wallet.ProofAsync(_host.IssuerId, await Nonce()));
        foreach (var token in new[] { null, "forged-token" })
        {
            var (response, body) = await TestWallet.CredentialAsync(_host.Http, token, request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(Oid4VciErrors.InvalidToken, (string?)body["error"]);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }
}
