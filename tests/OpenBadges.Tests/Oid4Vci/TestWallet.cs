using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// A wallet written from the spec for the tests: redeems offers, fetches nonces, and makes key proofs, each part of
/// which a test can bend (typ, aud, iat, alg, key, nonce).
/// </summary>
internal sealed class TestWallet : IDisposable
{
    private TestWallet(ISigner signer, string alg, JObject? jwk, string? kid, string did, IDisposable owned)
    {
        Signer = signer;
        Alg = alg;
        Jwk = jwk;
        Kid = kid;
        Did = did;
        _owned = owned;
    }

    private readonly IDisposable _owned;

    public ISigner Signer { get; }

    public string Alg { get; }

    public JObject? Jwk { get; }

    public string? Kid { get; }

    /// <summary>The DID the issuer must bind.</summary>
    public string Did { get; }

    /// <summary>An Ed25519 wallet naming its key by did:key URL in 'kid'.</summary>
    public static TestWallet Ed25519DidKey()
    {
        var file = Ed25519KeyFile.Generate();
        return new TestWallet(file.CreateSigner(), "EdDSA", null, file.PublicKey.ToDidKeyVerificationMethodId(), file.PublicKey.ToDidKey(), file);
    }

    /// <summary>A P-256 wallet giving its key as 'jwk'.</summary>
    public static TestWallet P256Jwk()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new EcdsaP256Signer(ecdsa, "wallet");
        var jwk = signer.ExportPublicJwk();
        return new TestWallet(signer, "ES256", jwk, null, DidKeyP256.Create(jwk), ecdsa);
    }

    /// <summary>A P-256 wallet naming its key by did:jwk URL in 'kid'.</summary>
    public static TestWallet P256DidJwk()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new EcdsaP256Signer(ecdsa, "wallet");
        var jwk = signer.ExportPublicJwk();
        return new TestWallet(signer, "ES256", null, DidJwk.CreateVerificationMethodId(jwk), DidJwk.Create(jwk), ecdsa);
    }

    public JObject Header() => Jwk is not null
        ? new JObject { ["typ"] = "openid4vci-proof+jwt", ["alg"] = Alg, ["jwk"] = Jwk.DeepClone() }
        : new JObject { ["typ"] = "openid4vci-proof+jwt", ["alg"] = Alg, ["kid"] = Kid };

    public static JObject Payload(string aud, string? nonce, DateTimeOffset? iat = null)
    {
        var payload = new JObject { ["aud"] = aud, ["iat"] = (iat ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() };
        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }

        return payload;
    }

    /// <summary>Signs header.payload with this wallet's key.</summary>
    public async Task<string> SignAsync(JObject header, JObject payload)
    {
        var input = B64(header) + "." + B64(payload);
        var signature = await Signer.SignAsync(Encoding.ASCII.GetBytes(input));
        return input + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    public async Task<string> ProofAsync(string aud, string nonce) => await SignAsync(Header(), Payload(aud, nonce));

    public static string B64(JObject json) =>
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToString(Formatting.None)));

    public void Dispose() => _owned.Dispose();

    // ----- protocol calls -----

    public static async Task<(HttpResponseMessage Response, JObject Body)> TokenAsync(HttpClient http, string code, string? txCode = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:pre-authorized_code",
            ["pre-authorized_code"] = code,
        };
        if (txCode is not null)
        {
            form["tx_code"] = txCode;
        }

        var response = await http.PostAsync("/token", new FormUrlEncodedContent(form));
        return (response, await BodyAsync(response));
    }

    public static async Task<string> NonceAsync(HttpClient http)
    {
        var response = await http.PostAsync("/nonce", null);
        response.EnsureSuccessStatusCode();
        return (string)(await BodyAsync(response))["c_nonce"]!;
    }

    public static async Task<(HttpResponseMessage Response, JObject Body)> CredentialAsync(HttpClient http, string? accessToken, JObject request, string path = "/credential")
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(request.ToString(Formatting.None), Encoding.UTF8, "application/json"),
        };
        if (accessToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        var response = await http.SendAsync(message);
        return (response, await BodyAsync(response));
    }

    public static JObject CredentialRequest(string configurationId, string? proofJwt) =>
        proofJwt is null
            ? new JObject { ["credential_configuration_id"] = configurationId }
            : new JObject { ["credential_configuration_id"] = configurationId, ["proofs"] = new JObject { ["jwt"] = new JArray(proofJwt) } };

    public static async Task<JObject> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JObject() : JsonInput.ParseObject(text);
    }
}
