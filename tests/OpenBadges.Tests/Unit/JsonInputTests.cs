using OpenBadges.Json;

namespace OpenBadges.Tests.Unit;

public sealed class JsonInputTests
{
    [Fact]
    public void Malformed_json_names_line_and_position()
    {
        var error = Assert.Throws<JsonInputException>(() => JsonInput.Parse("{\n  \"a\": 1,\n  \"b\": }"));
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Duplicate_keys_are_rejected() =>
        Assert.Throws<JsonInputException>(() => JsonInput.Parse("""{"a": 1, "a": 2}"""));

    [Fact]
    public void Dates_stay_strings() =>
        Assert.Equal("2024-09-01T00:00:00Z", (string?)JsonInput.Parse("""{"d": "2024-09-01T00:00:00Z"}""")["d"]);

    [Fact]
    public void Depth_beyond_the_limit_is_rejected()
    {
        var deep = new string('[', 70) + new string(']', 70);
        Assert.Throws<JsonInputException>(() => JsonInput.Parse(deep));
        JsonInput.Parse(deep, new JsonLimits { MaxDepth = 100 });
    }

    [Fact]
    public void Oversized_input_is_rejected_before_parsing() =>
        Assert.Throws<JsonInputException>(() => JsonInput.Parse(new string(' ', 100) + "1", new JsonLimits { MaxInputLength = 50 }));

    [Fact]
    public void Trailing_content_is_rejected() =>
        Assert.Throws<JsonInputException>(() => JsonInput.Parse("""{"a": 1} {"b": 2}"""));
}
