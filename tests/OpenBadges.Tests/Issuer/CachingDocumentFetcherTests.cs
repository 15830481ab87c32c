using OpenBadges.Verification;

namespace OpenBadges.Tests.Issuer;

/// <summary>The cache itself, over a scripted inner fetcher.</summary>
public sealed class CachingDocumentFetcherTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private int _fetches;

    private CachingDocumentFetcher Cache(TimeSpan? maxAge, int maxEntries = 16, TimeSpan? delay = null) => new(async (uri, _) =>
    {
        Interlocked.Increment(ref _fetches);
        if (delay is { } wait)
        {
            await Task.Delay(wait);
        }

        return new FetchedDocument($"{uri} #{_fetches}", maxAge);
    }, new CachingDocumentFetcherOptions { MaxEntries = maxEntries, TimeProvider = _clock, DefaultMaxAge = TimeSpan.FromMinutes(5), MaxMaxAge = TimeSpan.FromHours(1) });

    private static readonly Uri A = new("https://issuer.example/status/1");

    [Fact]
    public async Task Max_age_is_honoured()
    {
        var cache = Cache(TimeSpan.FromSeconds(60));
        Assert.Equal(await cache.FetchAsync(A, default), await cache.FetchAsync(A, default));
        _clock.Advance(TimeSpan.FromSeconds(59));
        await cache.FetchAsync(A, default);
        Assert.Equal(1, _fetches);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.EndsWith("#2", await cache.FetchAsync(A, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_store_is_never_kept_and_no_max_age_uses_the_default_and_huge_ones_are_capped()
    {
        var noStore = Cache(TimeSpan.Zero);
        await noStore.FetchAsync(A, default);
        await noStore.FetchAsync(A, default);
        Assert.Equal(2, _fetches);
        Assert.Equal(0, noStore.Count);

        _fetches = 0;
        var unspecified = Cache(null);
        await unspecified.FetchAsync(A, default);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await unspecified.FetchAsync(A, default);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await unspecified.FetchAsync(A, default);
        Assert.Equal(2, _fetches);

        _fetches = 0;
        var year = Cache(TimeSpan.FromDays(365));
        await year.FetchAsync(A, default);
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await year.FetchAsync(A, default);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_drops_the_least_recently_used()
    {
        var cache = Cache(TimeSpan.FromMinutes(10), maxEntries: 3);
        for (var i = 0; i < 10; i++)
        {
            await cache.FetchAsync(new Uri($"https://issuer.example/lists/{i}"), default);
            await cache.FetchAsync(A, default);   // kept warm
        }

        Assert.Equal(3, cache.Count);
        Assert.Equal(11, _fetches);   // ten lists and A once
        await cache.FetchAsync(new Uri("https://issuer.example/lists/0"), default);
        Assert.Equal(12, _fetches);   // evicted long ago
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var cache = Cache(TimeSpan.FromMinutes(1), delay: TimeSpan.FromMilliseconds(200));
        var texts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => cache.FetchAsync(A, default)));
        Assert.Equal(1, _fetches);
        Assert.Single(texts.Distinct());
    }

    [Fact]
    public async Task A_failure_without_a_cached_copy_propagates_and_with_a_stale_one_names_its_age()
    {
        var fail = false;
        var cache = new CachingDocumentFetcher((uri, _) => fail ? throw new HttpRequestException("connection refused") : Task.FromResult(new FetchedDocument("list", TimeSpan.FromSeconds(30))),
            new CachingDocumentFetcherOptions { TimeProvider = _clock });
        fail = true;
        var none = await Assert.ThrowsAsync<HttpRequestException>(() => cache.FetchAsync(A, default));
        Assert.Equal("connection refused", none.Message);

        fail = false;
        await cache.FetchAsync(A, default);
        fail = true;
        _clock.Advance(TimeSpan.FromSeconds(90));
        var stale = await Assert.ThrowsAsync<ReportableFetchException>(() => cache.FetchAsync(A, default));
        Assert.Contains("90 s old", stale.Message, StringComparison.Ordinal);
        Assert.Contains("max-age of 30 s", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_refused_unless_loopback_is_allowed()
    {
        using var client = new HttpClient();
        var strict = CachingDocumentFetcher.Http(client);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => strict.FetchAsync(new Uri("http://127.0.0.1:9/status/1"), default));
        Assert.Contains("Only HTTPS", error.Message, StringComparison.Ordinal);
        var loopback = CachingDocumentFetcher.Http(client, new CachingDocumentFetcherOptions { AllowHttpForLoopback = true });
        await Assert.ThrowsAsync<HttpRequestException>(() => loopback.FetchAsync(new Uri("http://example.org/status/1"), default));
    }
}
