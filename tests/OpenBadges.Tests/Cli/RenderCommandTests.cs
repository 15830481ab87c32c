namespace OpenBadges.Tests.Cli;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-render-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private string Signed()
    {
        var spec = Path("spec.json");
        File.WriteAllText(spec, CliTestFiles.Spec().ToString());
        Assert.Equal(0, CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), spec, "--out", Path("signed.json")).ExitCode);
        return Path("signed.json");
    }

    [Fact]
    public void Render_writes_the_certificate_page_with_the_QR_target_and_language_asked_for()
    {
        var run = CliRun.Of("render", Signed(), "--out", Path("badge.html"), "--verify-url", "https://verify.example.edu/c/1", "--language", "nl");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("badge.html (Valid)", run.Out, StringComparison.Ordinal);
        var page = File.ReadAllText(Path("badge.html"));
        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://verify.example.edu/c/1\"", page, StringComparison.Ordinal);
        Assert.Contains("Geverifieerd", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_of_a_tampered_credential_writes_the_page_and_exits_as_verify()
    {
        var signed = Signed();
        File.WriteAllText(signed, File.ReadAllText(signed).Replace("\"validFrom\": \"2025-", "\"validFrom\": \"2024-", StringComparison.Ordinal));
        var run = CliRun.Of("render", signed, "--out", Path("badge.html"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Not valid", File.ReadAllText(Path("badge.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--verify-url", "http://verify.example.edu/")]
    [InlineData("--language", "de")]
    public void Bad_options_are_refused(string option, string value)
    {
        var run = CliRun.Of("render", Signed(), "--out", Path("badge.html"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("badge.html")));
    }
}
