using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Tests.Interop;

namespace OpenBadges.Tests.Cli;

/// <summary><c>keygen --type p256|p384</c> and <c>sign --suite ecdsa-rdfc-2019|ecdsa-jcs-2019</c>, checked by <c>verify</c>.</summary>
public sealed class EcdsaSignCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-cli-ecdsa-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("p256", "zDn", EcdsaCurve.P256)]
    [InlineData("p384", "z82", EcdsaCurve.P384)]
    public void Keygen_writes_a_multikey_file_that_loads_back(string type, string prefix, EcdsaCurve curve)
    {
        var run = CliRun.Of("keygen", "--type", type);
        Assert.Equal(0, run.ExitCode);
        var json = JObject.Parse(run.Out);
        Assert.Equal("Multikey", (string?)json["type"]);
        Assert.StartsWith(prefix, (string?)json["publicKeyMultibase"], StringComparison.Ordinal);
        Assert.True(EcdsaKeyFile.TryParse(run.Out, out var file, out var error), error);
        using (file)
        {
            Assert.Equal(curve, file.Curve);
            Assert.Equal("did:key:" + json["publicKeyMultibase"], file.Controller);
        }
    }

    [Fact]
    public void A_p384_jwk_and_a_seeded_p256_key_are_refused()
    {
        Assert.Equal(2, CliRun.Of("keygen", "--type", "p384", "--format", "jwk").ExitCode);
        Assert.Equal(2, CliRun.Of("keygen", "--type", "p256", "--seed", new string('1', 64)).ExitCode);
    }

    [Theory]
    [InlineData("p256", "ecdsa-rdfc-2019")]
    [InlineData("p256", "ecdsa-jcs-2019")]
    [InlineData("p384", "ecdsa-rdfc-2019")]
    [InlineData("p384", "ecdsa-jcs-2019")]
    public void Sign_then_verify_passes_and_a_tampered_credential_exits_1(string type, string suite)
    {
        var keyPath = Path.Combine(_dir, type + ".json");
        Assert.Equal(0, CliRun.Of("keygen", "--type", type, "--out", keyPath).ExitCode);
        var controller = (string)JObject.Parse(File.ReadAllText(keyPath))["controller"]!;
        var credential = InteropCorpus.Get("vc2-minimal");
        SetIssuer(credential, controller);
        var unsigned = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(unsigned, credential.ToString());

        var signedPath = Path.Combine(_dir, "signed.json");
        var run = CliRun.Of("sign", "--key", keyPath, "--suite", suite, unsigned, "--out", signedPath);
        Assert.Equal(0, run.ExitCode);
        var signed = JObject.Parse(File.ReadAllText(signedPath));
        Assert.Equal(suite, (string?)signed["proof"]!["cryptosuite"]);
        Assert.Equal(0, CliRun.Of("verify", signedPath).ExitCode);

        signed["credentialSubject"]!["achievement"]!["name"] = "Something else";
        var tampered = Path.Combine(_dir, "tampered.json");
        File.WriteAllText(tampered, signed.ToString());
        Assert.Equal(1, CliRun.Of("verify", tampered).ExitCode);
    }

    [Fact]
    public void An_ed25519_key_file_is_refused_for_an_ecdsa_suite()
    {
        var keyPath = Path.Combine(_dir, "ed.json");
        Assert.Equal(0, CliRun.Of("keygen", "--out", keyPath).ExitCode);
        var unsigned = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(unsigned, InteropCorpus.Get("vc2-minimal").ToString());
        var run = CliRun.Of("sign", "--key", keyPath, "--suite", "ecdsa-rdfc-2019", unsigned);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("P-256 or P-384 key file", run.Error, StringComparison.Ordinal);
    }

    internal static void SetIssuer(JObject credential, string issuer)
    {
        if (credential["issuer"] is JObject profile)
        {
            profile["id"] = issuer;
        }
        else
        {
            credential["issuer"] = issuer;
        }
    }
}

/// <summary><c>sign --suite ecdsa-sd-2023</c> then <c>derive</c> then <c>verify</c>.</summary>
public sealed class DeriveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-cli-derive-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Base_then_derive_withholding_the_name_verifies_and_the_base_itself_does_not()
    {
        var keyPath = Path.Combine(_dir, "p256.json");
        Assert.Equal(0, CliRun.Of("keygen", "--type", "p256", "--out", keyPath).ExitCode);
        var controller = (string)JObject.Parse(File.ReadAllText(keyPath))["controller"]!;
        var credential = InteropCorpus.Get("vc2-minimal");
        EcdsaSignCommandTests.SetIssuer(credential, controller);
        credential["credentialSubject"]!["name"] = "Ada Lovelace";
        var unsigned = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(unsigned, credential.ToString());

        var basePath = Path.Combine(_dir, "base.json");
        Assert.Equal(0, CliRun.Of("sign", "--key", keyPath, "--suite", "ecdsa-sd-2023", unsigned, "--out", basePath).ExitCode);
        Assert.NotEqual(0, CliRun.Of("verify", basePath).ExitCode);

        var derivedPath = Path.Combine(_dir, "derived.json");
        var run = CliRun.Of("derive", basePath, "--out", derivedPath);
        Assert.Equal(0, run.ExitCode);
        var derived = JObject.Parse(File.ReadAllText(derivedPath));
        Assert.Null(derived["credentialSubject"]!["name"]);
        Assert.NotNull(derived["credentialSubject"]!["achievement"]);
        Assert.Equal(0, CliRun.Of("verify", derivedPath).ExitCode);

        var withName = JObject.Parse(CliRun.Of("derive", basePath, "--disclose", "/credentialSubject/name").Out);
        Assert.Equal("Ada Lovelace", (string?)withName["credentialSubject"]!["name"]);
    }

    [Fact]
    public void Derive_refuses_a_credential_without_a_base_proof()
    {
        var unsigned = Path.Combine(_dir, "unsigned.json");
        File.WriteAllText(unsigned, InteropCorpus.Get("vc2-minimal").ToString());
        var run = CliRun.Of("derive", unsigned);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ecdsa-sd-2023", run.Error, StringComparison.Ordinal);
    }
}
