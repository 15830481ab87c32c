using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Verification;
using OpenBadges.SdJwt;
using OpenBadges.Tests.SdJwt;

namespace OpenBadges.Tests.Cli;

/// <summary>
/// The European wallet profile end to end on the command line, in a temporary folder: <c>issue --format sd-jwt-vc</c>,
/// <c>present --disclose</c>, <c>verify</c> (with and without <c>--audience</c>/<c>--nonce</c>); also <c>sdjwt issue</c>.
/// </summary>
public sealed class SdJwtCommandTests : IDisposable
{
    private const string Audience = "https://employer.example";
    private const string Nonce = "n-0S6_WzA2Mj";
    private readonly string _dir = Directory.CreateTempSubdirectory("obsdjwt").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    /// <summary>A key file made by <c>keygen</c>: es256 (a P-256 JWK), p256 (a P-256 Multikey file) or eddsa (an Ed25519 key file).</summary>
    private string Keygen(string name, string kind)
    {
        string[] args = kind switch
        {
            "es256" => ["keygen", "--type", "p256", "--format", "jwk"],
            "p256" => ["keygen", "--type", "p256"],
            _ => ["keygen"],
        };
        var run = CliRun.Of([.. args, "--out", PathOf(name)]);
        Assert.True(run.ExitCode == 0, run.Error);
        return PathOf(name);
    }

    private static JObject Report(CliRun run) => (JObject)Assert.Single(JArray.Parse(run.Out));

    private static JObject Check(JObject report, string name) =>
        (JObject)report["checks"]!.Single(c => (string?)c["name"] == name);

    /// <summary>The <c>present --list</c> path of the learner's e-mail identifier.</summary>
    private static string EmailPath(string listing) =>
        listing.Split('\n').Select(l => l.Split('\t')).First(p => p.Length == 2 && p[0].StartsWith("credentialSubject.identifier[", StringComparison.Ordinal) && p[1].Contains("emailAddress", StringComparison.Ordinal))[0];

    [Theory]
    [InlineData("es256", "es256")]
    [InlineData("p256", "es256")]
    [InlineData("eddsa", "eddsa")]
    public void Issue_as_sd_jwt_vc_present_a_subset_key_bound_and_verify(string issuerKind, string holderKind)
    {
        var key = Keygen("issuer.json", issuerKind);
        var holder = Keygen("holder.json", holderKind);
        var spec = Write("spec.json", CliTestFiles.Spec().ToString());
        var issued = PathOf("issued.txt");

        var issue = CliRun.Of("issue", "--format", "sd-jwt-vc", "--key", key, "--holder-key", holder, spec, "--out", issued);
        Assert.True(issue.ExitCode == 0, issue.Error);
        var header = JObject.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(File.ReadAllText(issued).Split('.')[0])));
        Assert.Equal("dc+sd-jwt", (string?)header["typ"]);
        Assert.Equal(issuerKind == "eddsa" ? "EdDSA" : "ES256", (string?)header["alg"]);

        var list = CliRun.Of("present", "--list", issued);
        Assert.True(list.ExitCode == 0, list.Error);
        var email = EmailPath(list.Out);
        var presented = PathOf("presented.txt");
        var present = CliRun.Of("present", issued, "--disclose", email, "--holder-key", holder, "--audience", Audience, "--nonce", Nonce, "--out", presented);
        Assert.True(present.ExitCode == 0, present.Error);
        Assert.True(File.ReadAllText(presented).Trim().Split('~').Length < File.ReadAllText(issued).Trim().Split('~').Length, "the presentation holds fewer Disclosures than the credential");

        // With the audience and nonce: every check passes, the e-mail is shown, nothing else of the learner.
        var verify = CliRun.Of("verify", "--json", "--audience", Audience, "--nonce", Nonce, presented);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        var report = Report(verify);
        Assert.Equal("Valid", (string?)report["verdict"]);
        Assert.Equal("sd-jwt", (string?)report["format"]);
        Assert.Equal("Passed", (string?)Check(report, SdJwtChecks.KeyBindingAudience)["status"]);
        Assert.Equal("Passed", (string?)Check(report, SdJwtChecks.KeyBindingNonce)["status"]);
        Assert.Equal("Passed", (string?)Check(report, CheckNames.Proof)["status"]);
        Assert.Equal("NotApplicable", (string?)Check(report, CheckNames.OpenBadge)["status"]);

        // Without them: the KB-JWT's signature and sd_hash are still checked; aud and nonce are named as not checked.
        var unchecked_ = CliRun.Of("verify", "--json", presented);
        Assert.True(unchecked_.ExitCode == 0, unchecked_.Out + unchecked_.Error);
        report = Report(unchecked_);
        Assert.Equal("Passed", (string?)Check(report, SdJwtChecks.KeyBindingSignature)["status"]);
        Assert.Equal("Passed", (string?)Check(report, SdJwtChecks.KeyBindingSdHash)["status"]);
        foreach (var name in new[] { SdJwtChecks.KeyBindingAudience, SdJwtChecks.KeyBindingNonce })
        {
            Assert.Equal("NotApplicable", (string?)Check(report, name)["status"]);
            Assert.Contains("not checked", (string?)Check(report, name)["message"], StringComparison.Ordinal);
        }

        var table = CliRun.Of("verify", presented);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("not checked: no expected nonce", table.Out, StringComparison.Ordinal);

        // Another nonce, or the credential shown without a KB-JWT although it has cnf: refused, named, coded.
        var replay = CliRun.Of("verify", "--json", "--audience", Audience, "--nonce", "other", presented);
        Assert.Equal(1, replay.ExitCode);
        Assert.Equal("KEY_BINDING_INVALID", (string?)Check(Report(replay), SdJwtChecks.KeyBindingNonce)["code"]);
        var bare = CliRun.Of("verify", "--json", issued);
        Assert.Equal(1, bare.ExitCode);
        Assert.Equal("Failed", (string?)Check(Report(bare), SdJwtChecks.KeyBinding)["status"]);
    }

    [Fact]
    public void A_tampered_disclosure_is_refused_with_the_named_check()
    {
        var key = Keygen("issuer.json", "es256");
        var issued = PathOf("issued.txt");
        Assert.Equal(0, CliRun.Of("issue", "--format", "sd-jwt-vc", "--key", key, Write("spec.json", CliTestFiles.Spec().ToString()), "--out", issued).ExitCode);
        var parts = File.ReadAllText(issued).Trim().Split('~');

        // Same salt and name, another value: well-formed, but no signed digest references it.
        static JArray Decode(string part) => JArray.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(part)));
        var index = Array.FindIndex(parts, 1, p => p.Length > 0 && Decode(p) is { Count: 3 } d && (string?)d[1] == "id");
        Assert.True(index > 0, "the learner's id is a Disclosure");
        var original = Decode(parts[index]);
        original[2] = "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH";
        parts[index] = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(original.ToString(Newtonsoft.Json.Formatting.None)));

        var verify = CliRun.Of("verify", "--json", Write("tampered.txt", string.Join('~', parts)));
        Assert.Equal(1, verify.ExitCode);
        var report = Report(verify);
        Assert.Equal("Invalid", (string?)report["verdict"]);
        var check = Check(report, SdJwtChecks.DisclosureReferenced);
        Assert.Equal("Failed", (string?)check["status"]);
        Assert.Equal("DISCLOSURE_INVALID", (string?)check["code"]);
        Assert.Equal("Failed", (string?)Check(report, CheckNames.Proof)["status"]);

        // The untouched token verifies, so the refusal is the tampering's.
        Assert.Equal(0, CliRun.Of("verify", issued).ExitCode);
    }

    [Fact]
    public void Issue_as_vc_sd_jwt_gets_the_OB_checks_on_the_disclosed_claims()
    {
        var key = Keygen("issuer.json", "eddsa");
        var issued = PathOf("issued.txt");
        var issue = CliRun.Of("issue", "--format", "vc+sd-jwt", "--key", key, Write("spec.json", CliTestFiles.Spec().ToString()), "--out", issued);
        Assert.True(issue.ExitCode == 0, issue.Error);

        var verify = CliRun.Of("verify", "--json", issued);
        Assert.True(verify.ExitCode == 0, verify.Out);
        var report = Report(verify);
        foreach (var name in new[] { CheckNames.JsonLd, CheckNames.Context, CheckNames.Type, CheckNames.Schema, CheckNames.CredentialSubject, CheckNames.Issuer, SdJwtChecks.Signature })
        {
            Assert.Equal("Passed", (string?)Check(report, name)["status"]);
        }
    }

    [Fact]
    public void Issue_refuses_SD_JWT_options_without_an_SD_JWT_format_and_a_suite_with_one()
    {
        var key = CliTestFiles.Key(_dir);
        var spec = Write("spec.json", CliTestFiles.Spec().ToString());
        var stray = CliRun.Of("issue", "--key", key, "--status-uri", "https://issuer.example/status/1", "--status-index", "3", spec);
        Assert.Equal(2, stray.ExitCode);
        Assert.Contains("--format sd-jwt-vc", stray.Error, StringComparison.Ordinal);
        var suite = CliRun.Of("issue", "--format", "sd-jwt-vc", "--suite", "eddsa-jcs-2022", "--key", key, spec);
        Assert.Equal(2, suite.ExitCode);
        Assert.Contains("--suite", suite.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sdjwt_issue_wraps_an_already_built_credential_and_verify_reads_it()
    {
        using var issuer = SdJwtTestKey.Es256();
        var issuerJwk = (JObject)issuer.PrivateJwk.DeepClone();
        issuerJwk["kid"] = issuer.Signer.KeyId;
        var credential = MicroCredentialSdJwtVcTests.Credential(issuer.Did);
        var issued = PathOf("issued.txt");
        var issue = CliRun.Of("sdjwt", "issue", "--key", Write("issuer.jwk", issuerJwk.ToString()), Write("credential.json", credential.ToString()), "--out", issued);
        Assert.True(issue.ExitCode == 0, issue.Error);

        var verify = CliRun.Of("verify", "--json", issued);
        Assert.True(verify.ExitCode == 0, verify.Out);
        Assert.Equal(issuer.Did, (string?)Report(verify)["issuer"]);
    }
}
