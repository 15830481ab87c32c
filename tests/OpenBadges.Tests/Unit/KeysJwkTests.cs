using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Tests.Unit;

public sealed class KeysJwkTests
{
    // RFC 8037 Appendix A.1/A.2: the RFC 8032 test-1 key as an OKP JWK.
    private const string AppendixAX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private const string AppendixAD = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";

    // RFC 8037 Appendix A.3: its RFC 7638 thumbprint.
    private const string AppendixAThumbprint = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    [Fact]
    public void Public_export_matches_rfc8037_appendix_a_and_has_no_d()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(KeysEd25519Tests.Test1SeedHex), allowSecretExport: true);
        var jwk = Jwk.FromKey(key);

        Assert.Equal("OKP", (string?)jwk["kty"]);
        Assert.Equal("Ed25519", (string?)jwk["crv"]);
        Assert.Equal(AppendixAX, (string?)jwk["x"]);
        Assert.False(jwk.ContainsKey("d"));
        Assert.Equal(3, jwk.Count);
    }

    [Fact]
    public void Private_export_only_on_request_matches_rfc8037_appendix_a()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(KeysEd25519Tests.Test1SeedHex), allowSecretExport: true);
        var jwk = Jwk.FromKey(key, includePrivateKey: true, keyId: "k1");

        Assert.Equal(AppendixAD, (string?)jwk["d"]);
        Assert.Equal("k1", (string?)jwk["kid"]);
        using var back = Jwk.ParseKey(jwk);
        Assert.Equal(key.PublicKey, back.PublicKey);
    }

    [Fact]
    public void Thumbprint_matches_rfc8037_appendix_a3()
    {
        var publicKey = Jwk.ParsePublicKey($$"""{"kty":"OKP","crv":"Ed25519","x":"{{AppendixAX}}"}""");
        Assert.Equal(KeysEd25519Tests.Test1Multikey, publicKey.ToMultibase());
        Assert.Equal(AppendixAThumbprint, Jwk.Thumbprint(publicKey));
        Assert.Equal("urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + AppendixAThumbprint, Jwk.ThumbprintUri(publicKey));
    }

    [Fact]
    public void Signature_matches_rfc8037_appendix_a4()
    {
        // A.4: JWS signing input of header {"alg":"EdDSA"} and payload "Example of Ed25519 signing".
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(KeysEd25519Tests.Test1SeedHex));
        var signingInput = Encoding.ASCII.GetBytes("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc");
        var signature = System.Buffers.Text.Base64Url.EncodeToString(key.Sign(signingInput));
        Assert.Equal("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg", signature);
    }

    [Fact]
    public void Public_round_trip()
    {
        using var key = Ed25519Key.Generate();
        var jwk = Jwk.FromPublicKey(key.PublicKey);
        Assert.Equal(key.PublicKey, Jwk.ParsePublicKey(jwk));
        Assert.Equal(key.PublicKey, Jwk.ParsePublicKey(jwk.ToString()));
    }

    public static TheoryData<string, string, string> BadJwks() => new()
    {
        { "RSA key type", """{"kty":"RSA","n":"AQAB","e":"AQAB"}""", "'kty'" },
        { "EC key type", """{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}""", "'kty'" },
        { "X25519 curve", $$"""{"kty":"OKP","crv":"X25519","x":"{{AppendixAX}}"}""", "'crv'" },
        { "missing x", """{"kty":"OKP","crv":"Ed25519"}""", "'x'" },
        { "x not a string", """{"kty":"OKP","crv":"Ed25519","x":5}""", "'x'" },
        { "x short", """{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHUQ"}""", "31" },
        { "x padded", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{AppendixAX}}="}""", "padding" },
        { "x standard base64", """{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo"}""", "alphabet" },
        { "alg not EdDSA", $$"""{"kty":"OKP","crv":"Ed25519","alg":"ES256","x":"{{AppendixAX}}"}""", "'alg'" },
        { "private key where public expected", $$"""{"kty":"OKP","crv":"Ed25519","x":"{{AppendixAX}}","d":"{{AppendixAD}}"}""", "'d'" },
    };

    [Theory]
    [MemberData(nameof(BadJwks))]
    public void Public_parse_rejects(string name, string json, string expectedInError)
    {
        Assert.False(Jwk.TryParsePublicKey(JObject.Parse(json), out var key, out var error), name);
        Assert.Null(key);
        Assert.Contains(expectedInError, error);
        Assert.DoesNotContain(AppendixAD, error);
    }

    [Fact]
    public void Private_parse_rejects_x_that_does_not_match_d()
    {
        using var other = Ed25519Key.Generate();
        var jwk = Jwk.FromPublicKey(other.PublicKey);
        jwk["d"] = AppendixAD;
        Assert.False(Jwk.TryParseKey(jwk, out var key, out var error));
        Assert.Null(key);
        Assert.Contains("'x' is not the public key derived from member 'd'", error);
        Assert.DoesNotContain(AppendixAD, error);

        Assert.False(Jwk.TryParseKey(Jwk.FromPublicKey(other.PublicKey), out _, out error));
        Assert.Contains("'d'", error);
    }

    [Fact]
    public void A_key_parsed_from_a_jwk_does_not_allow_export_unless_asked()
    {
        var jwk = new JObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = AppendixAX, ["d"] = AppendixAD };
        using var locked = Jwk.ParseKey(jwk);
        Assert.Throws<InvalidOperationException>(() => Jwk.FromKey(locked, includePrivateKey: true));
        using var open = Jwk.ParseKey(jwk, allowSecretExport: true);
        Assert.Equal(AppendixAD, (string?)Jwk.FromKey(open, includePrivateKey: true)["d"]);
    }
}
