using Newtonsoft.Json.Linq;
using OpenBadges.Proofs.Jose;
using OpenBadges.Tests.Unit;

namespace OpenBadges.Tests.Cli;

public sealed class JwtCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-cli-jwt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("ed25519", "EdDSA")]
    [InlineData("p256", "ES256")]
    [InlineData("rsa", "RS256")]
    public async Task Keygen_then_sign_jwt_makes_a_token_that_verifies(string type, string algorithm)
    {
        var keyPath = Path.Combine(_dir, type + ".json");
        Assert.Equal(0, (type == "p256" ? CliRun.Of("keygen", "--type", type, "--format", "jwk", "--out", keyPath) : CliRun.Of("keygen", "--type", type, "--out", keyPath)).ExitCode);
        var key = JObject.Parse(File.ReadAllText(keyPath));
        var issuer = (string)key["controller"]!;

        var credentialPath = Path.Combine(_dir, "credential.json");
        File.WriteAllText(credentialPath, JwtTestSupport.Credential(issuer).ToString());
        var run = CliRun.Of("sign", "--key", keyPath, "--suite", "jwt", credentialPath);
        Assert.Equal(0, run.ExitCode);

        var token = run.Out.Trim();
        Assert.Equal(3, token.Split('.').Length);
        var result = await VcJwtVerifier.VerifyAsync(token, JwtTestSupport.Options());
        JwtTestSupport.AssertValid(result);
        Assert.Equal(algorithm, (string?)result.Header!["alg"]);
    }

    [Fact]
    public void Jwk_keygen_refuses_a_seed() =>
        Assert.Equal(2, CliRun.Of("keygen", "--type", "p256", "--format", "jwk", "--seed", new string('0', 64)).ExitCode);

    [Fact]
    public void Jwk_key_files_never_print_the_private_key_on_error()
    {
        var keyPath = Path.Combine(_dir, "p.json");
        Assert.Equal(0, CliRun.Of("keygen", "--type", "p256", "--format", "jwk", "--out", keyPath).ExitCode);
        var d = (string)JObject.Parse(File.ReadAllText(keyPath))["d"]!;
        var credentialPath = Path.Combine(_dir, "bad.json");
        File.WriteAllText(credentialPath, """{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]}""");
        var run = CliRun.Of("sign", "--key", keyPath, "--suite", "jwt", credentialPath);
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(d, run.Error + run.Out);
    }
}
