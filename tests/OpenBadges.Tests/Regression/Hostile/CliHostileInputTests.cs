using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Tests.Cli;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// Issue #21, holes 2, 9, 10 and 11 through the <c>openbadges</c> tool: the poison graph, batch CSV encoding and fields,
/// unbounded reads, and a verification method that does not name the signing key.
/// </summary>
public sealed class CliHostileInputTests
{
    /// <summary>A JSON-LD document whose RDF is the W3C rdf-canon "poison" clique (test074): 10 blank nodes, each linked to all.</summary>
    internal static string PoisonGraph(int nodes = 10)
    {
        var graph = new JArray();
        for (var i = 0; i < nodes; i++)
        {
            graph.Add(new JObject { ["@id"] = $"_:e{i}", ["p"] = new JArray(Enumerable.Range(0, nodes).Select(j => $"_:e{j}")) });
        }

        return new JObject
        {
            ["@context"] = new JObject { ["p"] = new JObject { ["@id"] = "http://example.com/p", ["@type"] = "@id" } },
            ["@graph"] = graph,
        }.ToString();
    }

    [Theory]
    [InlineData("canonicalize")]
    [InlineData("sign")]
    public void The_poison_graph_gives_exit_2_and_one_clear_line(string command)
    {
        using var folder = new TempFolder();
        var path = folder.Write("poison.json", PoisonGraph());
        var run = command == "sign" ? CliRun.Of("sign", "--key", folder.Key(), path) : CliRun.Of("canonicalize", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        var lines = run.Error.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("poison", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_of_dev_zero_is_refused_quickly_with_bounded_memory()
    {
        foreach (var command in new[] { "verify", "inspect", "unbake", "canonicalize" })
        {
            // Best of three: the bound is about the work done (a 16 MiB read; before the fix, until memory ran out),
            // not about how busy the machine running the suite happens to be.
            var fastest = TimeSpan.MaxValue;
            for (var attempt = 0; attempt < 3 && fastest >= TimeSpan.FromSeconds(3); attempt++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var run = CliRun.Of(command, "/dev/zero");
                clock.Stop();
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.Equal(2, run.ExitCode);
                Assert.Contains("larger than the limit", run.Error, StringComparison.Ordinal);
                Assert.True(allocated < 200L * 1024 * 1024, $"{command}: {allocated} bytes");
                fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
            }
            Assert.True(fastest < TimeSpan.FromSeconds(3), $"{command}: {fastest} at best of three");
        }
    }

    [Fact]
    public void A_key_file_that_never_ends_is_refused()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("sign", "--key", "/dev/zero", folder.Write("c.json", Credential().ToString()));
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void A_latin1_csv_is_refused_with_row_and_column_and_nothing_is_issued()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("learners.csv", Encoding.Latin1.GetBytes("email,name,grade\r\na@example.nl,Ana,7\r\nb@example.nl,Jos\u00e9 M\u00fcller,7\r\n"));
        var output = Path.Combine(folder.Path, "out");
        var run = CliRun.Of("issue", "--key", folder.Key(), "--batch", csv, "--template", CliTestFiles.Template(folder.Path), "--out", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("row 3, column 2 ('name')", run.Error, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output, "*.json").Any());
    }

    [Theory]
    [InlineData("evidenceUrl", "javascript:alert(1)", "evidenceUrl,O5")]
    [InlineData("evidenceUrl", "data:text/html,<script>1</script>", "evidenceUrl,O5")]
    [InlineData("evidenceUrl", "file:///etc/passwd", "evidenceUrl,O5")]
    [InlineData("learnerId", "javascript:alert(1)", "learnerId,M1")]
    [InlineData("name", "Ana\u0000Admin", "name,M1")]
    [InlineData("name", "Ana\u001b[31mred", "name,M1")]
    [InlineData("name", "Ana\u0085x", "name,M1")]
    public void A_hostile_field_fails_its_row_naming_the_column(string column, string value, string named)
    {
        using var folder = new TempFolder();
        var csv = folder.Write("learners.csv", $"email,{column},grade\r\na@example.nl,ok-{(column == "name" ? "Ana" : "https://example.org/e")},7\r\nb@example.nl,\"{value}\",7\r\n"
            .Replace("ok-https", "https", StringComparison.Ordinal).Replace("ok-Ana", "Ana", StringComparison.Ordinal));
        var output = Path.Combine(folder.Path, "out");
        var run = CliRun.Of("issue", "--key", folder.Key(), "--batch", csv, "--template", CliTestFiles.Template(folder.Path), "--out", output);
        Assert.True(File.Exists(Path.Combine(output, "errors.csv")), run.Error);
        var errors = File.ReadAllText(Path.Combine(output, "errors.csv"));
        Assert.Contains($"3,{named},", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\n2,", errors, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(output, "*.json"));
        Assert.NotEqual(0, run.ExitCode);
    }

    [Fact]
    public void A_name_past_the_documented_length_fails_its_row()
    {
        using var folder = new TempFolder();
        var csv = folder.Write("learners.csv", $"email,name,grade\r\na@example.nl,{new string('x', 257)},7\r\nb@example.nl,{new string('y', 256)},7\r\n");
        var output = Path.Combine(folder.Path, "out");
        var run = CliRun.Of("issue", "--key", folder.Key(), "--batch", csv, "--template", CliTestFiles.Template(folder.Path), "--out", output);
        Assert.True(File.Exists(Path.Combine(output, "errors.csv")), run.Error);
        var errors = File.ReadAllText(Path.Combine(output, "errors.csv"));
        Assert.Contains("2,name,M1,", errors, StringComparison.Ordinal);
        Assert.Contains("the limit is 256", errors, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(output, "*.json"));
    }

    [Fact]
    public void Sign_refuses_a_verification_method_that_names_another_key()
    {
        using var folder = new TempFolder();
        var key = folder.Key();
        var credential = folder.Write("c.json", Credential(CliKeyController(key)).ToString());
        var other = DidOf(EndorserSeed);
        var otherMethod = other + "#" + other["did:key:".Length..];

        var run = CliRun.Of("sign", "--key", key, "--verification-method", otherMethod, credential);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("different key", run.Error, StringComparison.Ordinal);

        using var otherKey = Ed25519Key.FromSeed(Convert.FromHexString(EndorserSeed));
        var jwkMethod = DidJwk.CreateVerificationMethodId(Jwk.FromPublicKey(otherKey.PublicKey));
        Assert.Equal(2, CliRun.Of("sign", "--key", key, "--verification-method", jwkMethod, credential).ExitCode);

        // A did:web method names its issuer; the credential's issuer must be that DID (sign refuses a mismatch).
        var webCredential = folder.Write("web.json", Credential("did:web:example.edu").ToString());
        var web = CliRun.Of("sign", "--key", key, "--verification-method", "did:web:example.edu#key-1", webCredential);
        Assert.Equal(2, web.ExitCode);
        Assert.Contains("--trust-verification-method", web.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("sign", "--key", key, "--verification-method", "did:web:example.edu#key-1", "--trust-verification-method", webCredential).ExitCode);
    }

    [Fact]
    public void Sign_accepts_a_verification_method_that_names_the_signing_key()
    {
        using var folder = new TempFolder();
        var key = folder.Key();
        var controller = CliKeyController(key);
        var credential = folder.Write("c.json", Credential(controller).ToString());
        var run = CliRun.Of("sign", "--key", key, "--verification-method", controller + "#" + controller["did:key:".Length..], credential);
        Assert.Equal(0, run.ExitCode);
    }

    private static string CliKeyController(string keyPath) => (string)JObject.Parse(File.ReadAllText(keyPath))["controller"]!;
}
