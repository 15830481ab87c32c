using OpenBadges.Tests.Cli;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Golden;

/// <summary>
/// Approved output of `openbadges build` for the sample spec: any change to what the builder writes
/// (names, order, values, the inline extension context) shows up here as a diff to review.
/// </summary>
public sealed class BuildGoldenTests
{
    [Fact]
    public void Dutch_higher_education_sample_spec()
    {
        var run = CliRun.Of("build", Path.Combine(SharedData.RepositoryRoot, "samples", "specs", "dutch-he-example.json"));
        Assert.Equal(0, run.ExitCode);
        Approvals.VerifyJson(OpenBadges.Json.JsonInput.Parse(run.Out), "build-dutch-he-example");
    }
}
