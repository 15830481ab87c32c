using System.Net;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Oid4Vci;
using OpenBadges.Tests.Issuer;
using OpenBadges.Verification;
using WalletIssuerSample;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// A wallet collects a credential the issuing service issued into its SQLite store: re-signed bound to the wallet's
/// DID, with the issuing service's status entry, so that revoking it there revokes the wallet's copy and stops delivery.
/// </summary>
public sealed class IssuingServiceAwardTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ob-wallet-issuer-").FullName;
    private IssuerTestHost _service = null!;
    private HttpClient _admin = null!;
    private IssuerHost _wallets = null!;

    public async Task InitializeAsync()
    {
        var key = Ed25519KeyFile.Generate();
        _service = IssuerTestHost.Start(key.ToJson(), "sqlite", IssuerTestHost.SqliteConnection(_directory));
        _admin = _service.ClientWith(await _service.CreateApiKeyAsync("issue", "revoke", "read"));
        _wallets = await IssuerHost.StartAsync(key: key, awardStore: new IssuedCredentialAwards(_service.Store));
    }

    public async Task DisposeAsync()
    {
        await _wallets.DisposeAsync();
        _admin.Dispose();
        await _service.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_credential_from_the_issuing_service_is_collected_bound_to_the_wallet_with_its_status_and_stops_once_revoked()
    {
        var issued = await IssuerTestHost.Body(await IssuerTestHost.PostJson(_admin, "/credentials", IssuerTestHost.Completion));
        var uuid = ((string)issued["id"]!)["urn:uuid:".Length..];
        Assert.NotNull(await _service.Store.GetCredentialAsync(uuid));
        using var wallet = TestWallet.Ed25519DidKey();

        var (response, body) = await CollectAsync(uuid, wallet);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var credential = (JObject)body["credentials"]![0]!["credential"]!;
        Assert.Equal(wallet.Did, (string?)credential["credentialSubject"]!["id"]);
        Assert.Equal(issued["credentialStatus"]!.ToString(), credential["credentialStatus"]!.ToString());
        Assert.NotEqual((string?)issued["proof"]!["proofValue"], (string?)credential["proof"]!["proofValue"]);
        var verifier = Verifier();
        var report = await verifier.VerifyAsync(credential);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));

        // A new offer is made before revocation; its credential request comes after.
        var offer = _wallets.Issuer.CreateOffer(uuid);
        var revoke = await IssuerTestHost.PostJson(_admin, $"/credentials/{uuid}/revoke", """{"reason":"grade withdrawn"}""");
        Assert.True(revoke.IsSuccessStatusCode, await revoke.Content.ReadAsStringAsync());

        var revoked = await verifier.VerifyAsync(credential);
        Assert.Equal(Verdict.Invalid, revoked.Verdict);
        var (refused, error) = await CollectAsync(offer, wallet);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Oid4VciErrors.CredentialRequestDenied, (string?)error["error"]);
        Assert.Null(error["credentials"]);
    }

    [Fact]
    public async Task An_id_the_issuing_service_never_issued_is_no_award()
    {
        Assert.Null(await new IssuedCredentialAwards(_service.Store).FindAsync("00000000-0000-0000-0000-000000000000", CancellationToken.None));
        using var wallet = TestWallet.Ed25519DidKey();
        var (refused, error) = await CollectAsync("00000000-0000-0000-0000-000000000000", wallet);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Oid4VciErrors.CredentialRequestDenied, (string?)error["error"]);
    }

    private Task<(HttpResponseMessage, JObject)> CollectAsync(string awardId, TestWallet wallet) => CollectAsync(_wallets.Issuer.CreateOffer(awardId), wallet);

    private async Task<(HttpResponseMessage, JObject)> CollectAsync(CredentialOffer offer, TestWallet wallet)
    {
        var (_, token) = await TestWallet.TokenAsync(_wallets.Http, PreAuthorizedFlowTests.PreAuthorizedCodeFromUri(offer.ByValueUri));
        var nonce = await TestWallet.NonceAsync(_wallets.Http);
        var proof = await wallet.ProofAsync(_wallets.IssuerId, nonce);
        return await TestWallet.CredentialAsync(_wallets.Http, (string)token["access_token"]!, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
    }

    // The status list is an offline resource: served by the issuing service in-process, nothing else is fetched.
    private CredentialVerifier Verifier() => new(new CredentialVerifierOptions
    {
        Fetcher = async (uri, cancellationToken) => uri.Host == "localhost"
            ? await _service.Client.GetStringAsync(uri.PathAndQuery, cancellationToken)
            : throw new HttpRequestException($"offline: {uri}"),
    });
}
