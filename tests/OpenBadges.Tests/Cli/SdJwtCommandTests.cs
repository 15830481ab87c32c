using Newtonsoft.Json.Linq;
using OpenBadges.Tests.SdJwt;

namespace OpenBadges.Tests.Cli;

/// <summary><c>openbadges sdjwt issue | present | verify</c> end to end in a temporary folder.</summary>
public sealed class SdJwtCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("obsdjwt").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Issue_present_with_the_name_withheld_and_verify_a_key_bound_presentation()
    {
        using var issuer = SdJwtTestKey.Es256();
        using var holder = SdJwtTestKey.Es256();
        var issuerJwk = (JObject)issuer.PrivateJwk.DeepClone();
        issuerJwk["kid"] = issuer.Signer.KeyId;
        var holderJwk = (JObject)holder.PrivateJwk.DeepClone();
        holderJwk["kid"] = holder.Signer.KeyId;
        var keyPath = Write("issuer.jwk", issuerJwk.ToString());
        var holderPath = Write("holder.jwk", holderJwk.ToString());
        var credential = MicroCredentialSdJwtVcTests.Credential(issuer.Did);
        var credentialPath = Write("credential.json", credential.ToString());
        var issuedPath = Path.Combine(_dir, "issued.txt");

        var issue = CliRun.Of("sdjwt", "issue", "--key", keyPath, "--holder-key", holderPath, credentialPath, "--out", issuedPath);
        Assert.True(issue.ExitCode == 0, issue.Error);

        var list = CliRun.Of("sdjwt", "present", "--list", issuedPath);
        Assert.Contains("credentialSubject.identifier[0]", list.Out, StringComparison.Ordinal);

        var identifiers = (JArray)credential["credentialSubject"]!["identifier"]!;
        var email = identifiers.Select((t, i) => (t, i)).First(p => (string?)p.t["identityType"] == "emailAddress").i;
        var presentedPath = Path.Combine(_dir, "presented.txt");
        var present = CliRun.Of("present", issuedPath, "--disclose", $"credentialSubject.identifier[{email}]",
            "--holder-key", holderPath, "--audience", "https://employer.example", "--nonce", "abc", "--out", presentedPath);
        Assert.True(present.ExitCode == 0, present.Error);

        var verify = CliRun.Of("sdjwt", "verify", presentedPath, "--audience", "https://employer.example", "--nonce", "abc", "--json");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        var report = JObject.Parse(verify.Out);
        Assert.Equal("Valid", (string?)report["verdict"]);
        Assert.DoesNotContain("Jan Jansen", report["claims"]!.ToString(), StringComparison.Ordinal);

        var unchecked_ = CliRun.Of("sdjwt", "verify", presentedPath);
        Assert.Equal(0, unchecked_.ExitCode);
        Assert.Contains("not checked: no expected nonce", unchecked_.Out, StringComparison.Ordinal);

        Assert.Equal(1, CliRun.Of("sdjwt", "verify", presentedPath, "--nonce", "other").ExitCode);
        Assert.Equal(1, CliRun.Of("sdjwt", "verify", issuedPath).ExitCode);   // cnf, but no KB-JWT
    }
}
