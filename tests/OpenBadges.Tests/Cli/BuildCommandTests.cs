using Newtonsoft.Json.Linq;
using OpenBadges.Schemas;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Cli;

public sealed class BuildCommandTests
{
    private static string Spec(string name) => Path.Combine(SharedData.RepositoryRoot, "samples", "specs", name);

    [Fact]
    public void A_spec_missing_assessment_type_and_quality_assurance_exits_2_naming_both()
    {
        var run = CliRun.Of("build", Spec("missing-m9-m11.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("M9", run.Error);
        Assert.Contains("$.credentialSubject.achievement.assessmentType", run.Error);
        Assert.Contains("M11", run.Error);
        Assert.Contains("ext:QualityAssurance", run.Error);
    }

    [Fact]
    public void Malformed_json_exits_2_naming_line_and_position()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\n  \"title\": \"x\",\n  \"ects\": ]\n}");
            var run = CliRun.Of("build", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("line 3", run.Error);
            Assert.Contains("position", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_exits_2() =>
        Assert.Equal(2, CliRun.Of("build", "/nonexistent/spec.json").ExitCode);

    [Fact]
    public void The_example_spec_builds_a_schema_valid_micro_credential()
    {
        var run = CliRun.Of("build", Spec("dutch-he-example.json"));
        Assert.Equal(0, run.ExitCode);
        var credential = OpenBadges.Json.JsonInput.Parse(run.Out);
        Assert.Equal("https://www.w3.org/ns/credentials/v2", (string?)credential["@context"]![0]);
        Assert.Equal("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", (string?)credential["@context"]![1]);
        Assert.IsType<JObject>(credential["@context"]![2]);
        Assert.Empty(OpenBadgesSchemas.ValidateAchievementCredential(credential));
    }
}
