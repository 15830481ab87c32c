using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Tests.Cli;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Verification;

/// <summary>Warning and NotApplicable: a warning keeps the verdict valid unless strict; the CLI says "VALID with N warnings".</summary>
public sealed class VerdictRulesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-verdict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static VerificationCheck Check(CheckStatus status) => new("x", status, "m", null, "r");

    [Theory]
    [InlineData(new[] { CheckStatus.Passed, CheckStatus.Warning, CheckStatus.NotApplicable }, false, Verdict.Valid)]
    [InlineData(new[] { CheckStatus.Passed, CheckStatus.Warning, CheckStatus.NotApplicable }, true, Verdict.Invalid)]
    [InlineData(new[] { CheckStatus.Warning, CheckStatus.CouldNotCheck }, false, Verdict.Indeterminate)]
    [InlineData(new[] { CheckStatus.Warning, CheckStatus.CouldNotCheck }, true, Verdict.Invalid)]
    [InlineData(new[] { CheckStatus.CouldNotCheck, CheckStatus.Failed }, false, Verdict.Invalid)]
    [InlineData(new[] { CheckStatus.NotApplicable }, true, Verdict.Valid)]
    public void Statuses_add_up_to_the_verdict(CheckStatus[] statuses, bool strict, Verdict expected) =>
        Assert.Equal(expected, VerdictRules.Combine(statuses.Select(Check), strict));

    [Fact]
    public void Only_non_passed_checks_carry_a_code_and_a_problem_type()
    {
        Assert.Null(Check(CheckStatus.Passed).Code);
        Assert.Null(Check(CheckStatus.NotApplicable).ProblemType);
        Assert.Equal(ProblemCodes.Invalid, Check(CheckStatus.Failed).Code);
        Assert.Equal(ProblemCodes.DataModelWarning, Check(CheckStatus.Warning).Code);
        Assert.Equal(ProblemCodes.Undecided, Check(CheckStatus.CouldNotCheck).Code);
        Assert.Equal(ProblemCodes.CryptographicSecurityErrorType, VerificationCheck.Fail("proof.signature", "m", null, "r").ProblemType);
        Assert.Equal(ProblemCodes.RangeErrorType, VerificationCheck.Fail("validity.end", "m", null, "r").ProblemType);
        Assert.Equal(ProblemCodes.OpenBadgesTypeBase + "REVOKED", VerificationCheck.Fail("status", "m", null, "r", ProblemCodes.Revoked).ProblemType);
    }

    private async Task<string> WarnedCredentialFileAsync()
    {
        var credential = Credential();
        var subject = (JObject)credential["credentialSubject"]!;
        subject.Remove("id");
        subject.Remove("identifier");
        var path = Path.Combine(_dir, "no-learner.json");
        await File.WriteAllTextAsync(path, (await SignAsync(credential)).ToString());
        return path;
    }

    [Fact]
    public async Task The_cli_prints_valid_with_warnings_and_exits_0()
    {
        var path = await WarnedCredentialFileAsync();
        var run = CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(path + ": VALID with 1 warning", run.Out);
        Assert.Contains("warn credentialSubject", run.Out);
        Assert.Contains("[SUBJECT_DATA_MODEL]", run.Out);
    }

    [Fact]
    public async Task The_cli_strict_flag_turns_the_warning_into_exit_1()
    {
        var path = await WarnedCredentialFileAsync();
        var run = CliRun.Of("verify", "--strict", "--now", "2025-06-01T12:00:00Z", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(path + ": INVALID (1 warning, strict)", run.Out);
    }

    [Fact]
    public async Task The_json_report_counts_warnings_and_gives_each_its_code_and_type()
    {
        var path = await WarnedCredentialFileAsync();
        var run = CliRun.Of("verify", "--json", "--now", "2025-06-01T12:00:00Z", path);
        var entry = (JObject)JArray.Parse(run.Out)[0];
        Assert.Equal(1, (int)entry["warnings"]!);
        var warning = ((JArray)entry["checks"]!).Single(c => (string?)c["status"] == "Warning");
        Assert.Equal("SUBJECT_DATA_MODEL", (string?)warning["code"]);
        Assert.Equal(ProblemCodes.OpenBadgesTypeBase + "SUBJECT_DATA_MODEL", (string?)warning["type"]);
    }
}
