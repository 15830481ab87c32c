namespace OpenBadges.Tests.Cli;

/// <summary>Help and usage errors speak of the command users type, and a misspelt command is named.</summary>
public sealed class HelpAndUsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("verify", "--help")]
    public void Help_names_the_command_openbadges(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:\n  openbadges", run.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("OpenBadges.Cli", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verfy", "verify")]
    [InlineData("sing", "sign")]
    [InlineData("Inspect", "inspect")]
    [InlineData("canonicalise", "canonicalize")]
    public void A_misspelt_command_is_a_usage_error_that_names_the_right_one(string typed, string meant)
    {
        var run = CliRun.Of(typed, "credential.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Did you mean 'openbadges {meant}'?", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keygen", "p256", "P-384", "rsa", "jwk")]
    [InlineData("sign", "ecdsa-rdfc-2019", "ecdsa-sd-2023", "P-256/P-384", "jwt")]
    [InlineData("issue", "Ed25519", "jwt", "VC-JWT")]
    [InlineData("verify", "--recipient", "credentialSubject.id", "hashed", "--junit")]
    public void Help_says_which_keys_and_options_a_command_takes(string command, params string[] expected)
    {
        var run = CliRun.Of(command, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.All(expected, text => Assert.Contains(text, run.Out, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unrelated_word_gets_no_suggestion()
    {
        var run = CliRun.Of("frobnicate");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("Did you mean", run.Error, StringComparison.Ordinal);
        Assert.Contains("openbadges --help", run.Error, StringComparison.Ordinal);
    }
}
