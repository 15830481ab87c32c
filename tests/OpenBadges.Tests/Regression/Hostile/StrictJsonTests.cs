using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Proofs;
using OpenBadges.Tests.Cli;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// Issue #21, holes 3 and 4: JSON input is strict RFC 8259 everywhere (Newtonsoft alone accepts comments, trailing commas,
/// single quotes, NaN…), and a number whose text a double does not hold is refused at signing and flagged at verification.
/// </summary>
public sealed class StrictJsonTests
{
    [Theory]
    [InlineData("""{"a": 1} //x""")]
    [InlineData("""{"a": 1 /* c */}""")]
    [InlineData("""{"a": [1, 2,]}""")]
    [InlineData("""{"a": 1,}""")]
    [InlineData("""{'a': 1}""")]
    [InlineData("""{"a": 'x'}""")]
    [InlineData("""{a: 1}""")]
    [InlineData("""{"a": NaN}""")]
    [InlineData("""{"a": Infinity}""")]
    [InlineData("""{"a": -Infinity}""")]
    [InlineData("""{"a": 0x1F}""")]
    [InlineData("""{"a": 01}""")]
    [InlineData("""{"a": undefined}""")]
    [InlineData("{\"a\": \"tab\there\"}")]
    [InlineData("""{"a": 1} {"b": 2}""")]
    [InlineData("""{"a": new Date(1)}""")]
    public void Lenient_json_is_refused(string json)
    {
        Assert.Throws<JsonInputException>(() => JsonInput.Parse(json));
    }

    [Fact]
    public void A_lone_surrogate_is_refused() =>
        Assert.Throws<JsonInputException>(() => JsonInput.Parse("{\"a\": \"" + (char)0xD800 + "\"}"));

    [Theory]
    [InlineData("""{"a": 1}""")]
    [InlineData(""" {"a": [1, 2.5, -0, 1e-7, "\u00e9\ud83d\ude00"], "b": {}, "c": null, "d": true} """)]
    public void Strict_json_is_accepted(string json)
    {
        Assert.IsType<JObject>(JsonInput.Parse(json));
    }

    [Fact]
    public async Task A_signed_credential_followed_by_a_comment_does_not_verify()
    {
        var text = (await SignAsync(Credential())).ToString() + "//x";
        var report = await Verifier().VerifyAsync(text);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Parse, CheckStatus.Failed);
        Assert.Contains("after the JSON value", report.Find(CheckNames.Parse)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_sign_and_build_refuse_a_file_with_a_comment()
    {
        using var files = new TempFolder();
        var key = files.Key();
        var credential = files.Write("c.json", Credential().ToString() + "\n// trailing comment\n");
        var sign = CliRun.Of("sign", "--key", key, credential);
        Assert.Equal(2, sign.ExitCode);
        Assert.Contains("after the JSON value", sign.Error, StringComparison.Ordinal);

        var spec = files.Write("spec.json", "{ /* a spec */ }");
        var build = CliRun.Of("build", spec);
        Assert.Equal(2, build.ExitCode);
        Assert.Contains("RFC 8259", build.Error + build.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.1000000000000000000001", true)]
    [InlineData("0.10000000000000001", true)]
    [InlineData("1e-400", true)]
    [InlineData("-1e-400", true)]
    [InlineData("123456789012345678.5", true)]
    [InlineData("0.1", false)]
    [InlineData("0.100000000000000000000", false)]
    [InlineData("1.5e300", false)]
    [InlineData("5e-324", false)]
    [InlineData("0.30000000000000004", false)]
    [InlineData("-0.0", false)]
    [InlineData("1E+23", false)]
    [InlineData("12345678901234567890", true)] // its double is 12345678901234567168
    [InlineData("9007199254740993", true)]     // 2^53 + 1
    [InlineData("9007199254740992", false)]    // 2^53
    [InlineData("18014398509481984", false)]   // 2^54: above 2^53, yet a double exactly
    public void A_number_a_double_does_not_hold_is_refused_at_signing_with_its_path(string number, bool refused)
    {
        var document = JsonInput.Parse($$"""{ "a": { "b": [1, {{number}}] } }""");
        if (!refused)
        {
            JsonInput.RequireSignableJson(document);
            return;
        }

        var e = Assert.Throws<JsonInputException>(() => JsonInput.RequireSignableJson(document));
        Assert.Contains("'a.b[1]'", e.Message, StringComparison.Ordinal);
        Assert.Contains(number.TrimStart('-')[..3], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signer_refuses_an_underflowing_number()
    {
        var credential = WithExtensions(Credential());
        var text = credential.ToString().Replace("\"name\": \"Teamwork\",", "\"name\": \"Teamwork\", \"awardedDate\": 1e-400,", StringComparison.Ordinal);
        var parsed = JsonInput.ParseObject(text);
        await Assert.ThrowsAsync<JsonInputException>(() => SignAsync(parsed));
    }

    [Theory]
    [InlineData("0.1000000000000000000001")]
    [InlineData("0.10000000000000001")]
    public async Task A_long_decimal_does_not_verify_against_a_proof_over_the_short_one(string longer)
    {
        var credential = Credential();
        credential["credentialSubject"]!["achievement"]!["creditsAvailable"] = 0.1;
        var signed = await SignAsync(credential);
        Assert.Equal(Verdict.Valid, (await Verifier().VerifyAsync(signed.ToString())).Verdict);

        var changed = signed.ToString().Replace("\"creditsAvailable\": 0.1", "\"creditsAvailable\": " + longer, StringComparison.Ordinal);
        Assert.Contains(longer, changed, StringComparison.Ordinal);
        var report = await Verifier().VerifyAsync(changed);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        var check = report.Find(CheckNames.JsonLd)!;
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("$.credentialSubject.achievement.creditsAvailable", check.JsonPath);
    }
}
