using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OpenBadges.Keys;

namespace OpenBadges.Verification;

/// <summary>
/// A decorator over a fetcher for verifiers that check many credentials: status list credentials and DID documents
/// are fetched once and reused while fresh (the server's Cache-Control max-age, bounded), concurrent requests for one
/// URL share one fetch, and at most <see cref="CachingDocumentFetcherOptions.MaxEntries"/> documents are kept.
/// A document past its max-age is fetched again; if that fails, the stale copy is NOT used: the fetch fails with a
/// message giving its age, so the verifier reports CouldNotCheck — never "not revoked" from an old list.
/// Use <see cref="FetchAsync"/> as <see cref="CredentialVerifierOptions.Fetcher"/> and <see cref="CreateKeyResolver"/>
/// as its <see cref="CredentialVerifierOptions.KeyResolver"/>. Thread-safe.
/// </summary>
public sealed class CachingDocumentFetcher
{
    private readonly Func<Uri, CancellationToken, Task<FetchedDocument>> _inner;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<Entry>> _inFlight = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>Caches what <paramref name="inner"/> fetches, for as long as each document's max-age says.</summary>
    public CachingDocumentFetcher(Func<Uri, CancellationToken, Task<FetchedDocument>> inner, CachingDocumentFetcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        Options = options ?? CachingDocumentFetcherOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxEntries, 1, nameof(options));
    }

    /// <summary>The bounds in force.</summary>
    public CachingDocumentFetcherOptions Options { get; }

    /// <summary>Documents currently kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Caches an existing fetcher (for example <see cref="DocumentFetchers.Http"/>) for <see cref="CachingDocumentFetcherOptions.DefaultMaxAge"/> per document.</summary>
    public static CachingDocumentFetcher Over(Func<Uri, CancellationToken, Task<string>> fetcher, CachingDocumentFetcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        return new CachingDocumentFetcher(async (uri, cancellationToken) => new FetchedDocument(await fetcher(uri, cancellationToken).ConfigureAwait(false), null), options);
    }

    /// <summary>
    /// GETs HTTPS URLs (and loopback http when <see cref="CachingDocumentFetcherOptions.AllowHttpForLoopback"/>) through
    /// <paramref name="httpClient"/>, at most <see cref="CachingDocumentFetcherOptions.MaxBytes"/>, honouring Cache-Control.
    /// </summary>
    public static CachingDocumentFetcher Http(HttpClient httpClient, CachingDocumentFetcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var bounds = options ?? CachingDocumentFetcherOptions.Default;
        return new CachingDocumentFetcher((uri, cancellationToken) => GetAsync(httpClient, uri, bounds, cancellationToken), bounds);
    }

    /// <summary>The document at <paramref name="uri"/>: from the cache while fresh, else fetched (once for all concurrent callers).</summary>
    /// <exception cref="HttpRequestException">It could not be fetched (a stale copy is never returned: then a <see cref="ReportableFetchException"/> gives its age).</exception>
    public async Task<string> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var key = uri.AbsoluteUri;
        Task<Entry> pending;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var cached) && IsFresh(cached))
            {
                cached.LastUsed = ++_clock;
                return cached.Text;
            }

            if (!_inFlight.TryGetValue(key, out pending!))
            {
                pending = RefreshAsync(uri, key, cached);
                _inFlight[key] = pending;
            }
        }

        var entry = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        return entry.Text;
    }

    /// <summary>
    /// A key resolver for <c>did:key</c>, and for <c>did:web</c> and HTTPS controller documents fetched through this cache
    /// (see <see cref="KeyResolvers.Online"/>).
    /// </summary>
    public IKeyResolver CreateKeyResolver(DidWebResolverOptions? options = null) =>
        KeyResolvers.Online(new HttpClient(new CacheHandler(this), disposeHandler: true), options);

    /// <summary>Forgets every document.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private async Task<Entry> RefreshAsync(Uri uri, string key, Entry? stale)
    {
        await Task.Yield();   // run outside the caller's lock
        try
        {
            FetchedDocument fetched;
            try
            {
                // Shared by every waiting caller, so no one caller's cancellation stops it; the inner fetcher bounds its time.
                fetched = await _inner(uri, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (stale is not null)
            {
                var age = Options.TimeProvider.GetUtcNow() - stale.FetchedAt;
                // The inner reason goes to the inner exception only: the report must not become a network oracle.
                throw VerificationErrors.StaleCopyUnusable(uri, Describe(age), Describe(stale.MaxAge), e);
            }

            var maxAge = fetched.MaxAge ?? Options.DefaultMaxAge;
            maxAge = maxAge < TimeSpan.Zero ? TimeSpan.Zero : maxAge > Options.MaxMaxAge ? Options.MaxMaxAge : maxAge;
            var entry = new Entry(fetched.Text, Options.TimeProvider.GetUtcNow(), maxAge);
            lock (_gate)
            {
                entry.LastUsed = ++_clock;
                if (maxAge > TimeSpan.Zero)
                {
                    _entries[key] = entry;
                    while (_entries.Count > Options.MaxEntries)
                    {
                        _entries.Remove(_entries.MinBy(pair => pair.Value.LastUsed).Key);
                    }
                }
                else
                {
                    _entries.Remove(key);
                }
            }

            return entry;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(key);
            }
        }
    }

    private bool IsFresh(Entry entry) => Options.TimeProvider.GetUtcNow() - entry.FetchedAt < entry.MaxAge;

    private static string Describe(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0} s" : span.TotalMinutes < 120 ? $"{span.TotalMinutes:0} min" : $"{span.TotalHours:0.#} h";

    private static async Task<FetchedDocument> GetAsync(HttpClient client, Uri uri, CachingDocumentFetcherOptions options, CancellationToken cancellationToken)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !(options.AllowHttpForLoopback && uri.Scheme == Uri.UriSchemeHttp && DidWeb.IsLoopback(uri.Host)))
        {
            throw VerificationErrors.NotHttps(uri);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw VerificationErrors.HttpStatus(uri, (int)response.StatusCode, response.ReasonPhrase);
        }

        if (response.Content.Headers.ContentLength is long declared && declared > options.MaxBytes)
        {
            throw VerificationErrors.DeclaredTooLarge(uri, declared, options.MaxBytes);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var collected = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (collected.Length + read > options.MaxBytes)
            {
                throw VerificationErrors.ReturnedTooLarge(uri, options.MaxBytes);
            }

            collected.Write(buffer, 0, read);
        }

        var cache = response.Headers.CacheControl;
        TimeSpan? maxAge = cache is null ? null : cache.NoStore || cache.NoCache ? TimeSpan.Zero : cache.MaxAge;
        try
        {
            return new FetchedDocument(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(collected.GetBuffer(), 0, (int)collected.Length), maxAge);
        }
        catch (DecoderFallbackException)
        {
            throw VerificationErrors.NotUtf8(uri);
        }
    }

    private sealed class Entry(string text, DateTimeOffset fetchedAt, TimeSpan maxAge)
    {
        public string Text { get; } = text;

        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public TimeSpan MaxAge { get; } = maxAge;

        public long LastUsed { get; set; }
    }

    /// <summary>Lets the HttpClient-based key resolvers fetch through the cache: every GET is answered by <see cref="FetchAsync"/>.</summary>
    private sealed class CacheHandler(CachingDocumentFetcher cache) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Get || request.RequestUri is null)
            {
                return new HttpResponseMessage(System.Net.HttpStatusCode.MethodNotAllowed);
            }

            var text = await cache.FetchAsync(request.RequestUri, cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(text, Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }
}
