using System.Net;
using Newtonsoft.Json.Linq;
using OpenBadges.Cli;
using OpenBadges.Keys;
using OpenBadges.Status;
using OpenBadges.Tests.Cli;
using static OpenBadges.Tests.Issuer.IssuerTestHost;

namespace OpenBadges.Tests.Issuer;

/// <summary><c>openbadges status …</c> against the service and against its SQLite file; <c>openbadges did-web</c>.</summary>
public sealed class IssuerCliTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ob-cli-").FullName;
    private readonly Ed25519KeyFile _key = Ed25519KeyFile.Generate("did:web:localhost");
    private IssuerTestHost _host = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _database = Path.Combine(_directory, "issuer.db");
        _host = Start(_key.ToJson(), "sqlite", $"Data Source={_database}");
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = OpenBadgesCli.Run(args, output, error, _host.CreateHandler());
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private async Task<(string Uuid, int Index)> IssueAsync(string learner, string purpose)
    {
        using var client = _host.ClientWith(await _host.CreateApiKeyAsync("issue"));
        var credential = await Body(await PostJson(client, "/credentials",
            $$"""{"courseId":"aml-2025","learner":{"studentNumber":"{{learner}}"},"grade":"7","statusPurpose":"{{purpose}}"}"""));
        return (((string)credential["id"]!)["urn:uuid:".Length..], int.Parse((string)credential["credentialStatus"]!["statusListIndex"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<bool> BitAsync(string list, int index)
    {
        var published = await Body(await _host.Client.GetAsync($"/status/{list}"));
        return BitstringStatusList.Decode((string)published["credentialSubject"]!["encodedList"]!).Get(index);
    }

    [Fact]
    public async Task Status_revoke_and_show_on_the_sqlite_file_reach_the_published_list()
    {
        var (uuid, index) = await IssueAsync("cli-1", "revocation");
        Assert.False(await BitAsync("1", index));

        var revoke = Run("status", "revoke", "--db", _database, "--reason", "exam fraud", "--actor", "registrar", "urn:uuid:" + uuid);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal("revoked", (string?)JObject.Parse(revoke.Out)["state"]);
        Assert.True(await BitAsync("1", index));   // the service re-signs the list on its next request

        var show = JObject.Parse(Run("status", "show", "--db", _database, uuid).Out);
        var audit = Assert.Single((JArray)show["audit"]!);
        Assert.Equal("registrar", (string?)audit["actor"]);
        Assert.Equal("exam fraud", (string?)audit["reason"]);

        var again = Run("status", "reinstate", "--db", _database, uuid);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("revocation is permanent", again.Error, StringComparison.Ordinal);
        Assert.Equal(2, Run("status", "show", "--db", _database, "00000000-0000-0000-0000-000000000000").ExitCode);
        Assert.Equal(2, Run("status", "show", "--db", Path.Combine(_directory, "missing.db"), uuid).ExitCode);
    }

    [Fact]
    public async Task Status_suspend_and_reinstate_through_the_service_with_an_api_key()
    {
        var (uuid, index) = await IssueAsync("cli-2", "suspension");
        var revoker = await _host.CreateApiKeyAsync("revoke", "read");
        var reader = await _host.CreateApiKeyAsync("read");

        var refused = Run("status", "suspend", "--service", "http://localhost", "--api-key", reader, uuid);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("403", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(reader, refused.Error, StringComparison.Ordinal);

        var suspend = Run("status", "suspend", "--service", "http://localhost", "--api-key", revoker, "--reason", "appeal pending", uuid);
        Assert.Equal(0, suspend.ExitCode);
        Assert.Equal("suspended", (string?)JObject.Parse(suspend.Out)["state"]);
        var list = (await _host.Store.GetCredentialAsync(uuid))!.ListId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await BitAsync(list, index));

        Assert.Equal(0, Run("status", "reinstate", "--service", "http://localhost", "--api-key", revoker, uuid).ExitCode);
        Assert.False(await BitAsync(list, index));
        var show = JObject.Parse(Run("status", "show", "--service", "http://localhost", "--api-key", reader, uuid).Out);
        Assert.Equal("active", (string?)show["state"]);
        Assert.Equal(["suspend", "reinstate"], ((JArray)show["audit"]!).Select(a => (string)a["action"]!));
        Assert.Equal(2, Run("status", "show", "--service", "http://localhost", uuid).ExitCode);   // no key anywhere
    }

    [Fact]
    public async Task Did_web_writes_the_document_that_resolves_the_key()
    {
        var keyFile = Path.Combine(_directory, "key.json");
        await File.WriteAllTextAsync(keyFile, _key.ToJson());
        var outFile = Path.Combine(_directory, "did.json");
        var run = CliRun.Of("did-web", "--key", keyFile, "--out", outFile);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("http://localhost/.well-known/did.json", run.Error.Replace("https://", "http://", StringComparison.Ordinal), StringComparison.Ordinal);
        var written = await File.ReadAllTextAsync(outFile);
        Assert.DoesNotContain("secretKey", written, StringComparison.Ordinal);

        var resolver = new DidWebResolver(new HttpClient(new StaticHandler(written)), new DidWebResolverOptions { AllowHttpForLoopback = true });
        var resolved = await resolver.ResolveVerificationMethodAsync(_key.Id);
        Assert.True(resolved.IsResolved, resolved.Reason);
        Assert.Contains("assertionMethod", resolved.ProofPurposes ?? [], StringComparer.Ordinal);

        using var didKey = Ed25519KeyFile.Generate();
        var plain = Path.Combine(_directory, "plain.json");
        await File.WriteAllTextAsync(plain, didKey.ToJson());
        var refused = CliRun.Of("did-web", "--key", plain);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("not a did:web DID", refused.Error, StringComparison.Ordinal);
    }

    private sealed class StaticHandler(string text) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text) });
    }
}
