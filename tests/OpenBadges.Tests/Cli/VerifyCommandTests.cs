using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Cli;

/// <summary><c>openbadges verify</c> with the full verifier: table, JSON, --now, --recipient, JWT files, exit codes.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-verify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task The_table_lists_every_check_and_endorsements_are_indented()
    {
        var credential = Credential();
        credential["endorsement"] = await SignAsync(Endorsement(IssuerDid), EndorserSeed);
        var path = Write("badge.json", (await SignAsync(credential)).ToString());
        var run = CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(path + ": VALID", run.Out);
        Assert.Contains("ok   proof.signature", run.Out);
        Assert.Contains("--   status", run.Out);
        Assert.DoesNotContain("warning", run.Out);
        Assert.Contains("    endorsement $.endorsement: VALID", run.Out);
    }

    [Fact]
    public async Task An_expired_credential_exits_1_as_of_now()
    {
        var credential = Credential();
        credential["validUntil"] = "2025-05-01T00:00:00Z";
        var path = Write("expired.json", (await SignAsync(credential)).ToString());
        Assert.Equal(0, CliRun.Of("verify", "--now", "2025-04-01T00:00:00Z", path).ExitCode);
        var run = CliRun.Of("verify", "--now", "2025-06-01T00:00:00Z", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL validity.end", run.Out);
    }

    [Fact]
    public async Task The_recipient_option_checks_the_hashed_email()
    {
        var path = Write("badge.json", (await SignAsync(Credential())).ToString());
        Assert.Equal(0, CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", "--recipient", "learner@example.org", path).ExitCode);
        var run = CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", "--recipient", "other@example.org", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL recipient", run.Out);
    }

    [Fact]
    public async Task A_vc_jwt_file_verifies_and_the_json_report_carries_the_file_and_report_shape()
    {
        var path = Write("badge.jwt", await IssueJwtAsync(Credential()));
        var run = CliRun.Of("verify", "--json", "--now", "2025-06-01T12:00:00Z", path);
        Assert.Equal(0, run.ExitCode);
        var entry = (JObject)JArray.Parse(run.Out)[0];
        Assert.Equal(["file", "kind", "verdict", "warnings", "location", "format", "credentialId", "issuer", "checks", "endorsements"], entry.Properties().Select(p => p.Name));
        Assert.Equal("jwt", (string?)entry["format"]);
        Assert.Contains((JArray)entry["checks"]!, c => (string?)c["name"] == "jwt.signature" && (string?)c["status"] == "Passed");
    }

    [Fact]
    public async Task Any_invalid_file_exits_1_and_a_missing_file_exits_2()
    {
        var good = Write("good.json", (await SignAsync(Credential())).ToString());
        var bad = Write("bad.json", "{\"a\": 1, \"a\": 2}");
        Assert.Equal(1, CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", good, bad).ExitCode);
        var missing = CliRun.Of("verify", Path.Combine(_dir, "missing.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("cannot read", missing.Error);
    }
}
