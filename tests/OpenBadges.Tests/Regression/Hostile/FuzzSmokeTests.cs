using OpenBadges.Fuzz;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// The fuzz harnesses (tests/fuzz) for a short fixed budget each, so CI keeps them working and catches what a few
/// thousand seeded mutations find; long runs are described in tests/fuzz/README.md. Same seed every run: a failure
/// here reproduces with <c>OpenBadges.Fuzz HARNESS --seed 1</c>.
/// </summary>
public sealed class FuzzSmokeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names() => new(Harnesses.All.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void A_short_fixed_budget_run_finds_nothing(string name)
    {
        var harness = Harnesses.Find(name)!;
        var result = Driver.Run(harness, TimeSpan.FromSeconds(1.5), maxExecutions: 3000, seed: 1, findingsFolder: null);
        output.WriteLine(result.ToString());
        Assert.True(result.Executions > 0);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Every_parser_the_issue_names_has_a_harness()
    {
        Assert.Equal(
            ["csv", "jcs", "json", "jsonld", "jwt", "multibase", "nquads", "png", "rdfc", "spec", "svg", "verifier"],
            Harnesses.All.Select(h => h.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_harness_reports_an_undocumented_exception_as_a_finding()
    {
        var broken = new Harness("broken", "test", () => [[1]], _ => throw new InvalidOperationException("boom"), typeof(FormatException));
        var result = Driver.Run(broken, TimeSpan.FromSeconds(1), maxExecutions: 5, seed: 1, findingsFolder: null);
        Assert.NotEmpty(result.Findings);
        Assert.Contains("InvalidOperationException", result.Findings[0], StringComparison.Ordinal);
    }
}
