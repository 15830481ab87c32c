using System.Net;
using OpenBadges.Oid4Vci;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>The pre-authorized code token endpoint (OpenID4VCI 1.0 §6): single use, expiry, tx_code.</summary>
public sealed class TokenEndpointTests
{
    [Fact]
    public async Task A_reused_pre_authorized_code_is_invalid_grant()
    {
        await using var host = await IssuerHost.StartAsync();
        var code = host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode;
        Assert.Equal(HttpStatusCode.OK, (await TestWallet.TokenAsync(host.Http, code)).Response.StatusCode);
        var (again, body) = await TestWallet.TokenAsync(host.Http, code);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidGrant, (string?)body["error"]);
        Assert.Null(body["access_token"]);
    }

    [Fact]
    public async Task An_expired_pre_authorized_code_is_invalid_grant()
    {
        var clock = new ManualClock();
        await using var host = await IssuerHost.StartAsync(clock);
        var code = host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode;
        clock.Advance(TimeSpan.FromMinutes(11));
        var (response, body) = await TestWallet.TokenAsync(host.Http, code);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidGrant, (string?)body["error"]);
    }

    [Fact]
    public async Task An_expired_access_token_is_401_invalid_token()
    {
        var clock = new ManualClock();
        await using var host = await IssuerHost.StartAsync(clock);
        using var wallet = TestWallet.Ed25519DidKey();
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        clock.Advance(TimeSpan.FromMinutes(11));
        var nonce = await TestWallet.NonceAsync(host.Http);
        var proof = await wallet.SignAsync(wallet.Header(), TestWallet.Payload(host.IssuerId, nonce, clock.GetUtcNow()));
        var (response, body) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidToken, (string?)body["error"]);
    }

    [Fact]
    public async Task A_tx_code_offer_announces_it_and_refuses_a_missing_or_wrong_code_then_accepts_the_right_one()
    {
        await using var host = await IssuerHost.StartAsync();
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId, requireTxCode: true);
        var announced = offer.Offer["grants"]![CredentialOffer.PreAuthorizedCodeGrant]!["tx_code"]!;
        Assert.Equal("numeric", (string?)announced["input_mode"]);
        Assert.Equal(6, (int)announced["length"]!);
        Assert.Matches("^[0-9]{6}$", offer.TxCode!);
        Assert.DoesNotContain(offer.TxCode!, offer.ByValueUri, StringComparison.Ordinal);

        var (missing, missingBody) = await TestWallet.TokenAsync(host.Http, offer.PreAuthorizedCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidRequest, (string?)missingBody["error"]);

        var wrongCode = offer.TxCode == "000000" ? "111111" : "000000";
        var (wrong, wrongBody) = await TestWallet.TokenAsync(host.Http, offer.PreAuthorizedCode, wrongCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidGrant, (string?)wrongBody["error"]);

        var (right, rightBody) = await TestWallet.TokenAsync(host.Http, offer.PreAuthorizedCode, offer.TxCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.NotNull((string?)rightBody["access_token"]);
    }

    [Fact]
    public async Task Repeated_wrong_tx_codes_burn_the_pre_authorized_code()
    {
        await using var host = await IssuerHost.StartAsync();
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId, requireTxCode: true);
        var wrongCode = offer.TxCode == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            await TestWallet.TokenAsync(host.Http, offer.PreAuthorizedCode, wrongCode);
        }

        var (response, body) = await TestWallet.TokenAsync(host.Http, offer.PreAuthorizedCode, offer.TxCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidGrant, (string?)body["error"]);
    }

    [Fact]
    public async Task A_tx_code_for_an_offer_without_one_is_invalid_request_and_another_grant_type_is_unsupported()
    {
        await using var host = await IssuerHost.StartAsync();
        var (response, body) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode, "123456");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidRequest, (string?)body["error"]);

        var other = await host.Http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(Oid4VciErrors.UnsupportedGrantType, (string?)(await TestWallet.BodyAsync(other))["error"]);
    }
}
