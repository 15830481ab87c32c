using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.SdJwt;
using OpenBadges.Tests.Unit;

namespace OpenBadges.Tests.SdJwt;

/// <summary>RFC 9901 issue → present a subset → verify, for object properties, array elements and nested disclosures, ES256 and EdDSA.</summary>
public sealed class SdJwtRoundTripTests
{
    public static readonly DateTimeOffset Now = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Algorithms() => new() { "ES256", "EdDSA" };

    internal static JObject Claims(string issuer) => new()
    {
        ["iss"] = issuer,
        ["iat"] = Now.AddDays(-1).ToUnixTimeSeconds(),
        ["given_name"] = "Jan",
        ["family_name"] = "Jansen",
        ["address"] = new JObject { ["locality"] = "Utrecht", ["country"] = "NL" },
        ["nationalities"] = new JArray("NL", "DE"),
    };

    internal static readonly ClaimPath[] Disclosable =
    [
        ClaimPath.Parse("given_name"),
        ClaimPath.Parse("family_name"),
        ClaimPath.Parse("address"),
        ClaimPath.Parse("address.locality"),
        ClaimPath.Parse("nationalities[0]"),
        ClaimPath.Parse("nationalities[1]"),
    ];

    internal static SdJwtVerificationOptions Options(SdJwtVerificationOptions? options = null) =>
        (options ?? SdJwtVerificationOptions.Default) with { TimeProvider = new JwtTestSupport.FixedTime(Now) };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task A_subset_presented_verifies_and_shows_only_that_subset(string algorithm)
    {
        using var issuer = SdJwtTestKey.Create(algorithm);
        var issued = await new SdJwtIssuer(issuer.Signer).IssueAsync(Claims(issuer.Did), Disclosable);
        Assert.Equal(6, issued.Disclosures.Count);

        var presented = SdJwtPresenter.Select(issued, [ClaimPath.Parse("address.locality"), ClaimPath.Parse("nationalities[1]")]);
        var result = await SdJwtVerifier.VerifyAsync(presented.ToString(), Options());

        SdJwtAssert.Valid(result);
        var claims = result.Claims!;
        Assert.Equal("Utrecht", (string?)claims["address"]!["locality"]);
        Assert.Equal("NL", (string?)claims["address"]!["country"]);
        Assert.Equal(new JArray("DE"), claims["nationalities"]);
        Assert.Null(claims["given_name"]);
        Assert.Null(claims["family_name"]);
        Assert.Null(claims["_sd_alg"]);
        Assert.DoesNotContain("\"_sd\"", claims.ToString(), StringComparison.Ordinal);
        Assert.Contains(ClaimPath.Parse("address"), result.DisclosedPaths);
        Assert.Contains(ClaimPath.Parse("nationalities[1]"), result.DisclosedPaths);
    }

    [Fact]
    public async Task Everything_disclosed_gives_back_the_claims_and_nothing_disclosed_hides_them()
    {
        using var issuer = SdJwtTestKey.Es256();
        var claims = Claims(issuer.Did);
        var issued = await new SdJwtIssuer(issuer.Signer).IssueAsync(claims, Disclosable);

        var all = await SdJwtVerifier.VerifyAsync(issued.ToString(), Options());
        SdJwtAssert.Valid(all);
        Assert.True(JToken.DeepEquals(claims, all.Claims), all.Claims!.ToString());

        var none = await SdJwtVerifier.VerifyAsync(SdJwtPresenter.Select(issued, []).ToString(), Options());
        SdJwtAssert.Valid(none);
        Assert.Equal(new JArray(), none.Claims!["nationalities"]);
        Assert.Null(none.Claims["address"]);
    }

    [Fact]
    public async Task The_payload_carries_digests_decoys_and_sd_alg_but_no_disclosed_value()
    {
        using var issuer = SdJwtTestKey.Es256();
        var issued = await new SdJwtIssuer(issuer.Signer).IssueAsync(Claims(issuer.Did), Disclosable, new SdJwtIssueOptions { DecoysPerObject = 2 });
        var payload = SdJwtPresenter.DecodePayload(issued.IssuerSignedJwt);

        Assert.Equal("sha-256", (string?)payload["_sd_alg"]);
        Assert.Equal(5, ((JArray)payload["_sd"]!).Count);   // given_name, family_name, address + 2 decoys
        Assert.DoesNotContain("Jansen", payload.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, ((JArray)payload["nationalities"]!).Count);
        Assert.All((JArray)payload["nationalities"]!, e => Assert.NotNull(e["..."]));
        var digests = ((JArray)payload["_sd"]!).Select(d => (string)d!).ToList();
        Assert.Equal(digests.OrderBy(d => d, StringComparer.Ordinal), digests);
    }

    [Fact]
    public void A_disclosure_digest_is_sha256_of_the_encoded_form_as_in_RFC_9901()
    {
        // RFC 9901 §5.1 example: the Disclosure of "family_name" is WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0
        // and its digest X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0.
        Assert.True(Disclosure.TryParse("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0", Json.JsonLimits.Default, out var disclosure, out var error), error);
        Assert.Equal("family_name", disclosure.ClaimName);
        Assert.Equal("Möbius", (string?)disclosure.Value);
        Assert.Equal("X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0", disclosure.Digest);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task A_key_bound_presentation_verifies_with_the_expected_audience_and_nonce(string algorithm)
    {
        using var issuer = SdJwtTestKey.Es256();
        using var holder = SdJwtTestKey.Create(algorithm);
        var issued = await new SdJwtIssuer(issuer.Signer).IssueAsync(Claims(issuer.Did), Disclosable, new SdJwtIssueOptions { HolderPublicJwk = holder.PublicJwk });
        var presented = await SdJwtPresenter.AddKeyBindingAsync(SdJwtPresenter.Select(issued, [ClaimPath.Parse("given_name")]), holder.Signer, "https://verifier.example", "n-0S6_WzA2Mj", Now);

        var result = await SdJwtVerifier.VerifyAsync(presented.ToString(), Options() with { ExpectedAudience = "https://verifier.example", ExpectedNonce = "n-0S6_WzA2Mj" });
        SdJwtAssert.Valid(result);
        Assert.True(result.IsKeyBound);
        Assert.Equal(CheckStatus.Passed, result.Find(SdJwtChecks.KeyBindingAudience)!.Status);
        Assert.Equal(CheckStatus.Passed, result.Find(SdJwtChecks.KeyBindingNonce)!.Status);

        // Without expectations: signature and sd_hash still checked, audience and nonce said to be unchecked.
        var unchecked_ = await SdJwtVerifier.VerifyAsync(presented.ToString(), Options());
        SdJwtAssert.Valid(unchecked_);
        Assert.Equal(CheckStatus.NotApplicable, unchecked_.Find(SdJwtChecks.KeyBindingAudience)!.Status);
        Assert.Equal(CheckStatus.NotApplicable, unchecked_.Find(SdJwtChecks.KeyBindingNonce)!.Status);
        Assert.Equal(CheckStatus.Passed, unchecked_.Find(SdJwtChecks.KeyBindingSdHash)!.Status);
    }

    [Fact]
    public void Claim_paths_read_text_json_and_the_dc4eu_index_form()
    {
        Assert.Equal(ClaimPath.Parse("credentialSubject.result[0].value"), ClaimPath.FromJson(JArray.Parse("""["credentialSubject","result[0]","value"]""")));
        Assert.Equal(ClaimPath.Parse("a[0].b"), ClaimPath.FromJson(JArray.Parse("""["a",0,"b"]""")));
        Assert.True(ClaimPath.Parse("a[3].b").IsWithin(ClaimPath.Parse("a[*]")));
        Assert.False(ClaimPath.Parse("a.b").IsWithin(ClaimPath.Parse("a.c")));
        Assert.Equal("a.b[2]", ClaimPath.Parse("a.b[2]").ToString());
        Assert.Throws<FormatException>(() => ClaimPath.Parse("a..b"));
    }
}
