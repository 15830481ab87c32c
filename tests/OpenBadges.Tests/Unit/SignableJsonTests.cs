using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Tests.Unit;

/// <summary>What a proof may sign: plain JSON, and only numbers the canonical form keeps exactly.</summary>
public sealed class SignableJsonTests
{
    [Theory]
    [InlineData("""{ "n": 1000000000000000000000 }""", "n")]
    [InlineData("""{ "a": { "b": [1, -123456789012345678901234567890] } }""", "a.b[1]")]
    public void Refuses_integers_of_10_to_the_21_or_more_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<JsonInputException>(() => JsonInput.RequireSignableJson(JsonInput.Parse(json)));
        Assert.Contains($"'{path}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("10^21 or more in magnitude (22 digits or more)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("590295810358705651712")] // 2^69: 21 digits, below 10^21 and a double exactly, so it signs as written
    [InlineData("-590295810358705651712")]
    public void Accepts_21_digit_integers_a_double_holds(string number)
    {
        JsonInput.RequireSignableJson(JsonInput.Parse($$"""{ "n": {{number}} }"""));
    }

    [Theory]
    [InlineData("999999999999999999999", "1000000000000000000000")] // below 10^21, but its double is 10^21
    [InlineData("-9007199254740993", "-9007199254740992")]
    public void Refuses_integers_below_10_21_that_a_double_does_not_hold(string number, string signedAs)
    {
        var e = Assert.Throws<JsonInputException>(() => JsonInput.RequireSignableJson(JsonInput.Parse($$"""{ "n": {{number}} }""")));
        Assert.Contains("'n'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"sign {signedAs} instead", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_number_that_overflows_a_double()
    {
        var document = new JObject { ["x"] = double.PositiveInfinity };
        var e = Assert.Throws<JsonInputException>(() => JsonInput.RequireSignableJson(document));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
        Assert.Contains("overflows", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_values_that_are_not_plain_JSON()
    {
        var document = JObject.Parse("""{ "validFrom": "2025-01-01T00:00:00Z" }""");
        var e = Assert.Throws<JsonInputException>(() => JsonInput.RequireSignableJson(document));
        Assert.Contains("'validFrom'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "n": 590295810358705651712, "m": -590295810358705651712, "p": 9007199254740992, "f": 1.5e300, "s": "1000000000000000000000" }""")] // 2^69 and 2^53: doubles exactly
    [InlineData("""{ "n": 999999999999999999999 }""", false)] // below 10^21, but no double holds it: JCS would sign 1e21
    [InlineData("""{ "ects": 5, "gpa": 3.7, "flag": true, "none": null }""")]
    public void Accepts_numbers_the_canonical_form_keeps(string json, bool accepted = true)
    {
        if (accepted)
        {
            JsonInput.RequireSignableJson(JsonInput.Parse(json));
        }
        else
        {
            Assert.Throws<JsonInputException>(() => JsonInput.RequireSignableJson(JsonInput.Parse(json)));
        }
    }
}
