using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Verification;
using static OpenBadges.Tests.Issuer.IssuerTestHost;

namespace OpenBadges.Tests.Issuer;

/// <summary>Verifying many credentials of one did:web issuer through <see cref="CachingDocumentFetcher"/>, against the service on loopback.</summary>
public sealed class CachingVerificationTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ob-issuer-").FullName;
    private readonly Ed25519KeyFile _key = Ed25519KeyFile.Generate("did:web:localhost");
    private IssuerTestHost _host = null!;
    private JObject[] _credentials = [];

    public async Task InitializeAsync()
    {
        _host = Start(_key.ToJson(), "sqlite", SqliteConnection(_directory));
        using var client = _host.ClientWith(await _host.CreateApiKeyAsync("issue"));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            PostJson(client, "/credentials", $$"""{"courseId":"aml-2025","learner":{"studentNumber":"{{5000 + i}}"},"grade":"8"}""")));
        _credentials = await Task.WhenAll(responses.Select(Body));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Ten_thousand_verifications_fetch_the_status_list_and_the_did_document_once_each()
    {
        var (cache, counter) = _host.CachingFetcher();
        var verifier = Verifier(cache);
        var valid = 0;
        await Parallel.ForAsync(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
        {
            var report = await verifier.VerifyAsync(_credentials[i % _credentials.Length], token);
            if (report.IsValid && report.Find(CheckNames.Status)!.Status == CheckStatus.Passed)
            {
                Interlocked.Increment(ref valid);
            }
        });

        Assert.Equal(10_000, valid);
        Assert.Equal(1, counter.CountOf("/status/1"));
        Assert.Equal(1, counter.CountOf("/.well-known/did.json"));
        Assert.Equal(2, counter.Requests.Values.Sum());
    }

    [Fact]
    public async Task A_stale_list_after_a_network_failure_is_could_not_check_with_its_age_never_not_revoked()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var (cache, counter) = _host.CachingFetcher(clock);
        var verifier = Verifier(cache, clock);
        Assert.True((await verifier.VerifyAsync(_credentials[0])).IsValid);

        clock.Advance(TimeSpan.FromMinutes(4));   // within max-age 300 s: no fetch at all, even offline
        counter.Offline = true;
        Assert.True((await verifier.VerifyAsync(_credentials[1])).IsValid);
        Assert.Equal(1, counter.CountOf("/status/1"));

        clock.Advance(TimeSpan.FromMinutes(3));   // 7 min: past max-age, and the network is down
        var report = await verifier.VerifyAsync(_credentials[2]);
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        var status = report.Find(CheckNames.Status)!;
        Assert.Equal(CheckStatus.CouldNotCheck, status.Status);
        Assert.Contains("7 min old", status.Message, StringComparison.Ordinal);
        Assert.Contains("not used", status.Message, StringComparison.Ordinal);
        Assert.Equal(2, counter.CountOf("/status/1"));

        counter.Offline = false;   // back online: fetched again, fresh
        Assert.True((await verifier.VerifyAsync(_credentials[2])).IsValid);
    }

    [Fact]
    public async Task Trusted_issuers_give_a_named_check()
    {
        var (cache, _) = _host.CachingFetcher();
        var options = new CredentialVerifierOptions
        {
            Fetcher = cache.FetchAsync,
            KeyResolver = cache.CreateKeyResolver(new DidWebResolverOptions { AllowHttpForLoopback = true }),
        };
        var trusted = await new CredentialVerifier(options with { TrustedIssuers = new HashSet<string> { "did:web:localhost" } }).VerifyAsync(_credentials[0]);
        Assert.True(trusted.IsValid);
        Assert.Equal(CheckStatus.Passed, trusted.Find(CheckNames.TrustedIssuer)!.Status);

        var untrusted = await new CredentialVerifier(options with { TrustedIssuers = new HashSet<string> { "did:web:other.example" } }).VerifyAsync(_credentials[0]);
        Assert.Equal(Verdict.Invalid, untrusted.Verdict);
        Assert.Equal(CheckStatus.Failed, untrusted.Find(CheckNames.TrustedIssuer)!.Status);
        Assert.Contains("did:web:localhost", untrusted.Find(CheckNames.TrustedIssuer)!.Message, StringComparison.Ordinal);

        Assert.Null((await new CredentialVerifier(options).VerifyAsync(_credentials[0])).Find(CheckNames.TrustedIssuer));
    }
}
