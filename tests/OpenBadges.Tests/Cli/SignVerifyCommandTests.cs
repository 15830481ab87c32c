using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Cli;

public sealed class SignVerifyCommandTests : IDisposable
{
    private const string Rfc8032Test1Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string KeyFile()
    {
        var path = Path.Combine(_dir, "key.json");
        if (!File.Exists(path))
        {
            Assert.Equal(0, CliRun.Of("keygen", "--seed", Rfc8032Test1Seed, "--out", path).ExitCode);
        }

        return path;
    }

    private string Write(string name, JToken content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.ToString());
        return path;
    }

    [Theory]
    [InlineData("eddsa-rdfc-2022")]
    [InlineData("jwt")]
    public void Sign_refuses_a_key_whose_controller_is_not_the_credentials_issuer_naming_both(string suite)
    {
        var credential = Verification.VerificationFixtures.Credential("did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT");
        var output = Path.Combine(_dir, "never.json");
        var run = CliRun.Of("sign", "--key", KeyFile(), "--suite", suite, Write("other-issuer.json", credential), "--out", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT", run.Error, StringComparison.Ordinal);
        Assert.Contains("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        // The same credential with the key's controller as its issuer is signed.
        var own = Verification.VerificationFixtures.Credential("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw");
        Assert.Equal(0, CliRun.Of("sign", "--key", KeyFile(), "--suite", suite, Write("own-issuer.json", own), "--out", output).ExitCode);
    }

    [SharedDataFact]
    public void Sign_reproduces_the_reference_stack_credential_byte_for_byte_in_json()
    {
        var reference = SharedData.Conformance("reference-stack");
        var output = Path.Combine(_dir, "signed.json");
        var run = CliRun.Of("sign", "--key", KeyFile(), "--created", "2024-09-01T00:00:00Z", Path.Combine(reference, "ob3-microcredential.unsigned.json"), "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.True(JToken.DeepEquals(
            TestContexts.Read(Path.Combine(reference, "ob3-microcredential.eddsa-rdfc-2022.signed.json")),
            TestContexts.Read(output)));
    }

    [InteropFact]
    public async Task What_openbadges_sign_signs_verifies_with_the_reference_stack()
    {
        foreach (var suite in new[] { "eddsa-rdfc-2022", "Ed25519Signature2020" })
        {
            var unsigned = Write("unsigned.json", InteropCorpus.Get("vc2-minimal"));
            var run = CliRun.Of("sign", "--key", KeyFile(), "--suite", suite, unsigned);
            Assert.Equal(0, run.ExitCode);
            var verdict = await ReferenceStack.Shared.VerifyDetailedAsync(JObject.Parse(run.Out));
            Assert.True(verdict.AllProofsVerified, suite + ": " + verdict.ErrorText);
        }
    }

    [InteropFact]
    public async Task What_the_reference_stack_signs_verifies_with_openbadges_verify_and_tampered_exits_1()
    {
        var signed = await ReferenceStack.Shared.SignWithTestKeyAsync(InteropCorpus.Get("vc2-minimal"), "eddsa-rdfc-2022");
        var good = Write("theirs.json", signed);
        Assert.Equal(0, CliRun.Of("verify", good).ExitCode);

        var tampered = (JObject)signed.DeepClone();
        tampered["name"] = (string?)tampered["name"] + "!";
        var run = CliRun.Of("verify", Write("tampered.json", tampered));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL proof.signature", run.Out);
    }

    [SharedDataFact]
    public void Verify_json_report_has_a_stable_shape()
    {
        var run = CliRun.Of("verify", "--json", SharedData.Conformance("reference-stack/ob3-microcredential.Ed25519Signature2020.signed.json"));
        Assert.Equal(0, run.ExitCode);
        var report = (JObject)JArray.Parse(run.Out)[0];
        Assert.Equal("Valid", (string?)report["verdict"]);
        Assert.All((JArray)report["checks"]!, check =>
        {
            Assert.NotNull(check["name"]);
            Assert.NotNull(check["status"]);
            Assert.NotNull(check["rule"]);
        });
    }

    [SharedDataFact]
    public void A_key_in_a_fragment_is_not_trusted_offline_so_the_verdict_is_undecided()
    {
        var run = CliRun.Of("verify", SharedData.Conformance("ob3/test-vector/signed.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("INDETERMINATE", run.Out);
    }

    [SharedDataFact]
    public void Verify_reads_a_baked_png_and_svg()
    {
        var credential = File.ReadAllText(SharedData.Conformance("reference-stack/ob3-microcredential.eddsa-rdfc-2022.signed.json"));
        var png = Path.Combine(_dir, "badge.png");
        File.WriteAllBytes(png, OpenBadges.Baking.PngBaker.Bake(Unit.BakingTests.TinyPng(), credential));
        var svg = Path.Combine(_dir, "badge.svg");
        File.WriteAllText(svg, OpenBadges.Baking.SvgBaker.Bake(Unit.BakingTests.TinySvg, credential));
        Assert.Equal(0, CliRun.Of("verify", png, svg).ExitCode);
    }

    [Fact]
    public void Canonicalize_exits_2_naming_the_dropped_term_in_safe_mode_and_prints_with_unsafe()
    {
        var path = Write("doc.json", OpenBadges.Json.JsonInput.Parse("""{"@context": {"name": "https://schema.org/name"}, "name": "x", "undefinedTerm": "y"}"""));
        var run = CliRun.Of("canonicalize", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("undefinedTerm", run.Error);
        var loose = CliRun.Of("canonicalize", "--unsafe", path);
        Assert.Equal(0, loose.ExitCode);
        Assert.Equal("_:c14n0 <https://schema.org/name> \"x\" .\n", loose.Out);
    }

    [Fact]
    public void Canonicalize_with_jcs_prints_rfc8785_json()
    {
        var path = Write("doc.json", OpenBadges.Json.JsonInput.Parse("""{"b": 1.50, "a": "é"}"""));
        var run = CliRun.Of("canonicalize", "--algorithm", "jcs", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"a\":\"é\",\"b\":1.5}\n", run.Out);
    }

    [Theory]
    [InlineData("--created", "yesterday")]
    [InlineData("--suite", "rsa-2018")]
    public void Sign_rejects_bad_options_with_exit_2(string option, string value) =>
        Assert.Equal(2, CliRun.Of("sign", "--key", KeyFile(), option, value, KeyFile()).ExitCode);

    [Fact]
    public void Sign_with_an_unreadable_key_file_exits_2()
    {
        var run = CliRun.Of("sign", "--key", Path.Combine(_dir, "missing.json"), Path.Combine(_dir, "missing.json"));
        Assert.Equal(2, run.ExitCode);
    }
}
