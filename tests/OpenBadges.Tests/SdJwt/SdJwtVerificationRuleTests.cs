using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.SdJwt;
using OpenBadges.Tests.Unit;

namespace OpenBadges.Tests.SdJwt;

/// <summary>
/// One test per verification rule of RFC 9901 §7.1 and §7.3 (and the SD-JWT VC plain-claims rule): each builds the
/// offending SD-JWT, and each also shows the same construction without the fault verifying (so the test can fail).
/// </summary>
public sealed class SdJwtVerificationRuleTests : IDisposable
{
    private static readonly DateTimeOffset Now = SdJwtRoundTripTests.Now;
    private readonly SdJwtTestKey _issuer = SdJwtTestKey.Es256();
    private readonly SdJwtTestKey _holder = SdJwtTestKey.Es256();

    public void Dispose()
    {
        _issuer.Dispose();
        _holder.Dispose();
    }

    private static SdJwtVerificationOptions Options(SdJwtVerificationOptions? o = null) => SdJwtRoundTripTests.Options(o);

    private static string Encode(JArray disclosure) =>
        System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(disclosure.ToString(Formatting.None)));

    private static string DigestOf(string encoded) => Disclosure.TryParse(encoded, Json.JsonLimits.Default, out var d, out _) ? d.Digest : OpenBadges.SdJwt.SdJwtDigest.Of(encoded);

    /// <summary>Signs any payload with the issuer key (kid = its did:jwk) and appends the Disclosures.</summary>
    private async Task<string> CraftAsync(JObject payload, IEnumerable<string> disclosures, JObject? header = null, string? kb = null)
    {
        header ??= new JObject { ["alg"] = "ES256", ["typ"] = "sd+jwt", ["kid"] = _issuer.Signer.KeyId };
        var jwt = await JwtTestSupport.SignRawAsync(header, payload, _issuer.Signer);
        return new SdJwtToken(jwt, disclosures, kb).ToString();
    }

    private JObject Payload(params string[] sdDigests) => new()
    {
        ["iss"] = _issuer.Did,
        ["_sd"] = new JArray(sdDigests),
        ["_sd_alg"] = "sha-256",
    };

    private async Task<SdJwtToken> IssueAsync(bool bound = false) =>
        await new SdJwtIssuer(_issuer.Signer).IssueAsync(SdJwtRoundTripTests.Claims(_issuer.Did), SdJwtRoundTripTests.Disclosable,
            new SdJwtIssueOptions { HolderPublicJwk = bound ? _holder.PublicJwk : null });

    [Fact]
    public async Task A_crafted_sd_jwt_without_faults_verifies()
    {
        var name = Encode(new JArray("salt-1", "given_name", "Jan"));
        var result = await SdJwtVerifier.VerifyAsync(await CraftAsync(Payload(DigestOf(name)), [name]), Options());
        SdJwtAssert.Valid(result);
        Assert.Equal("Jan", (string?)result.Claims!["given_name"]);
    }

    [Fact]
    public async Task An_altered_disclosure_is_refused()
    {
        var issued = await IssueAsync();
        var victim = issued.Disclosures[0];
        var decoded = JArray.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(victim)));
        decoded[^1] = "Mallory";
        var altered = new SdJwtToken(issued.IssuerSignedJwt, issued.Disclosures.Select(d => d == victim ? Encode(decoded) : d));

        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(altered.ToString(), Options()), SdJwtChecks.DisclosureReferenced);
        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()));
    }

    [Fact]
    public async Task A_duplicated_disclosure_is_refused()
    {
        var issued = await IssueAsync();
        var doubled = new SdJwtToken(issued.IssuerSignedJwt, [.. issued.Disclosures, issued.Disclosures[0]]);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(doubled.ToString(), Options()), SdJwtChecks.DisclosureDuplicate);
    }

    [Fact]
    public async Task A_digest_appearing_twice_is_refused()
    {
        var name = Encode(new JArray("salt-1", "given_name", "Jan"));
        var payload = Payload(DigestOf(name));
        payload["address"] = new JObject { ["_sd"] = new JArray(DigestOf(name)) };
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, [name]), Options()), SdJwtChecks.DigestUnique);

        // Twice in the same _sd, even undisclosed.
        var decoy = OpenBadges.SdJwt.SdJwtDigest.Decoy();
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(Payload(decoy, decoy), []), Options()), SdJwtChecks.DigestUnique);
    }

    [Fact]
    public async Task A_disclosure_no_digest_references_is_refused()
    {
        // RFC 9901 §7.1 step 5 (the TypeScript library accepts this): the digest is missing from the payload.
        var name = Encode(new JArray("salt-1", "given_name", "Jan"));
        var stray = Encode(new JArray("salt-2", "family_name", "Jansen"));
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(Payload(DigestOf(name)), [name, stray]), Options()), SdJwtChecks.DisclosureReferenced);
    }

    [Fact]
    public async Task A_disclosed_name_that_already_exists_is_refused()
    {
        var name = Encode(new JArray("salt-1", "given_name", "Jan"));
        var payload = Payload(DigestOf(name));
        payload["given_name"] = "Piet";
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, [name]), Options()), SdJwtChecks.ClaimCollision);
    }

    [Theory]
    [InlineData("_sd")]
    [InlineData("...")]
    public async Task A_disclosure_of_a_reserved_claim_name_is_refused(string reserved)
    {
        var bad = Encode(new JArray("salt-1", reserved, new JArray("x")));
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(Payload(DigestOf(bad)), [bad]), Options()), SdJwtChecks.DisclosureFormat);
    }

    [Fact]
    public async Task A_disclosure_of_the_wrong_kind_is_refused()
    {
        var element = Encode(new JArray("salt-1", "NL"));
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(Payload(DigestOf(element)), [element]), Options()), SdJwtChecks.DisclosureKind);

        var property = Encode(new JArray("salt-1", "given_name", "Jan"));
        var payload = Payload();
        payload["nationalities"] = new JArray(new JObject { ["..."] = DigestOf(property) });
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, [property]), Options()), SdJwtChecks.DisclosureKind);
    }

    [Theory]
    [InlineData("WyJzYWx0Il0")]                 // ["salt"]: one element
    [InlineData("eyJhIjoxfQ")]                  // {"a":1}: not an array
    [InlineData("WzEsICJuYW1lIiwgMl0")]         // [1, "name", 2]: salt not a string
    [InlineData("not+base64url")]
    public async Task A_malformed_disclosure_is_refused(string disclosure)
    {
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(Payload(DigestOf(disclosure)), [disclosure]), Options()), SdJwtChecks.DisclosureFormat);
    }

    [Fact]
    public async Task An_sd_that_is_not_an_array_of_strings_is_refused()
    {
        var payload = Payload();
        payload["_sd"] = new JArray(42);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, []), Options()), SdJwtChecks.DigestFormat);
    }

    [Fact]
    public async Task An_unknown_sd_alg_is_refused()
    {
        var payload = Payload();
        payload["_sd_alg"] = "sha-512";
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, []), Options()), SdJwtChecks.HashAlgorithm);
    }

    [Fact]
    public async Task Alg_none_is_refused()
    {
        var header = JwtTestSupport.B64(new JObject { ["alg"] = "none", ["typ"] = "sd+jwt" });
        var body = JwtTestSupport.B64(Payload());
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync($"{header}.{body}.AA~", Options()), SdJwtChecks.Algorithm);
        Assert.Equal(Verdict.Invalid, (await SdJwtVerifier.VerifyAsync($"{header}.{body}.~", Options())).Verdict);
    }

    [Fact]
    public async Task A_changed_payload_breaks_the_signature()
    {
        var issued = await IssueAsync();
        var parts = issued.IssuerSignedJwt.Split('.');
        var payload = JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
        payload["iat"] = (long)payload["iat"]! + 1;
        var forged = new SdJwtToken(parts[0] + "." + JwtTestSupport.B64(payload) + "." + parts[2], issued.Disclosures);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(forged.ToString(), Options()), SdJwtChecks.Signature);
    }

    [Fact]
    public async Task A_key_that_is_not_the_issuers_is_refused()
    {
        using var other = SdJwtTestKey.Es256();
        var claims = SdJwtRoundTripTests.Claims(other.Did);   // iss names someone else
        var issued = await new SdJwtIssuer(_issuer.Signer).IssueAsync(claims, []);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.KeyIssuer);
    }

    [Fact]
    public async Task An_expired_sd_jwt_is_refused()
    {
        var payload = Payload();
        payload["exp"] = Now.AddDays(-1).ToUnixTimeSeconds();
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, []), Options()), SdJwtChecks.TimeExpiration);
        payload["exp"] = Now.AddDays(1).ToUnixTimeSeconds();
        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(await CraftAsync(payload, []), Options()));
    }

    [Fact]
    public async Task A_missing_kb_jwt_is_refused_when_the_credential_has_cnf()
    {
        var issued = await IssueAsync(bound: true);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.KeyBinding);
        var unbound = await IssueAsync();
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(unbound.ToString(), Options() with { RequireKeyBinding = true }), SdJwtChecks.KeyBinding);
    }

    [Theory]
    [InlineData("aud")]
    [InlineData("nonce")]
    public async Task A_kb_jwt_for_another_audience_or_nonce_is_refused(string which)
    {
        var issued = await IssueAsync(bound: true);
        var presented = await SdJwtPresenter.AddKeyBindingAsync(issued, _holder.Signer, "https://verifier.example", "nonce-1", Now);
        var options = Options() with
        {
            ExpectedAudience = which == "aud" ? "https://other.example" : "https://verifier.example",
            ExpectedNonce = which == "nonce" ? "nonce-2" : "nonce-1",
        };
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(presented.ToString(), options), which == "aud" ? SdJwtChecks.KeyBindingAudience : SdJwtChecks.KeyBindingNonce);
        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(presented.ToString(), Options() with { ExpectedAudience = "https://verifier.example", ExpectedNonce = "nonce-1" }));
    }

    [Fact]
    public async Task A_kb_jwt_moved_to_another_presentation_fails_its_sd_hash()
    {
        var issued = await IssueAsync(bound: true);
        var full = await SdJwtPresenter.AddKeyBindingAsync(issued, _holder.Signer, "https://verifier.example", "nonce-1", Now);
        var subset = SdJwtPresenter.Select(issued, [ClaimPath.Parse("given_name")]).WithKeyBinding(full.KeyBindingJwt);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(subset.ToString(), Options()), SdJwtChecks.KeyBindingSdHash);
    }

    [Fact]
    public async Task A_kb_jwt_signed_by_another_key_is_refused()
    {
        var issued = await IssueAsync(bound: true);
        using var thief = SdJwtTestKey.Es256();
        var presented = await SdJwtPresenter.AddKeyBindingAsync(issued, thief.Signer, "https://verifier.example", "nonce-1", Now);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(presented.ToString(), Options()), SdJwtChecks.KeyBindingSignature);
    }

    [Fact]
    public async Task A_stale_kb_jwt_is_refused()
    {
        var issued = await IssueAsync(bound: true);
        var presented = await SdJwtPresenter.AddKeyBindingAsync(issued, _holder.Signer, "https://verifier.example", "nonce-1", Now.AddHours(-1));
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(presented.ToString(), Options()), SdJwtChecks.KeyBindingIssuedAt);
    }

    [Fact]
    public async Task A_kb_jwt_with_the_wrong_typ_is_refused()
    {
        var issued = await IssueAsync(bound: true);
        var kb = await JwtTestSupport.SignRawAsync(
            new JObject { ["alg"] = "ES256", ["typ"] = "JWT" },
            new JObject { ["iat"] = Now.ToUnixTimeSeconds(), ["aud"] = "a", ["nonce"] = "n", ["sd_hash"] = OpenBadges.SdJwt.SdJwtDigest.Of(issued.ToString()) },
            _holder.Signer);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.WithKeyBinding(kb).ToString(), Options()), SdJwtChecks.KeyBindingStructure);
    }

    [Fact]
    public async Task An_sd_jwt_vc_that_hides_a_claim_that_must_stay_in_the_clear_is_refused()
    {
        var claims = new JObject { ["iss"] = _issuer.Did, ["vct"] = "urn:example:1", ["exp"] = Now.AddDays(1).ToUnixTimeSeconds(), ["name"] = "x" };
        var issued = await new SdJwtIssuer(_issuer.Signer).IssueAsync(claims, [ClaimPath.Parse("exp")], new SdJwtIssueOptions { Type = "dc+sd-jwt" });
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.VcPlainClaims);
        var fine = await new SdJwtIssuer(_issuer.Signer).IssueAsync(claims, [ClaimPath.Parse("name")], new SdJwtIssueOptions { Type = "dc+sd-jwt" });
        SdJwtAssert.Valid(await SdJwtVerifier.VerifyAsync(fine.ToString(), Options()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-tilde")]
    [InlineData("a.b.c~~")]
    [InlineData("~")]
    public async Task Structurally_broken_input_is_a_report_not_an_exception(string input)
    {
        var result = await SdJwtVerifier.VerifyAsync(input, Options());
        Assert.Equal(Verdict.Invalid, result.Verdict);
    }
}
