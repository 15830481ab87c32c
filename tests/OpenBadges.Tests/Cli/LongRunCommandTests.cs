using System.Diagnostics;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using OpenBadges.Cli;
using OpenBadges.Cli.Batch;
using OpenBadges.Json;
using Spectre.Console;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Cli;

/// <summary>
/// Issue #19 item 6: what long runs give a person and a CI system — progress only on a terminal, the batch manifest,
/// VC-JWT issuing, and the JUnit report of <c>verify</c>.
/// </summary>
public sealed class LongRunCommandTests : IDisposable
{
    private const string VerifyNow = "2025-06-01T12:00:00Z";

    // Characters Spectre's progress bar and columns draw: none may appear in a redirected run.
    private static readonly string[] ProgressMarks = ["━", "\u001b[", "Verifying credentials", "Issuing credentials"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ob-longrun-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string[] Batch(string csv, params string[] extra) =>
        ["issue", "--key", CliTestFiles.Key(_dir), "--batch", csv, "--template", CliTestFiles.Template(_dir), "--out", Out, .. extra];

    /// <summary>Three signed credentials: valid, tampered (its proof fails), and valid with a data-model warning.</summary>
    private async Task<(string Valid, string Tampered, string Warned)> ThreeCredentialsAsync()
    {
        var valid = await SignAsync(Credential());
        var tampered = (JObject)valid.DeepClone();
        tampered["credentialSubject"]!["achievement"]!["name"] = "Something else";
        var warned = Credential();
        ((JObject)warned["credentialSubject"]!).Remove("id");
        ((JObject)warned["credentialSubject"]!).Remove("identifier");
        return (Write("valid.json", valid.ToString()), Write("tampered.json", tampered.ToString()), Write("warned.json", (await SignAsync(warned)).ToString()));
    }

    private static (int ExitCode, string Out, string Error, string Progress) RunWithForcedProgress(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var progress = new StringWriter();
        // A console that claims to be an interactive ANSI terminal: the seam the real run fills with stderr.
        IAnsiConsole Console() => AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(progress),
        });
        var code = OpenBadgesCli.Run(args, output, error, http: null, progressConsole: Console);
        return (code, output.ToString(), error.ToString(), progress.ToString());
    }

    [Fact]
    public async Task A_redirected_verify_of_many_files_writes_no_progress()
    {
        var (valid, tampered, warned) = await ThreeCredentialsAsync();
        var run = CliRun.Of("verify", "--now", VerifyNow, valid, tampered, warned);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.All(ProgressMarks, mark => Assert.DoesNotContain(mark, run.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_tool_as_its_own_process_with_redirected_streams_writes_no_progress()
    {
        var (valid, _, warned) = await ThreeCredentialsAsync();
        var tool = Path.Combine(AppContext.BaseDirectory, "OpenBadges.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, "verify", "--now", VerifyNow, valid, warned, valid })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        Assert.True(child.ExitCode == 0, await stderr);
        Assert.Equal("", await stderr);
        var text = await stdout;
        Assert.Contains(warned + ": VALID with 1 warning", text, StringComparison.Ordinal);
        Assert.All(ProgressMarks, mark => Assert.DoesNotContain(mark, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_terminal_verify_of_many_files_draws_a_progress_bar_but_never_with_json()
    {
        var (valid, tampered, warned) = await ThreeCredentialsAsync();
        var shown = RunWithForcedProgress("verify", "--now", VerifyNow, valid, tampered, warned);
        Assert.Equal(1, shown.ExitCode);
        Assert.Contains("Verifying credentials", shown.Progress, StringComparison.Ordinal);
        Assert.Contains("100%", shown.Progress, StringComparison.Ordinal);
        Assert.DoesNotContain("Verifying credentials", shown.Out, StringComparison.Ordinal);

        var json = RunWithForcedProgress("verify", "--json", "--now", VerifyNow, valid, tampered, warned);
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("", json.Progress);
        Assert.Equal(3, JArray.Parse(json.Out).Count);

        var single = RunWithForcedProgress("verify", "--now", VerifyNow, valid);
        Assert.Equal("", single.Progress);
    }

    [Fact]
    public void On_a_terminal_a_batch_draws_a_progress_bar_and_redirected_it_writes_nothing()
    {
        var csv = CliTestFiles.Learners(_dir, 4);
        var shown = RunWithForcedProgress(Batch(csv));
        Assert.True(shown.ExitCode == 0, shown.Error);
        Assert.Contains("Issuing credentials", shown.Progress, StringComparison.Ordinal);
        Assert.Contains("100%", shown.Progress, StringComparison.Ordinal);

        var redirected = CliRun.Of(Batch(csv, "--force"));
        Assert.True(redirected.ExitCode == 0, redirected.Error);
        Assert.Equal("", redirected.Error);
        Assert.All(ProgressMarks, mark => Assert.DoesNotContain(mark, redirected.Out, StringComparison.Ordinal));
        Assert.Contains("4 rows: 4 issued", redirected.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batch_manifest_maps_each_learner_to_its_file_and_credential_id_with_its_status()
    {
        var csv = CliTestFiles.Learners(_dir, 5, 2);
        var run = CliRun.Of(Batch(csv));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Manifest: " + Path.Combine(Out, "manifest.csv"), run.Out, StringComparison.Ordinal);

        var manifest = ReadManifest();
        Assert.Equal(["row", "learnerColumn", "learner", "status", "file", "credentialId"], manifest[0]);
        Assert.Equal(5, manifest.Count - 1);
        Assert.Equal(["2", "3", "4", "5", "6"], manifest.Skip(1).Select(r => r[0]));
        // The learner key the credential id is derived from: the first of learnerId, studentNumber, email the row gives.
        Assert.All(manifest.Skip(1), r => Assert.Equal("studentNumber", r[1]));
        Assert.Equal(["issued", "issued", "failed", "issued", "issued"], manifest.Skip(1).Select(r => r[3]));
        Assert.Equal("100002", manifest[3][2]);
        Assert.Equal(["", ""], manifest[3][4..]);
        foreach (var record in manifest.Skip(1).Where(r => r[3] == "issued"))
        {
            var credential = (JObject)JsonInput.Parse(File.ReadAllText(Path.Combine(Out, record[4])));
            Assert.Equal(record[5], (string?)credential["id"]);
        }

        Assert.Equal(4, manifest.Skip(1).Select(r => r[5]).Where(id => id.Length > 0).Distinct().Count());
        Assert.Empty(Directory.GetFiles(Out, "*.tmp"));

        // Fixed and run again: the manifest is rewritten to describe the folder as it now is.
        Assert.Equal(0, CliRun.Of(Batch(CliTestFiles.Learners(_dir, 5))).ExitCode);
        var again = ReadManifest();
        Assert.Equal(["skipped", "skipped", "issued", "skipped", "skipped"], again.Skip(1).Select(r => r[3]));
        Assert.Equal(manifest[1][5], again[1][5]);
        Assert.True(File.Exists(Path.Combine(Out, again[3][4])));
    }

    private List<string[]> ReadManifest() =>
        CsvReader.Parse(File.ReadAllText(Path.Combine(Out, BatchIssuer.ManifestFileName)), "manifest.csv").Select(r => r.Fields.ToArray()).ToList();

    [Fact]
    public void Issue_suite_jwt_writes_a_vc_jwt_that_openbadges_verify_accepts_and_a_changed_one_it_rejects()
    {
        var spec = CliTestFiles.Spec();
        var output = Path.Combine(_dir, "badge.jwt");
        var run = CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), "--suite", "jwt", Write("spec.json", spec.ToString()), "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);
        var jwt = File.ReadAllText(output).Trim();
        Assert.Equal(3, jwt.Split('.').Length);
        Assert.StartsWith("eyJ", jwt, StringComparison.Ordinal);

        var verified = CliRun.Of("verify", "--json", output);
        Assert.True(verified.ExitCode == 0, verified.Out + verified.Error);
        var entry = (JObject)JArray.Parse(verified.Out)[0];
        Assert.Equal("Valid", (string?)entry["verdict"]);
        Assert.Equal("Passed", (string?)((JArray)entry["checks"]!).Single(c => (string?)c["name"] == "proof")["status"]);

        // The same token with another payload byte: the signature no longer covers it.
        var parts = jwt.Split('.');
        var payload = JObject.Parse(System.Text.Encoding.UTF8.GetString(Base64UrlDecode(parts[1])));
        payload["name"] = "changed";
        var changed = parts[0] + "." + Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload.ToString(Newtonsoft.Json.Formatting.None))) + "." + parts[2];
        Assert.Equal(1, CliRun.Of("verify", Write("changed.jwt", changed)).ExitCode);
    }

    [Fact]
    public void A_batch_with_suite_jwt_writes_jwt_files_that_verify_and_the_manifest_names_them()
    {
        var run = CliRun.Of(Batch(CliTestFiles.Learners(_dir, 3), "--suite", "jwt"));
        Assert.True(run.ExitCode == 0, run.Error);
        var files = Directory.GetFiles(Out, "*.jwt");
        Assert.Equal(3, files.Length);
        Assert.Empty(Directory.GetFiles(Out, "*.json"));
        Assert.Equal(files.Select(Path.GetFileName).Order(), ReadManifest().Skip(1).Select(r => r[4]).Order());
        var verified = CliRun.Of(["verify", .. files]);
        Assert.True(verified.ExitCode == 0, verified.Out);
    }

    [Fact]
    public async Task Verify_junit_writes_one_test_case_per_credential_with_the_failed_check_and_the_warnings()
    {
        var (valid, tampered, warned) = await ThreeCredentialsAsync();
        var withStatus = Credential();
        withStatus["credentialStatus"] = OpenBadges.Status.StatusListCredentials.Entry(StatusListUrl, 3, "revocation");
        var undecided = Write("undecided.json", (await SignAsync(withStatus)).ToString());
        var report = Path.Combine(_dir, "reports", "junit.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);

        var run = CliRun.Of("verify", "--now", VerifyNow, "--junit", report, valid, tampered, warned, undecided);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(tampered + ": INVALID", run.Out, StringComparison.Ordinal); // the table is still printed

        var xml = XDocument.Load(report);
        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("testsuites", xml.Root.Name.LocalName);
        Assert.Equal(new string?[] { "4", "1", "1", "0" }, new[] { "tests", "failures", "errors", "skipped" }.Select(a => (string?)suite.Attribute(a)));
        Assert.Equal((string?)suite.Attribute("tests"), (string?)xml.Root.Attribute("tests"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(new string?[] { valid, tampered, warned, undecided }, cases.Select(c => (string?)c.Attribute("name")));
        Assert.All(cases, c => Assert.True(double.Parse((string)c.Attribute("time")!, System.Globalization.CultureInfo.InvariantCulture) >= 0));

        Assert.DoesNotContain(cases[0].Elements(), e => e.Name != "properties");
        var failure = Assert.Single(cases[1].Elements("failure"));
        Assert.Equal("proof.signature", (string?)failure.Attribute("type"));
        Assert.False(string.IsNullOrWhiteSpace((string?)failure.Attribute("message")));
        Assert.Contains("proof.signature: " + (string?)failure.Attribute("message"), failure.Value, StringComparison.Ordinal);
        Assert.Empty(cases[1].Elements("error"));

        Assert.Empty(cases[2].Elements("failure"));
        Assert.Contains("warning credentialSubject:", cases[2].Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Contains("[SUBJECT_DATA_MODEL]", cases[2].Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Contains(cases[2].Element("properties")!.Elements("property"), p => (string?)p.Attribute("name") == "warning");
        Assert.Equal("Valid", Property(cases[2], "verdict"));

        var error = Assert.Single(cases[3].Elements("error"));
        Assert.Equal("status", (string?)error.Attribute("type"));
        Assert.Equal("Indeterminate", Property(cases[3], "verdict"));
        Assert.Equal((string?)JObject.Parse(File.ReadAllText(valid))["id"], Property(cases[0], "credentialId"));
    }

    [Fact]
    public async Task Verify_junit_under_strict_fails_a_warned_credential_naming_the_warning()
    {
        var (_, _, warned) = await ThreeCredentialsAsync();
        var report = Path.Combine(_dir, "strict.xml");
        Assert.Equal(1, CliRun.Of("verify", "--strict", "--now", VerifyNow, "--junit", report, warned).ExitCode);
        var failure = Assert.Single(XDocument.Load(report).Descendants("failure"));
        Assert.Equal("credentialSubject", (string?)failure.Attribute("type"));
    }

    [Fact]
    public void Junit_text_never_carries_a_character_xml_cannot_hold()
    {
        Assert.Equal("a\uFFFDb\uFFFD😀", OpenBadges.Cli.Commands.JUnitReport.Safe("a\u0001b\uD800😀"));
        Assert.Equal("plain", OpenBadges.Cli.Commands.JUnitReport.Safe("plain"));
    }

    private static string? Property(XElement testCase, string name) =>
        (string?)testCase.Element("properties")!.Elements("property").FirstOrDefault(p => (string?)p.Attribute("name") == name)?.Attribute("value");

    private static byte[] Base64UrlDecode(string text) => Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
