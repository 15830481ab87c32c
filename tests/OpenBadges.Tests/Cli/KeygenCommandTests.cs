using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Tests.Cli;

public sealed class KeygenCommandTests
{
    // RFC 8032, section 7.1, TEST 1 secret key.
    private const string Rfc8032Test1Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    [Fact]
    public void Seeded_keygen_prints_the_rfc8032_test1_did_key()
    {
        var run = CliRun.Of("keygen", "--seed", Rfc8032Test1Seed);
        Assert.Equal(0, run.ExitCode);
        var key = JObject.Parse(run.Out);
        Assert.Equal("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", (string?)key["controller"]);
        Assert.Equal("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw#z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", (string?)key["id"]);
        Assert.Equal("Multikey", (string?)key["type"]);
        Assert.Equal("z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", (string?)key["publicKeyMultibase"]);
        Assert.Equal("z3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61AX", (string?)key["secretKeyMultibase"]);
    }

    [Fact]
    public void Random_keys_differ_and_load_back()
    {
        var first = CliRun.Of("keygen");
        var second = CliRun.Of("keygen");
        Assert.NotEqual(first.Out, second.Out);
        using var file = Ed25519KeyFile.Parse(first.Out);
        Assert.StartsWith("did:key:z6Mk", file.Controller);
    }

    [Fact]
    public void Key_file_is_written_owner_only_and_never_overwritten()
    {
        var path = Path.Combine(Path.GetTempPath(), "ob-keygen-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Assert.Equal(0, CliRun.Of("keygen", "--out", path).ExitCode);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            var before = File.ReadAllText(path);
            var again = CliRun.Of("keygen", "--out", path);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("never overwritten", again.Error);
            Assert.Equal(before, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("12")]
    [InlineData("zz61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")]
    public void A_bad_seed_is_a_usage_error(string seed)
    {
        var run = CliRun.Of("keygen", "--seed", seed);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("64 hex digits", run.Error);
    }

    [Fact]
    public void Unknown_options_are_usage_errors() =>
        Assert.Equal(2, CliRun.Of("keygen", "--bogus").ExitCode);
}
