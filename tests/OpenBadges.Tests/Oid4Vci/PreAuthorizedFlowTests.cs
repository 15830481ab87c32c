using System.Net;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Oid4Vci;
using OpenBadges.Proofs;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>The pre-authorized code flow end to end over HTTP: offer → token → nonce → credential → verified credential.</summary>
public sealed class PreAuthorizedFlowTests
{
    internal static string PreAuthorizedCodeFromUri(string uri)
    {
        Assert.StartsWith("openid-credential-offer://?credential_offer=", uri, StringComparison.Ordinal);
        var offer = JObject.Parse(Uri.UnescapeDataString(uri["openid-credential-offer://?credential_offer=".Length..]));
        return (string)offer["grants"]!["urn:ietf:params:oauth:grant-type:pre-authorized_code"]!["pre-authorized_code"]!;
    }

    [Fact]
    public async Task Offer_token_nonce_credential_gives_an_ldp_vc_bound_to_the_wallets_did_key_that_verifies_Valid()
    {
        await using var host = await IssuerHost.StartAsync();
        using var wallet = TestWallet.Ed25519DidKey();
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId);
        Assert.Equal(host.IssuerId, (string?)offer.Offer["credential_issuer"]);
        Assert.Null(offer.Offer["grants"]![CredentialOffer.PreAuthorizedCodeGrant]!["tx_code"]);

        var (tokenResponse, token) = await TestWallet.TokenAsync(host.Http, PreAuthorizedCodeFromUri(offer.ByValueUri));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal("Bearer", (string?)token["token_type"]);
        Assert.Equal("no-store", tokenResponse.Headers.CacheControl?.ToString());

        var nonce = await TestWallet.NonceAsync(host.Http);
        var proof = await wallet.ProofAsync(host.IssuerId, nonce);
        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var credential = (JObject)body["credentials"]![0]!["credential"]!;
        Assert.Equal(wallet.Did, (string?)credential["credentialSubject"]!["id"]);
        Assert.StartsWith("did:key:z6Mk", wallet.Did, StringComparison.Ordinal);
        Assert.Equal(host.Key.Controller, (string?)credential["issuer"]!["id"]);
        var report = await new CredentialVerifier().VerifyAsync(credential);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));

        // §11: the wallet says it kept it.
        var notificationId = (string)body["notification_id"]!;
        var (notified, _) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!,
            new JObject { ["notification_id"] = notificationId, ["event"] = "credential_accepted" }, "/notification");
        Assert.Equal(HttpStatusCode.NoContent, notified.StatusCode);
        Assert.Equal("credential_accepted", host.Issuer.NotificationEvent(notificationId));
    }

    [Fact]
    public async Task A_P256_wallet_giving_its_jwk_gets_a_jwt_vc_json_bound_to_its_P256_did_key_that_verifies_Valid()
    {
        await using var host = await IssuerHost.StartAsync();
        using var wallet = TestWallet.P256Jwk();
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId);
        var (_, token) = await TestWallet.TokenAsync(host.Http, offer.PreAuthorizedCode);
        var proof = await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http));

        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.JwtVcJson, proof));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwt = (string)body["credentials"]![0]!["credential"]!;
        Assert.StartsWith("did:key:zDn", wallet.Did, StringComparison.Ordinal);
        var payload = JObject.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1])));
        Assert.Equal(wallet.Did, (string?)payload["vc"]?["credentialSubject"]?["id"] ?? (string?)payload["credentialSubject"]?["id"]);
        var report = await new CredentialVerifier().VerifyAsync(jwt);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));
    }

    [Fact]
    public async Task An_ES256_jwt_vc_json_is_signed_by_the_issuers_P256_key_and_verifies_Valid()
    {
        await using var host = await IssuerHost.StartAsync();
        using var wallet = TestWallet.Ed25519DidKey();
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        var proof = await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http));
        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.JwtVcJsonEs256, proof));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var jwt = (string)body["credentials"]![0]!["credential"]!;
        var header = JObject.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[0])));
        Assert.Equal("ES256", (string?)header["alg"]);
        var payload = JObject.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1])));
        Assert.Equal(host.P256Key.Controller, (string?)payload["iss"]);
        Assert.Equal(wallet.Did, (string?)payload["sub"] ?? (string?)payload["credentialSubject"]?["id"]);
        var report = await new CredentialVerifier().VerifyAsync(jwt);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));
    }

    [Fact]
    public async Task An_ecdsa_sd_2023_ldp_vc_is_a_base_proof_the_wallet_derives_from_and_the_derived_one_verifies_Valid()
    {
        await using var host = await IssuerHost.StartAsync();
        using var wallet = TestWallet.P256Jwk();
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        var proof = await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http));
        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023, proof));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var baseCredential = (JObject)body["credentials"]![0]!["credential"]!;
        Assert.Equal("ecdsa-sd-2023", (string?)baseCredential["proof"]!["cryptosuite"]);
        Assert.Equal(wallet.Did, (string?)baseCredential["credentialSubject"]!["id"]);
        Assert.Equal(host.P256Key.Controller, (string?)baseCredential["issuer"]!["id"]);
        // A base proof is for the holder: the verifier does not call it valid.
        Assert.NotEqual(Verdict.Valid, (await new CredentialVerifier().VerifyAsync(baseCredential)).Verdict);

        var derived = EcdsaSd2023.Derive(baseCredential, ["/credentialSubject/id"]);
        Assert.Equal(wallet.Did, (string?)derived["credentialSubject"]!["id"]);
        var report = await new CredentialVerifier().VerifyAsync(derived);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));
    }

    [Fact]
    public async Task A_wallet_naming_its_key_by_did_jwk_is_bound_as_that_did_jwk()
    {
        await using var host = await IssuerHost.StartAsync();
        using var wallet = TestWallet.P256DidJwk();
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        var proof = await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http));
        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(wallet.Did, (string?)body["credentials"]![0]!["credential"]!["credentialSubject"]!["id"]);
        Assert.StartsWith("did:jwk:", wallet.Did, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offer_by_reference_serves_the_same_offer_object_and_its_QR_codes_are_made()
    {
        await using var host = await IssuerHost.StartAsync();
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId);
        Assert.StartsWith("openid-credential-offer://?credential_offer_uri=", offer.ByReferenceUri, StringComparison.Ordinal);
        var url = Uri.UnescapeDataString(offer.ByReferenceUri["openid-credential-offer://?credential_offer_uri=".Length..]);
        Assert.StartsWith(host.IssuerId + "/credential-offer/", url, StringComparison.Ordinal);
        var served = JObject.Parse(await host.Http.GetStringAsync(new Uri(url)));
        Assert.True(JToken.DeepEquals(offer.Offer, served));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/credential-offer/nope")).StatusCode);

        var png = CredentialOffer.QrPng(offer.ByReferenceUri);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains('█', CredentialOffer.QrText(offer.ByReferenceUri));
    }

    [Fact]
    public async Task Metadata_lists_both_OB_configurations_with_the_spec_member_names()
    {
        await using var host = await IssuerHost.StartAsync();
        var metadata = JObject.Parse(await host.Http.GetStringAsync("/.well-known/openid-credential-issuer"));
        Assert.Equal(host.IssuerId, (string?)metadata["credential_issuer"]);
        Assert.Equal(host.IssuerId + "/credential", (string?)metadata["credential_endpoint"]);
        Assert.Equal(host.IssuerId + "/nonce", (string?)metadata["nonce_endpoint"]);
        var ldp = metadata["credential_configurations_supported"]![OpenBadgeCredentialConfigurations.LdpVc]!;
        Assert.Equal("ldp_vc", (string?)ldp["format"]);
        Assert.Equal(["eddsa-rdfc-2022"], ldp["credential_signing_alg_values_supported"]!.Values<string>());
        Assert.Equal(["EdDSA", "ES256"], ldp["proof_types_supported"]!["jwt"]!["proof_signing_alg_values_supported"]!.Values<string>());
        Assert.Contains("OpenBadgeCredential", ldp["credential_definition"]!["type"]!.Values<string>());
        var jwt = metadata["credential_configurations_supported"]![OpenBadgeCredentialConfigurations.JwtVcJson]!;
        Assert.Equal("jwt_vc_json", (string?)jwt["format"]);
        Assert.Equal(["EdDSA"], jwt["credential_signing_alg_values_supported"]!.Values<string>());
        var es256 = metadata["credential_configurations_supported"]![OpenBadgeCredentialConfigurations.JwtVcJsonEs256]!;
        Assert.Equal("jwt_vc_json", (string?)es256["format"]);
        Assert.Equal(["ES256"], es256["credential_signing_alg_values_supported"]!.Values<string>());
        var sd = metadata["credential_configurations_supported"]![OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023]!;
        Assert.Equal("ldp_vc", (string?)sd["format"]);
        Assert.Equal(["ecdsa-sd-2023"], sd["credential_signing_alg_values_supported"]!.Values<string>());
        Assert.Equal(4, ((JObject)metadata["credential_configurations_supported"]!).Count);

        var authorizationServer = JObject.Parse(await host.Http.GetStringAsync("/.well-known/oauth-authorization-server"));
        Assert.Equal(host.IssuerId + "/token", (string?)authorizationServer["token_endpoint"]);
        Assert.True((bool)authorizationServer["pre-authorized_grant_anonymous_access_supported"]!);
    }

    [Fact]
    public async Task A_pending_award_is_deferred_with_a_transaction_id_and_collected_once_it_is_ready()
    {
        await using var host = await IssuerHost.StartAsync();
        using var wallet = TestWallet.Ed25519DidKey();
        var award = await host.Awards.FindAsync(IssuerHost.AwardId, default);
        host.Awards.Put(award! with { IsReady = false });
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        var accessToken = (string)token["access_token"]!;
        var proof = await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http));

        var (accepted, deferred) = await TestWallet.CredentialAsync(host.Http, accessToken, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var transaction = new JObject { ["transaction_id"] = deferred["transaction_id"] };
        Assert.Equal(HttpStatusCode.Accepted, (await TestWallet.CredentialAsync(host.Http, accessToken, transaction, "/deferred_credential")).Response.StatusCode);

        host.Awards.Put(award);
        var (ready, body) = await TestWallet.CredentialAsync(host.Http, accessToken, transaction, "/deferred_credential");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var credential = (JObject)body["credentials"]![0]!["credential"]!;
        Assert.Equal(wallet.Did, (string?)credential["credentialSubject"]!["id"]);
        Assert.Equal(Verdict.Valid, (await new CredentialVerifier().VerifyAsync(credential)).Verdict);

        var (again, error) = await TestWallet.CredentialAsync(host.Http, accessToken, transaction, "/deferred_credential");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidTransactionId, (string?)error["error"]);
    }
}
