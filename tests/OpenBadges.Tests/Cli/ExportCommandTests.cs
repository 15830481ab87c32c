using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Elm;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Cli;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private string Signed()
    {
        var spec = Path("spec.json");
        File.WriteAllText(spec, CliTestFiles.Spec().ToString());
        Assert.Equal(0, CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), spec, "--out", Path("signed.json")).ExitCode);
        return Path("signed.json");
    }

    [SharedDataFact]
    public void Exports_a_verified_credential_to_ELM_that_passes_the_EDC_schema()
    {
        var run = CliRun.Of("export", "--format", "elm", Signed(), "--given-name", "Sanne", "--family-name", "de Vries", "--learning-setting", "formal", "--out", Path("elm.json"));
        Assert.True(run.ExitCode == 0, run.Error);
        var elm = JObject.Parse(File.ReadAllText(Path("elm.json")));
        Assert.Empty(EdcSchema.Validate(elm));
        Assert.Equal("Sanne", (string?)elm.SelectToken("credentialSubject.givenName.en"));
        Assert.Equal("http://data.europa.eu/snb/learning-setting/6fd4685715", (string?)elm.SelectToken("credentialSubject.hasClaim[0].specifiedBy.learningSetting.id"));
    }

    [Fact]
    public void Names_M1_when_the_learner_name_is_not_given()
    {
        var run = CliRun.Of("export", "--format", "elm", Signed());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("M1   $.credentialSubject.identifier[0]", run.Error, StringComparison.Ordinal);
        Assert.Contains("--given-name", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Refuses_a_tampered_credential_unless_told_it_is_unverified()
    {
        var credential = JObject.Parse(File.ReadAllText(Signed()));
        credential["credentialSubject"]!["achievement"]!["ECTS"] = 30;
        File.WriteAllText(Path("tampered.json"), credential.ToString());
        var run = CliRun.Of("export", "--format", "elm", Path("tampered.json"), "--given-name", "S", "--family-name", "V");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not verify (Invalid)", run.Error, StringComparison.Ordinal);

        var unsigned = CliRun.Of("export", "--format", "elm", Path("tampered.json"), "--given-name", "S", "--family-name", "V", "--unverified");
        Assert.True(unsigned.ExitCode == 0, unsigned.Error);
        Assert.Equal("30", (string?)JObject.Parse(unsigned.Out).SelectToken("credentialSubject.hasClaim[0].specifiedBy.creditPoint[0].point"));
    }

    [Fact]
    public void Exports_what_a_verified_VC_JWT_carries()
    {
        var key = CliTestFiles.Key(_dir);
        var specJson = CliTestFiles.Spec();
        specJson["issuer"]!["id"] = JObject.Parse(File.ReadAllText(key))["controller"];
        File.WriteAllText(Path("spec.json"), specJson.ToString());
        Assert.Equal(0, CliRun.Of("build", Path("spec.json"), "--out", Path("unsigned.json")).ExitCode);
        Assert.Equal(0, CliRun.Of("sign", "--suite", "jwt", "--key", key, Path("unsigned.json"), "--out", Path("credential.jwt")).ExitCode);

        var run = CliRun.Of("export", "--format", "elm", Path("credential.jwt"), "--given-name", "Sanne", "--family-name", "de Vries");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("Applied Machine Learning with Python", (string?)JObject.Parse(run.Out).SelectToken("credentialSubject.hasClaim[0].title.en"));
    }

    [Fact]
    public void Only_the_elm_format_is_known()
    {
        Assert.Equal(2, CliRun.Of("export", "--format", "pdf", Signed()).ExitCode);
    }
}
