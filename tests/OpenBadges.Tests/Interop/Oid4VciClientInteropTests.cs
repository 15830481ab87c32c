using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Oid4Vci;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Tests.Oid4Vci;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>
/// A real OpenID4VCI wallet client, the npm <c>@openid4vc/openid4vci</c> 0.4.6 (driven by <c>oid4vci-wallet.mjs</c>),
/// against our issuer on a loopback Kestrel: pre-authorized code (with and without tx_code), key proof made by the
/// client library, both formats. The credential must carry the wallet's key DID as subject and verify Valid here and,
/// for ldp_vc, in the JavaScript reference stack.
/// </summary>
public sealed class Oid4VciClientInteropTests
{
    private static Task<JObject> RunWalletAsync(JObject input) => NodeScript.RunAsync("oid4vci-wallet.mjs", input, "the wallet client");

    private static string ExpectedHolderDid(JObject jwk)
    {
        if ((string?)jwk["kty"] == "OKP")
        {
            Assert.True(Jwk.TryParsePublicKey(jwk, out var ed25519, out var error), error);
            return ed25519.ToDidKey();
        }

        return DidKeyP256.Create(jwk);
    }

    [InteropTheory]
    [InlineData(OpenBadgeCredentialConfigurations.LdpVc, "Ed25519", "did", false)]
    [InlineData(OpenBadgeCredentialConfigurations.LdpVc, "P-256", "jwk", true)]
    [InlineData(OpenBadgeCredentialConfigurations.JwtVcJson, "Ed25519", "jwk", true)]
    [InlineData(OpenBadgeCredentialConfigurations.JwtVcJson, "P-256", "jwk", false)]
    [InlineData(OpenBadgeCredentialConfigurations.JwtVcJsonEs256, "P-256", "jwk", false)]
    [InlineData(OpenBadgeCredentialConfigurations.JwtVcJsonEs256, "Ed25519", "did", true)]
    [InlineData(OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023, "P-256", "jwk", false)]
    [InlineData(OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023, "Ed25519", "did", true)]
    public async Task The_openid4vc_client_collects_a_credential_bound_to_its_key_that_verifies(string configurationId, string key, string bind, bool txCode)
    {
        await using var host = await IssuerHost.StartAsync();
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId, requireTxCode: txCode);
        var result = await RunWalletAsync(new JObject
        {
            // By reference when there is a tx_code, by value otherwise: both forms get exercised.
            ["offer"] = txCode ? offer.ByReferenceUri : offer.ByValueUri,
            ["txCode"] = offer.TxCode,
            ["configurationId"] = configurationId,
            ["key"] = key,
            ["bind"] = bind,
        });

        var holder = ExpectedHolderDid((JObject)result["holderJwk"]!);
        if (result["holderDid"] is JValue { Type: JTokenType.String } claimed)
        {
            Assert.Equal(holder, (string?)claimed);
        }

        var verifier = new CredentialVerifier();
        VerificationReport report;
        if (configurationId == OpenBadgeCredentialConfigurations.LdpVcEcdsaSd2023)
        {
            // The wallet holds a base proof; what it shows a verifier is a derived one (here disclosing its own DID).
            var baseCredential = (JObject)result["credential"]!;
            Assert.Equal(holder, (string?)baseCredential["credentialSubject"]!["id"]);
            Assert.Equal("ecdsa-sd-2023", (string?)baseCredential["proof"]!["cryptosuite"]);
            var derived = EcdsaSd2023.Derive(baseCredential, ["/credentialSubject/id"]);
            Assert.Equal(holder, (string?)derived["credentialSubject"]!["id"]);
            report = await verifier.VerifyAsync(derived);
        }
        else if (configurationId == OpenBadgeCredentialConfigurations.LdpVc)
        {
            var credential = (JObject)result["credential"]!;
            Assert.Equal(holder, (string?)credential["credentialSubject"]!["id"]);
            report = await verifier.VerifyAsync(credential);
            var (jsVerified, jsErrors) = await ReferenceStack.Shared.VerifyAsync(credential);
            Assert.True(jsVerified, jsErrors);
        }
        else
        {
            var jwt = (string)result["credential"]!;
            var payload = JObject.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1])));
            Assert.Equal(holder, (string?)payload["sub"] ?? (string?)payload["credentialSubject"]?["id"]);
            var header = JObject.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[0])));
            Assert.Equal(configurationId == OpenBadgeCredentialConfigurations.JwtVcJsonEs256 ? "ES256" : "EdDSA", (string?)header["alg"]);
            report = await verifier.VerifyAsync(jwt);
        }

        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));
        var notified = host.Issuer.NotificationEvent(host.Issuer.Notifications.Keys.Single());
        Assert.Equal("credential_accepted", notified);
    }
}
