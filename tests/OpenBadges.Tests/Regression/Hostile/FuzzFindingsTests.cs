using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Model;
using OpenBadges.Tests.Cli;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// Inputs the fuzz harnesses found (tests/fuzz, 10-minute runs of 2026-12-06), written out small: each threw an
/// exception its parser does not document.
/// </summary>
public sealed class FuzzFindingsTests
{
    // jsonld harness: a number beyond the range of a double reached the xsd:double writer, which cut a string at -1.
    [Theory]
    [InlineData("1e400123")]
    [InlineData("-1e400")]
    public void A_number_beyond_a_double_is_a_json_ld_error_when_written_as_rdf(string number)
    {
        var document = JsonInput.Parse($$"""{"@context": {"e": "http://example.org/vocab#"}, "@id": "http://example.org/x", "e:value": {{number}}}""");
        var expanded = JsonLdProcessor.Expand(document);
        var error = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ExpandedToRdf(expanded));
        Assert.Contains("beyond the range of a double", error.Message, StringComparison.Ordinal);
    }

    // spec harness: a workload with more digits than a long reached Convert.ToDecimal as a BigInteger.
    [Theory]
    [InlineData("1234567890123456789012345", true)]              // fits a decimal: read, then the profile's range rule
    [InlineData("123456789012345678901234567890123456789", false)] // beyond a decimal: out of range
    public void A_huge_integer_workload_is_a_spec_problem_not_a_crash(string number, bool fitsDecimal)
    {
        var spec = CliTestFiles.Spec();
        spec["ects"] = JToken.Parse(number);
        var error = Assert.Throws<MicroCredentialValidationException>(() => MicroCredentialSpec.Parse(spec.ToString()).Build());
        Assert.Contains(error.Problems, p => p.Element == "M7" || (p.JsonPath == "$.ects" && p.Rule.Contains("M7", StringComparison.Ordinal)));
        if (!fitsDecimal)
        {
            Assert.Contains(error.Problems, p => p.JsonPath == "$.ects" && p.Rule.Contains("out of range", StringComparison.Ordinal));
        }
    }

    // spec harness: an EQF level with more digits than a long overflowed the cast to long.
    [Fact]
    public void A_huge_integer_eqf_level_is_a_spec_problem_not_a_crash()
    {
        var spec = CliTestFiles.Spec();
        spec["eqfLevel"] = JToken.Parse("99999999999999999999999999");
        var error = Assert.Throws<MicroCredentialValidationException>(() => MicroCredentialSpec.Parse(spec.ToString()).Build());
        Assert.Contains(error.Problems, p => p.JsonPath == "$.eqfLevel" && p.Rule.Contains("M8", StringComparison.Ordinal));
    }

    // spec harness: an empty BRIN reached the builder, whose identifier factory threw an ArgumentException.
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_brin_is_a_spec_problem_not_a_crash(string brin)
    {
        var spec = CliTestFiles.Spec();
        spec["issuer"]!["brin"] = brin;
        var error = Assert.Throws<MicroCredentialValidationException>(() => MicroCredentialSpec.Parse(spec.ToString()).Build());
        Assert.Contains(error.Problems, p => p.JsonPath == "$.issuer.brin" && p.Rule.Contains("must not be empty", StringComparison.Ordinal));
    }
}
