using Microsoft.Extensions.Options;
using OpenBadges.Verification;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>
/// The one <see cref="HttpClient"/> used when <see cref="OpenBadgesOptions.AllowNetwork"/> is on (made on first use,
/// disposed with the container), and the bounded fetcher over it. Nothing here runs while the network is off.
/// </summary>
internal sealed class OpenBadgesNetwork(IOptions<OpenBadgesOptions> options) : IDisposable
{
    private readonly Lazy<HttpClient> _client = new(() => new HttpClient(new SocketsHttpHandler
    {
        // A long-lived client that still sees DNS changes; redirects are not followed (a status list moves by its URL).
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    })
    {
        Timeout = options.Value.FetchTimeout,
    });

    public HttpClient HttpClient => _client.Value;

    public Func<Uri, CancellationToken, Task<string>> Fetcher => DocumentFetchers.Http(HttpClient, options.Value.MaxFetchBytes);

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
