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
    // The packages beside the library, packed and checked for the same conventions.
    private static readonly string[] Extensions = ["OpenBadges.Extensions.DependencyInjection", "OpenBadges.Rendering"];

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
        foreach (var extension in Extensions)
        {
            Run("dotnet", ["pack", Path.Combine(root, "src", extension), "-c", "Release", "-o", packages, "-p:Version=" + version], root);
        }

        AssertNuGetConventions(packages, "OpenBadges", version, "lib/net10.0/OpenBadges");
        AssertNuGetConventions(packages, "OpenBadges.Tool", version, "tools/net10.0/any/OpenBadges.Cli");
        foreach (var extension in Extensions)
        {
            AssertNuGetConventions(packages, extension, version, "lib/net10.0/" + extension);
        }

        using (var library = ZipFile.OpenRead(Path.Combine(packages, $"OpenBadges.{version}.nupkg")))
        {
            AssertEveryPublicTypeIsDocumented(library, typeof(OpenBadges.Proofs.DataIntegritySigner).Assembly);
        }

        using (var tool = ZipFile.OpenRead(Path.Combine(packages, $"OpenBadges.Tool.{version}.nupkg")))
        {
            using var settings = new StreamReader(tool.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
            Assert.Contains("<Command Name=\"openbadges\" EntryPoint=\"OpenBadges.Cli.dll\"", settings.ReadToEnd(), StringComparison.Ordinal);
        }

        // The README's quick start, pasted into a new console app that uses the package just packed: it prints Valid.
        AssertReadmeQuickStartRunsFromThePackage(root, packages, version);

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
            ["OPENBADGES_JUNIT"] = Path.Combine(_dir, "report.xml"),
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
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(_dir, "report.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        var failure = Assert.Single(junit.Descendants("failure"));
        Assert.Equal(Path.Combine(credentials, "tampered.json"), (string?)failure.Parent!.Attribute("name"));
        Assert.Equal("proof.signature", (string?)failure.Attribute("type"));
    }

    // What a package page and a debugger need: README (links absolute), licence, icon, repository and project
    // addresses, tags, the release notes, and a symbols package whose PDB maps the sources to the repository.
    private static void AssertNuGetConventions(string folder, string id, string version, string assemblyStem)
    {
        using var package = ZipFile.OpenRead(Path.Combine(folder, $"{id}.{version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.Contains("icon.png", entries);
        Assert.Contains(assemblyStem + ".dll", entries);
        if (id != "OpenBadges.Tool")
        {
            Assert.Contains(assemblyStem + ".xml", entries);
        }

        var nuspec = System.Xml.Linq.XDocument.Load(package.GetEntry(id + ".nuspec")!.Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Meta(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        var repositoryUrl = (string?)repository.Attribute("url") ?? string.Empty;
        Assert.StartsWith("https://", repositoryUrl, StringComparison.Ordinal);
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(repositoryUrl, Meta("projectUrl"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.Equal("icon.png", Meta("icon"));
        Assert.Equal("MIT", Meta("license"));
        Assert.Contains("open-badges", Meta("tags"), StringComparison.Ordinal);
        Assert.Contains("CHANGELOG.md", Meta("releaseNotes"), StringComparison.Ordinal);

        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        var relative = System.Text.RegularExpressions.Regex.Matches(readme.ReadToEnd(), @"\]\((?!https?:|mailto:|#)[^)]+\)");
        Assert.True(relative.Count == 0, $"{id}: README links that lead nowhere on a package page: {string.Join(", ", relative.Select(m => m.Value))}");
        using (var license = new StreamReader(package.GetEntry("LICENSE")!.Open()))
        {
            Assert.StartsWith("MIT License", license.ReadToEnd(), StringComparison.Ordinal);
        }

        var symbolsPath = Path.Combine(folder, $"{id}.{version}.snupkg");
        Assert.True(File.Exists(symbolsPath), $"{id}: no symbols package (.snupkg)");
        using var symbols = ZipFile.OpenRead(symbolsPath);
        var pdb = symbols.GetEntry(assemblyStem + ".pdb");
        Assert.NotNull(pdb);
        using var pdbStream = new MemoryStream();
        using (var stream = pdb.Open())
        {
            stream.CopyTo(pdbStream);
        }

        pdbStream.Position = 0;
        using var provider = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var reader = provider.GetMetadataReader();
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
            .Select(info => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        Assert.NotNull(sourceLink);
        var repositoryPath = new Uri(repositoryUrl).AbsolutePath.TrimEnd('/');
        Assert.Contains(repositoryPath, sourceLink, StringComparison.Ordinal);
    }

    // The compiler refuses an undocumented public member in the library (CS1591 is an error here); the package must
    // carry that documentation: every exported type has its entry in the XML file.
    private static void AssertEveryPublicTypeIsDocumented(ZipArchive package, System.Reflection.Assembly assembly)
    {
        var xml = System.Xml.Linq.XDocument.Load(package.GetEntry("lib/net10.0/OpenBadges.xml")!.Open());
        var documented = xml.Descendants("member").Select(m => (string?)m.Attribute("name")).ToHashSet(StringComparer.Ordinal);
        var missing = assembly.GetExportedTypes()
            .Select(t => "T:" + t.FullName!.Replace('+', '.'))
            .Where(name => !documented.Contains(name))
            .ToList();
        Assert.True(missing.Count == 0, "public types without documentation in the package: " + string.Join(", ", missing));
        Assert.True(documented.Count(n => n!.StartsWith("M:", StringComparison.Ordinal)) > 500, "the documentation file lists hardly any members");
    }

    private void AssertReadmeQuickStartRunsFromThePackage(string root, string packages, string version)
    {
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var section = Array.IndexOf(readme, "## Quick start");
        var open = Array.FindIndex(readme, section, line => line == "```csharp");
        var close = Array.FindIndex(readme, open + 1, line => line == "```");
        var app = Directory.CreateDirectory(Path.Combine(_dir, "quickstart")).FullName;
        Run("dotnet", ["new", "console", "--output", app, "--framework", "net10.0", "--no-restore"], _dir);
        File.WriteAllLines(Path.Combine(app, "Program.cs"), readme[(open + 1)..close]);
        var project = Path.Combine(app, "quickstart.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
              <ItemGroup>
                <PackageReference Include="OpenBadges" Version="{version}" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));

        // Only the local package source; the library's own dependencies come from this machine's package folder.
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{globalPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        var clock = Stopwatch.StartNew();
        var printed = Run("dotnet", ["run", "--project", project], app, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_dir, "quickstart-cache") });
        output.WriteLine($"README quick start from the package: {clock.Elapsed.TotalSeconds:0.0} s (restore, build, run)");
        Assert.Equal("Valid", printed.Trim().Split('\n')[^1].Trim());
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
