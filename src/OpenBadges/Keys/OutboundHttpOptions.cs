using System.Net;

namespace OpenBadges.Keys;

/// <summary>Bounds and the address policy of <see cref="OutboundHttp.CreateClient"/>.</summary>
public sealed record OutboundHttpOptions
{
    /// <summary>Safe defaults: public addresses only, 15 s per fetch (headers and body together), 3 redirects.</summary>
    public static OutboundHttpOptions Default { get; } = new();

    /// <summary>One deadline for a whole fetch: connecting, the headers and the body together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Redirects followed; each one connects anew and is held to the same address policy.</summary>
    public int MaxRedirects { get; init; } = 3;

    /// <summary>
    /// Networks that may be reached although they are not public (loopback, RFC 1918, link-local, unique-local IPv6…):
    /// for an intranet deployment whose issuers publish keys and status lists on internal hosts, e.g.
    /// <c>10.20.0.0/16</c>. Empty by default: a credential must never make a verifier reach its own network.
    /// </summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; init; } = [];
}
