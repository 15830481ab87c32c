using Newtonsoft.Json.Linq;

namespace OpenBadges.Tests.Cli;

public sealed class BakeInspectCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-bake-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private string Signed()
    {
        var spec = Path("spec.json");
        File.WriteAllText(spec, CliTestFiles.Spec().ToString());
        Assert.Equal(0, CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), spec, "--out", Path("signed.json")).ExitCode);
        return Path("signed.json");
    }

    [Theory]
    [InlineData("badge.png")]
    [InlineData("badge.svg")]
    public void Bake_then_unbake_gives_the_credential_back_and_verify_reads_the_image(string image)
    {
        var signed = Signed();
        if (image.EndsWith(".png", StringComparison.Ordinal))
        {
            File.WriteAllBytes(Path(image), CliTestFiles.Png());
        }
        else
        {
            File.WriteAllText(Path(image), CliTestFiles.Svg);
        }

        var baked = Path("baked-" + image);
        var bake = CliRun.Of("bake", "--image", Path(image), "--credential", signed, "--out", baked);
        Assert.True(bake.ExitCode == 0, bake.Error);
        var unbake = CliRun.Of("unbake", baked);
        Assert.Equal(0, unbake.ExitCode);
        Assert.True(JToken.DeepEquals(JObject.Parse(File.ReadAllText(signed)), JObject.Parse(unbake.Out)));
        Assert.Equal(0, CliRun.Of("verify", baked).ExitCode);
    }

    [Fact]
    public void Bake_refuses_what_is_not_a_credential_and_unbake_an_image_without_one()
    {
        File.WriteAllBytes(Path("badge.png"), CliTestFiles.Png());
        File.WriteAllText(Path("notes.txt"), "hello");
        var bake = CliRun.Of("bake", "--image", Path("badge.png"), "--credential", Path("notes.txt"), "--out", Path("x.png"));
        Assert.Equal(2, bake.ExitCode);
        Assert.Contains("neither a JSON credential nor a compact VC-JWT", bake.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("x.png")));

        var unbake = CliRun.Of("unbake", Path("badge.png"));
        Assert.Equal(2, unbake.ExitCode);
        Assert.Contains("no baked credential", unbake.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_shows_every_element_with_its_label_and_the_verdict()
    {
        var signed = Signed();
        var run = CliRun.Of("inspect", signed);
        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var expected in new[]
        {
            "M1  Learner", "e-mail address: hashed (sha256, salted)", "M2  Title", "Applied Machine Learning with Python",
            "M3  Country of the awarding body", "NL (Netherlands), Leiden", "M4  Awarding body", "Hogeschool Rijnland", "BRIN 99XA",
            "M5  Date of issuing", "2025-07-04T10:00:00Z", "M6  Learning outcomes", "machine learning <http://data.europa.eu/esco/skill/",
            "M7  Notional workload", "5 ECTS credits", "M8  Level (EQF)", "EQF level 6", "M9  Type of assessment", "application of a skill",
            "M10 Form of participation", "onsite or blended", "M11 Quality assurance", "NVAO accreditation",
            "O1  Prerequisites", "O2  Supervision and identity check", "onsite with identity verification; identity checked",
            "O3  Grade", "Final grade: 7.5 (pass mark 5.5, scale 1–10)", "O4  Stackability", "part of: Associate degree Data Science",
            "O5  Further information", "CROHO 99999", "Verification (offline, JSON, full Open Badges 3.0 checks): VALID",
        })
        {
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("s.devries@student", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_marks_missing_elements_reads_baked_images_and_reports_tampering()
    {
        var credential = JObject.Parse(File.ReadAllText(Signed()));
        ((JObject)credential["credentialSubject"]!["achievement"]!).Remove("assessmentType");
        File.WriteAllText(Path("tampered.json"), credential.ToString());
        File.WriteAllText(Path("badge.svg"), CliTestFiles.Svg);
        Assert.Equal(0, CliRun.Of("bake", "--image", Path("badge.svg"), "--credential", Path("tampered.json"), "--out", Path("baked.svg")).ExitCode);

        var run = CliRun.Of("inspect", Path("baked.svg"));
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"M9  Type of assessment\s+\(missing\)", run.Out);
        Assert.Contains("Verification (offline, baked SVG, full Open Badges 3.0 checks): INVALID", run.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL proof.signature", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_neutralizes_terminal_escape_sequences_from_the_credential()
    {
        var credential = JObject.Parse(File.ReadAllText(Signed()));
        credential["credentialSubject"]!["achievement"]!["name"] = "Evil\u001b[2J title";
        credential["credentialSubject"]!["achievement"]!["prerequisites"] = "none\nVerification (offline): VALID";
        File.WriteAllText(Path("evil.json"), credential.ToString());
        var run = CliRun.Of("inspect", Path("evil.json"));
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("\u001b", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\nVerification (offline): VALID", run.Out, StringComparison.Ordinal);
        // A multi-line text prints as indented lines: the second line cannot pass for the report's own.
        Assert.Matches(@"none\r?\n {8,}Verification \(offline\): VALID", run.Out);
    }

    [Fact]
    public void Inspect_reads_a_vc_jwt_baked_into_an_svg()
    {
        var key = CliTestFiles.Key(_dir);
        var specJson = CliTestFiles.Spec();
        specJson["issuer"]!["id"] = JObject.Parse(File.ReadAllText(key))["controller"];
        var spec = Path("spec.json");
        File.WriteAllText(spec, specJson.ToString());
        Assert.Equal(0, CliRun.Of("build", spec, "--out", Path("unsigned.json")).ExitCode);
        var sign = CliRun.Of("sign", "--suite", "jwt", "--key", key, Path("unsigned.json"), "--out", Path("credential.jwt"));
        Assert.True(sign.ExitCode == 0, sign.Error);
        File.WriteAllText(Path("badge.svg"), CliTestFiles.Svg);
        Assert.Equal(0, CliRun.Of("bake", "--image", Path("badge.svg"), "--credential", Path("credential.jwt"), "--out", Path("baked.svg")).ExitCode);

        var run = CliRun.Of("inspect", Path("baked.svg"));
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("Applied Machine Learning with Python", run.Out, StringComparison.Ordinal);
        Assert.Contains("M7  Notional workload", run.Out, StringComparison.Ordinal);
        Assert.Contains("Verification (offline, baked SVG, full Open Badges 3.0 checks): VALID", run.Out, StringComparison.Ordinal);
        Assert.Contains("The VC-JWT verifies.", run.Out, StringComparison.Ordinal);
    }
}
