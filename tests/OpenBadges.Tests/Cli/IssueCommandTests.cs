using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Proofs;

namespace OpenBadges.Tests.Cli;

public sealed class IssueCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-issue-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, JToken content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.ToString());
        return path;
    }

    [Fact]
    public async Task Issue_builds_and_signs_a_credential_that_verifies()
    {
        var output = Path.Combine(_dir, "signed.json");
        var run = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), Write("spec.json", CliTestFiles.Spec()), "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);
        var signed = (JObject)JsonInput.Parse(File.ReadAllText(output));
        Assert.Equal("eddsa-rdfc-2022", (string?)signed["proof"]!["cryptosuite"]);
        Assert.StartsWith("did:key:", (string?)signed["issuer"]!["id"], StringComparison.Ordinal);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(signed)).IsValid);
    }

    [Fact]
    public void Issue_prints_to_stdout_with_the_suite_asked_for()
    {
        var run = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), "--suite", "eddsa-jcs-2022", Write("spec.json", CliTestFiles.Spec()));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("eddsa-jcs-2022", (string?)JObject.Parse(run.Out)["proof"]!["cryptosuite"]);
    }

    [Fact]
    public void Issue_refuses_an_issuer_that_is_not_the_keys_controller()
    {
        var spec = CliTestFiles.Spec();
        spec["issuer"]!["id"] = "did:web:someone-else.example";
        var run = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), Write("spec.json", spec));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not the controller of the signing key", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Issue_names_every_missing_element_and_never_prints_the_key()
    {
        var spec = CliTestFiles.Spec();
        spec.Remove("assessmentType");
        spec.Remove("qualityAssurance");
        var key = CliTestFiles.Key(_dir);
        var run = CliRun.Of("issue", "--key", key, Write("spec.json", spec));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("M9", run.Error, StringComparison.Ordinal);
        Assert.Contains("M11", run.Error, StringComparison.Ordinal);
        var secret = (string)JObject.Parse(File.ReadAllText(key))["secretKeyMultibase"]!;
        Assert.DoesNotContain(secret, run.Error + run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--template", "t.json")]
    [InlineData("--force")]
    [InlineData("--parallelism", "2")]
    public void Batch_only_options_without_batch_are_a_usage_error(params string[] extra)
    {
        var run = CliRun.Of(["issue", "--key", CliTestFiles.Key(_dir), Write("spec.json", CliTestFiles.Spec()), .. extra]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("go with --batch", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_needs_template_and_out()
    {
        var key = CliTestFiles.Key(_dir);
        var csv = CliTestFiles.Learners(_dir, 1);
        Assert.Contains("--template", CliRun.Of("issue", "--key", key, "--batch", csv, "--out", _dir).Error, StringComparison.Ordinal);
        Assert.Contains("--out DIR", CliRun.Of("issue", "--key", key, "--batch", csv, "--template", CliTestFiles.Template(_dir)).Error, StringComparison.Ordinal);
    }
}
