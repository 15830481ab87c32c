using System.Diagnostics;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Tests.Oid4Vci;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// samples/WalletIssuer run as its README says (<c>--urls http://127.0.0.1:PORT --demo</c>): the offers it prints are
/// scanned by the npm <c>@openid4vc/openid4vci</c> 0.4.6 client (with <c>@openid4vc/oauth2</c>), which collects a
/// credential that verifies: the pre-authorized code offer, and the authorization code offer through the sample's
/// OpenIddict authorization server (PKCE S256; the script plays the learner's browser by following the redirects).
/// </summary>
public sealed class Oid4VciSampleInteropTests
{
    private static Task<JObject> RunWalletAsync(JObject input) => NodeScript.RunAsync("oid4vci-wallet.mjs", input, "the wallet client");

    private static async Task AssertBoundAndValidAsync(JObject result)
    {
        Assert.True(Jwk.TryParsePublicKey((JObject)result["holderJwk"]!, out var holderKey, out var error), error);
        var credential = (JObject)result["credential"]!;
        Assert.Equal(holderKey.ToDidKey(), (string?)credential["credentialSubject"]!["id"]);
        Assert.Equal("Applied Machine Learning with Python", (string?)credential["name"] ?? (string?)credential["credentialSubject"]!["achievement"]!["name"]);
        var report = await new CredentialVerifier().VerifyAsync(credential);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));
    }

    [InteropFact]
    public async Task The_demo_offer_printed_by_the_sample_is_collected_by_the_openid4vc_client_and_verifies()
    {
        await using var sample = await WalletIssuerProcess.StartAsync();
        Assert.StartsWith("openid-credential-offer://?credential_offer=", sample.Offer, StringComparison.Ordinal);
        var result = await RunWalletAsync(new JObject
        {
            ["offer"] = sample.Offer,
            ["configurationId"] = "OpenBadgeCredential_ldp_vc",
            ["key"] = "Ed25519",
            ["bind"] = "did",
        });
        await AssertBoundAndValidAsync(result);
    }

    [InteropFact]
    public async Task The_authorization_code_offer_is_collected_through_OpenIddict_by_the_openid4vc_client_and_verifies()
    {
        await using var sample = await WalletIssuerProcess.StartAsync();
        Assert.StartsWith("openid-credential-offer://?credential_offer=", sample.AuthorizationCodeOffer, StringComparison.Ordinal);
        var result = await RunWalletAsync(new JObject
        {
            ["offer"] = sample.AuthorizationCodeOffer,
            ["configurationId"] = "OpenBadgeCredential_ldp_vc",
            ["key"] = "Ed25519",
            ["bind"] = "did",
            ["clientId"] = WalletIssuerProcess.DemoClientId,
            ["redirectUri"] = WalletIssuerProcess.DemoRedirectUri,
        });
        await AssertBoundAndValidAsync(result);
        var (jsVerified, jsErrors) = await ReferenceStack.Shared.VerifyAsync((JObject)result["credential"]!);
        Assert.True(jsVerified, jsErrors);

        // The access token is OpenIddict's (a JWS or JWE), not one of the issuer's own pre-authorized grants (random, no dots).
        Assert.Contains(((string)result["accessToken"]!).Split('.').Length, new[] { 3, 5 });
        // The client's authorization code, sent again, was refused: invalid_grant.
        Assert.Equal(400, (int)result["authorizationCodeReplay"]!["status"]!);
        Assert.Equal("invalid_grant", (string?)result["authorizationCodeReplay"]!["error"]);
    }
}
