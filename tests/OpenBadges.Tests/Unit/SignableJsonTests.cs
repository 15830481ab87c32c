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
    [InlineData("999999999999999999999")] // 21 digits, just below 10^21: the boundary is 10^21, not "21 digits"
    [InlineData("-999999999999999999999")]
    public void Accepts_the_largest_21_digit_integers(string number)
    {
        JsonInput.RequireSignableJson(JsonInput.Parse($$"""{ "n": {{number}} }"""));
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
    [InlineData("""{ "n": 999999999999999999999, "m": -999999999999999999999, "f": 1.5e300, "s": "1000000000000000000000" }""")]
    [InlineData("""{ "ects": 5, "gpa": 3.7, "flag": true, "none": null }""")]
    public void Accepts_numbers_the_canonical_form_keeps(string json)
    {
        JsonInput.RequireSignableJson(JsonInput.Parse(json));
    }
}
