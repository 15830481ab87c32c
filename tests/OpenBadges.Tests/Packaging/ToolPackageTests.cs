using System.Diagnostics;
using System.IO.Compression;
using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Cli;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Packaging;

/// <summary>
/// Packs the library and the tool, installs the tool from the local package (no network: the NuGet config lists only
/// the local folder) and runs it, through the CI sample's script, over freshly issued and baked credentials.
/// Slow (pack + install): one test.
/// </summary>
public sealed class ToolPackageTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-pack-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Packs_installs_from_the_local_package_and_verifies_baked_png_and_svg()
    {
        var root = SharedData.RepositoryRoot;
        var packages = Directory.CreateDirectory(Path.Combine(_dir, "packages")).FullName;
        // A version of its own per run, so no package cache can hand back an older build.
        var version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Run("dotnet", ["pack", Path.Combine(root, "src", "OpenBadges.Cli"), "-c", "Release", "-o", packages, "-p:Version=" + version], root);
        Run("dotnet", ["pack", Path.Combine(root, "src", "OpenBadges"), "-c", "Release", "-o", packages, "--no-build", "-p:Version=" + version], root);

        using (var library = ZipFile.OpenRead(Path.Combine(packages, $"OpenBadges.{version}.nupkg")))
        {
            var entries = library.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", entries);
            Assert.Contains("lib/net10.0/OpenBadges.dll", entries);
            Assert.Contains("lib/net10.0/OpenBadges.xml", entries);
            using var nuspec = new StreamReader(library.GetEntry("OpenBadges.nuspec")!.Open());
            var text = nuspec.ReadToEnd();
            Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">MIT</license>", text, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\"", text, StringComparison.Ordinal);
        }

        using (var tool = ZipFile.OpenRead(Path.Combine(packages, $"OpenBadges.Tool.{version}.nupkg")))
        {
            using var settings = new StreamReader(tool.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
            Assert.Contains("<Command Name=\"openbadges\" EntryPoint=\"OpenBadges.Cli.dll\"", settings.ReadToEnd(), StringComparison.Ordinal);
        }

        // Credentials to verify: one issued, baked into a PNG and an SVG, plus the JSON itself.
        var credentials = Directory.CreateDirectory(Path.Combine(_dir, "credentials")).FullName;
        var spec = Path.Combine(_dir, "spec.json");
        File.WriteAllText(spec, CliTestFiles.Spec().ToString());
        var signed = Path.Combine(credentials, "credential.json");
        Assert.Equal(0, CliRun.Of("issue", "--key", CliTestFiles.Key(_dir), spec, "--out", signed).ExitCode);
        File.WriteAllBytes(Path.Combine(_dir, "badge.png"), CliTestFiles.Png());
        File.WriteAllText(Path.Combine(_dir, "badge.svg"), CliTestFiles.Svg);
        var png = Path.Combine(credentials, "badge.png");
        var svg = Path.Combine(credentials, "badge.svg");
        Assert.Equal(0, CliRun.Of("bake", "--image", Path.Combine(_dir, "badge.png"), "--credential", signed, "--out", png).ExitCode);
        Assert.Equal(0, CliRun.Of("bake", "--image", Path.Combine(_dir, "badge.svg"), "--credential", signed, "--out", svg).ExitCode);

        var config = Path.Combine(_dir, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(_dir, "tool");
        var environment = new Dictionary<string, string>
        {
            ["OPENBADGES_TOOL_PATH"] = toolPath,
            ["OPENBADGES_TOOL_VERSION"] = version,
            ["OPENBADGES_NUGET_CONFIG"] = config,
            ["OPENBADGES_REPORT"] = Path.Combine(_dir, "report.json"),
            ["NUGET_PACKAGES"] = Path.Combine(_dir, "nuget-cache"),
        };
        var script = Path.Combine(root, "samples", "CiVerification", "verify-credentials.sh");

        var valid = Run("bash", [script, credentials], _dir, environment);
        Assert.Contains("All 3 credentials are valid.", valid, StringComparison.Ordinal);
        var report = JArray.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")));
        Assert.All(report, entry => Assert.Equal("Valid", (string?)entry["verdict"]));

        // The installed command itself, straight on the baked images.
        var direct = Run(Path.Combine(toolPath, "openbadges"), ["verify", png, svg], _dir);
        Assert.Contains("badge.png: VALID", direct, StringComparison.Ordinal);
        Assert.Contains("badge.svg: VALID", direct, StringComparison.Ordinal);

        // A tampered credential fails the job.
        var tampered = JObject.Parse(File.ReadAllText(signed));
        tampered["credentialSubject"]!["achievement"]!["name"] = "Something else";
        File.WriteAllText(Path.Combine(credentials, "tampered.json"), tampered.ToString());
        var failing = Run("bash", [script, credentials], _dir, environment, expectedExitCode: 1);
        Assert.Contains("Invalid\t" + Path.Combine(credentials, "tampered.json"), failing, StringComparison.Ordinal);
    }

    private string Run(string file, string[] arguments, string workingDirectory, Dictionary<string, string>? environment = null, int expectedExitCode = 0)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        var text = stdout.Result + stderr.Result;
        output.WriteLine($"$ {file} {string.Join(' ', arguments)}  → {process.ExitCode}");
        output.WriteLine(text);
        Assert.True(process.ExitCode == expectedExitCode, $"{file} exited {process.ExitCode}, expected {expectedExitCode}:\n{text}");
        return text;
    }
}
