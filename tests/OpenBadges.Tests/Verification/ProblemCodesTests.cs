using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Tests.Cli;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Verification;

/// <summary>Every non-passed check has a documented code; the docs list exactly the library's codes.</summary>
public sealed class ProblemCodesTests
{
    private static readonly Regex DocumentedCode = new(@"^\| `([A-Z_]+)` \| (Failed|Warning|CouldNotCheck) \|", RegexOptions.Multiline);

    private static HashSet<string> DocumentedCodes() =>
        DocumentedCode.Matches(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "verification-report.md")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_docs_list_exactly_the_codes_of_the_library()
    {
        var documented = DocumentedCodes();
        Assert.Equal(ProblemCodes.All.Keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_has_a_vcdm_type_or_one_under_the_package_base()
    {
        string[] vcdm = [ProblemCodes.ParsingErrorType, ProblemCodes.CryptographicSecurityErrorType, ProblemCodes.MalformedValueErrorType, ProblemCodes.RangeErrorType];
        Assert.All(ProblemCodes.All, entry => Assert.True(vcdm.Contains(entry.Value) || entry.Value == ProblemCodes.OpenBadgesTypeBase + entry.Key, entry.Key));
        Assert.All(vcdm, type => Assert.StartsWith("https://www.w3.org/TR/vc-data-model#", type));
    }

    /// <summary>Every credential or presentation file in ../shared/conformance (JSON with a VC/VP type, or a compact JWS).</summary>
    public static IEnumerable<string> ConformanceCredentialFiles()
    {
        var root = SharedData.Conformance(string.Empty);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".jwt", StringComparison.Ordinal))
            {
                yield return file;
                continue;
            }

            if (!file.EndsWith(".json", StringComparison.Ordinal) && !file.EndsWith(".jsonld", StringComparison.Ordinal))
            {
                continue;
            }

            JToken token;
            try
            {
                token = JToken.Parse(File.ReadAllText(file));
            }
            catch (Newtonsoft.Json.JsonException)
            {
                continue;
            }

            var types = token is JObject json ? json["type"] switch
            {
                JArray array => array.Select(t => t.ToString()).ToList(),
                JValue value => [value.ToString()],
                _ => [],
            } : [];
            if (types.Contains("VerifiableCredential") || types.Contains("VerifiablePresentation"))
            {
                yield return file;
            }
        }
    }

    [SharedDataFact]
    public void Verify_json_over_every_conformance_credential_gives_only_documented_codes()
    {
        var documented = DocumentedCodes();
        var files = ConformanceCredentialFiles().ToList();
        Assert.True(files.Count >= 30, $"found only {files.Count} credential files");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var run = CliRun.Of("verify", "--json", file);
            Assert.True(run.ExitCode is 0 or 1 or 2, file + ": " + run.Error);
            foreach (var report in JArray.Parse(run.Out).OfType<JObject>())
            {
                AssertCoded(report, file, documented, seen);
            }
        }

        // The corpus does exercise codes (unsupported suites, unresolved keys, unsigned documents).
        Assert.NotEmpty(seen);
    }

    private static void AssertCoded(JObject report, string file, HashSet<string> documented, HashSet<string> seen)
    {
        foreach (var check in ((JArray)report["checks"]!).OfType<JObject>())
        {
            var status = (string?)check["status"];
            var code = (string?)check["code"];
            if (status is "Passed" or "NotApplicable")
            {
                Assert.Null(code);
                continue;
            }

            Assert.True(code is not null && documented.Contains(code), $"{file}: {check["name"]} {status} has code '{code}'");
            Assert.Equal(ProblemCodes.TypeOf(code!), (string?)check["type"]);
            seen.Add(code!);
        }

        foreach (var member in new[] { "endorsements", "credentials" })
        {
            foreach (var nested in (report[member] as JArray ?? []).OfType<JObject>())
            {
                AssertCoded(nested, file, documented, seen);
            }
        }
    }
}
