using System.Collections.Concurrent;

namespace OpenBadges.Tests.Issuer;

/// <summary>Counts the requests that reach the server, per path; can be switched to fail every request (a network outage).</summary>
internal sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    public volatile bool Offline;

    public int CountOf(string path) => Requests.TryGetValue(path, out var count) ? count : 0;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, count) => count + 1);
        if (Offline)
        {
            throw new HttpRequestException("network is down (test)");
        }

        return base.SendAsync(request, cancellationToken);
    }
}
