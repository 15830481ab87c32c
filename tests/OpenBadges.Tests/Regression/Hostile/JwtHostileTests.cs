using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using static OpenBadges.Tests.Unit.JwtTestSupport;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>Issue #21, hole 5: a VC-JWT without <c>iss</c>, and one whose <c>exp</c> is out of every calendar.</summary>
public sealed class JwtHostileTests : IDisposable
{
    private readonly Ed25519Key _key = Ed25519Key.Generate();

    public void Dispose() => _key.Dispose();

    private Ed25519Signer Signer => Ed25519Signer.ForDidKey(_key);

    private JObject Payload => VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));

    private JObject Header => new() { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = Signer.KeyId };

    [Fact]
    public async Task A_token_without_iss_fails()
    {
        var payload = Payload;
        Assert.NotNull(payload.Property("iss"));
        payload.Remove("iss");
        var result = await VcJwtVerifier.VerifyAsync(await SignRawAsync(Header, payload, Signer), Options());
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
        AssertFailed(result, VcJwtChecks.Issuer);
        Assert.Contains("no 'iss'", Check(result, VcJwtChecks.Issuer).Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Invalid, result.Verdict);
    }

    [Theory]
    [InlineData("exp", "1e30")]
    [InlineData("exp", "1e14")]
    [InlineData("nbf", "-1e30")]
    [InlineData("iat", "1e300")]
    public async Task An_out_of_range_date_claim_is_a_bad_claim_value_not_a_bad_signature(string claim, string value)
    {
        var payload = Payload;
        payload[claim] = JToken.Parse(value);
        var token = await SignRawAsync(Header, payload, Signer);
        var result = await VcJwtVerifier.VerifyAsync(token, Options());
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.NotEqual(CheckStatus.Failed, Check(result, VcJwtChecks.Signature).Status);
        var claimCheck = result.Checks.Single(c => c.JsonPath == "$.payload." + claim && c.Status == CheckStatus.Failed);
        Assert.Contains("NumericDate", claimCheck.Message, StringComparison.Ordinal);
    }
}
