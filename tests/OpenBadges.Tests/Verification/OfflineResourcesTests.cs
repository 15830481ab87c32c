using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Status;
using OpenBadges.Tests.Cli;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Verification;

/// <summary>--resources / OfflineResources: everything the verifier would fetch, answered from DIR/index.json, nothing else.</summary>
public sealed class OfflineResourcesTests : IDisposable
{
    private const int Index = 94_567;
    private readonly string _dir = Directory.CreateTempSubdirectory("ob-resources-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Folder(IReadOnlyDictionary<string, JToken> resources)
    {
        var index = new JObject();
        var i = 0;
        foreach (var (key, document) in resources)
        {
            var file = $"r{i++}.json";
            File.WriteAllText(Path.Combine(_dir, file), document.ToString());
            index[key] = file;
        }

        File.WriteAllText(Path.Combine(_dir, OfflineResources.IndexFileName), index.ToString());
        return _dir;
    }

    private static async Task<JObject> CredentialWithStatusAsync()
    {
        var credential = Credential();
        credential["credentialStatus"] = StatusListCredentials.Entry(StatusListUrl, Index, "revocation");
        return await SignAsync(credential);
    }

    [Fact]
    public async Task A_status_list_given_as_a_resource_decides_revocation_offline()
    {
        var credential = await CredentialWithStatusAsync();
        var clear = OfflineResources.Load(Folder(new Dictionary<string, JToken> { [StatusListUrl] = await StatusListAsync() }));
        var report = await new CredentialVerifier(clear.ApplyTo(Options())).VerifyAsync(credential);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(CheckStatus.Passed, report.Find(CheckNames.Status)!.Status);

        var revoked = OfflineResources.Load(Folder(new Dictionary<string, JToken> { [StatusListUrl] = await StatusListAsync(setBits: [Index]) }));
        var revokedReport = await new CredentialVerifier(revoked.ApplyTo(Options())).VerifyAsync(credential);
        Assert.Equal(Verdict.Invalid, revokedReport.Verdict);
        Assert.Equal(ProblemCodes.Revoked, revokedReport.Find(CheckNames.Status)!.Code);
    }

    [Fact]
    public async Task A_url_not_in_the_index_is_not_fetched_and_is_could_not_check()
    {
        var resources = OfflineResources.Load(Folder(new Dictionary<string, JToken> { ["https://other.example/list"] = await StatusListAsync() }));
        var report = await new CredentialVerifier(resources.ApplyTo(Options())).VerifyAsync(await CredentialWithStatusAsync());
        var status = report.Find(CheckNames.Status)!;
        Assert.Equal(CheckStatus.CouldNotCheck, status.Status);
        Assert.Contains("not in the offline resource index", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_did_web_issuer_resolves_from_its_did_document_in_the_index()
    {
        const string did = "did:web:uni.example";
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var method = DidKey.CreateVerificationMethod(key.PublicKey);
        method["id"] = did + "#key-1";
        method["controller"] = did;
        var document = new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = did,
            ["verificationMethod"] = new JArray(method),
            ["assertionMethod"] = new JArray(did + "#key-1"),
        };
        var credential = await SignAsync(Credential(did), options: new ProofOptions { Created = Signed, VerificationMethod = did + "#key-1" });
        Assert.Equal(Verdict.Indeterminate, (await Verifier().VerifyAsync(credential)).Verdict);

        var resources = OfflineResources.Load(Folder(new Dictionary<string, JToken> { [did] = document }));
        var report = await new CredentialVerifier(resources.ApplyTo(Options())).VerifyAsync(credential);
        Assert.True(report.IsValid, report.ToString());
    }

    [Theory]
    [InlineData("../outside.json")]
    [InlineData("/etc/passwd")]
    public void An_index_naming_a_file_outside_the_folder_is_refused(string path)
    {
        File.WriteAllText(Path.Combine(_dir, OfflineResources.IndexFileName), new JObject { [StatusListUrl] = path }.ToString());
        var error = Assert.Throws<ArgumentException>(() => OfflineResources.Load(_dir));
        Assert.Contains("not a path inside the folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_verifies_with_resources_and_refuses_them_with_allow_fetch()
    {
        var folder = Folder(new Dictionary<string, JToken> { [StatusListUrl] = await StatusListAsync() });
        var file = Path.Combine(Directory.CreateTempSubdirectory("ob-cred-").FullName, "badge.json");
        await File.WriteAllTextAsync(file, (await CredentialWithStatusAsync()).ToString());
        Assert.Equal(2, CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", file).ExitCode);
        var run = CliRun.Of("verify", "--now", "2025-06-01T12:00:00Z", "--resources", folder, file);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(2, CliRun.Of("verify", "--resources", folder, "--allow-fetch", file).ExitCode);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
