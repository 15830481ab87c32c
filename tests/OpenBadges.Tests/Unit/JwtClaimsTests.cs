using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;
using OpenBadges.Verification;
using static OpenBadges.Tests.Unit.JwtTestSupport;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Unit;

/// <summary>Each registered claim must agree with the credential property it stands for; the tokens are properly signed.</summary>
public sealed class JwtClaimsTests : IDisposable
{
    private readonly Ed25519Key _key = Ed25519Key.Generate();

    public void Dispose() => _key.Dispose();

    [Theory]
    [InlineData("iss", "did:example:not-the-issuer", VcJwtChecks.Issuer)]
    [InlineData("sub", "did:example:someone-else", VcJwtChecks.Subject)]
    [InlineData("jti", "urn:uuid:00000000-0000-0000-0000-000000000000", VcJwtChecks.JwtId)]
    public async Task String_claim_that_differs_from_the_credential_fails_its_named_check(string claim, string value, string check)
    {
        var payload = VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));
        payload[claim] = value;

        var result = await VerifyAsync(payload);

        AssertFailed(result, check);
        Assert.Contains(value, Check(result, check).Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, Check(result, VcJwtChecks.Signature).Status);
    }

    [Theory]
    [InlineData("nbf", VcJwtChecks.NotBefore)]
    [InlineData("exp", VcJwtChecks.Expiration)]
    public async Task Date_claim_that_differs_from_the_credential_fails_its_named_check(string claim, string check)
    {
        var payload = VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));
        payload[claim] = (long)payload[claim]! + 86400;

        var result = await VerifyAsync(payload);

        AssertFailed(result, check);
    }

    [Fact]
    public async Task Nbf_as_a_string_is_not_a_numeric_date()
    {
        var payload = VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));
        payload["nbf"] = "2024-01-01T00:00:00Z";

        var result = await VerifyAsync(payload);

        AssertFailed(result, VcJwtChecks.NotBefore);
    }

    [Fact]
    public async Task Iss_claim_without_an_issuer_id_in_the_credential_fails()
    {
        var payload = VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));
        payload.Remove("issuer");

        var result = await VerifyAsync(payload);

        AssertFailed(result, VcJwtChecks.Issuer);
        AssertFailed(result, VcJwtChecks.KeyController);
    }

    [Fact]
    public async Task Absent_optional_claims_are_skipped_not_failed()
    {
        var payload = VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));
        payload.Remove("sub");
        payload.Remove("jti");

        var result = await VerifyAsync(payload);

        AssertValid(result);
        Assert.Equal(CheckStatus.NotApplicable, Check(result, VcJwtChecks.Subject).Status);
        Assert.Equal(CheckStatus.NotApplicable, Check(result, VcJwtChecks.JwtId).Status);
    }

    [Fact]
    public async Task Decoded_credential_carries_no_registered_claims()
    {
        var payload = VcJwtIssuer.CreatePayload(Credential(_key.PublicKey.ToDidKey()));
        payload["iat"] = 1704067200;
        payload["aud"] = "https://verifier.example";

        var result = await VerifyAsync(payload);

        AssertValid(result);
        foreach (var claim in new[] { "iss", "sub", "aud", "exp", "nbf", "iat", "jti" })
        {
            Assert.False(result.Credential!.ContainsKey(claim), claim);
        }

        Assert.Equal(1704067200L, (long)result.Payload!["iat"]!);
    }

    [Fact]
    public async Task A_signed_jwt_that_is_not_a_credential_is_rejected()
    {
        var payload = new JObject { ["iss"] = _key.PublicKey.ToDidKey(), ["sub"] = "alice", ["nbf"] = 1704067200 };

        var result = await VerifyAsync(payload);

        AssertFailed(result, VcJwtChecks.Credential);
    }

    [Fact]
    public void Issuer_refuses_a_credential_that_already_carries_registered_claims_or_lacks_validFrom()
    {
        var withClaim = Credential(_key.PublicKey.ToDidKey());
        withClaim["iss"] = "did:example:x";
        Assert.Throws<ArgumentException>(() => VcJwtIssuer.CreatePayload(withClaim));

        var withoutValidFrom = Credential(_key.PublicKey.ToDidKey());
        withoutValidFrom.Remove("validFrom");
        Assert.Throws<ArgumentException>(() => VcJwtIssuer.CreatePayload(withoutValidFrom));

        var localTime = Credential(_key.PublicKey.ToDidKey());
        localTime["validFrom"] = "2024-01-01T00:00:00";
        Assert.Throws<ArgumentException>(() => VcJwtIssuer.CreatePayload(localTime));
    }

    private async Task<VcJwtVerificationResult> VerifyAsync(JObject payload)
    {
        var signer = Ed25519Signer.ForDidKey(_key);
        var token = await SignRawAsync(new JObject { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = signer.KeyId }, payload, signer);
        return await VcJwtVerifier.VerifyAsync(token, Options());
    }
}
