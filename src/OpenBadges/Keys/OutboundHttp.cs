using System.Net;
using System.Net.Sockets;

namespace OpenBadges.Keys;

/// <summary>
/// The <see cref="HttpClient"/> to fetch with on behalf of a verifier (did:web and controller documents, status lists,
/// schemas, refresh services): the URLs come from the credential, so from whoever submitted it. The client connects
/// only to public addresses — loopback, private (RFC 1918), carrier-grade NAT, link-local (169.254.169.254, the cloud
/// metadata service), unique-local and site-local IPv6, multicast, documentation and reserved ranges are refused —
/// unless <see cref="OutboundHttpOptions.AllowedNetworks"/> allows them. The check is made on the address actually
/// connected to, after name resolution, at every connection (so after every redirect, and with no gap for DNS
/// rebinding). No proxy, no cookies.
/// </summary>
public static class OutboundHttp
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b::/96"),
        IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001::/32"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("2002::/16"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>A client that reaches public addresses only (and <paramref name="options"/>' allowed networks).</summary>
    public static HttpClient CreateClient(OutboundHttpOptions? options = null)
    {
        options ??= OutboundHttpOptions.Default;
        if (options.Timeout <= TimeSpan.Zero || options.MaxRedirects < 0)
        {
            throw KeyErrors.HttpOptionsInvalid(nameof(options));
        }

        var allowed = options.AllowedNetworks.ToArray();
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(options.MaxRedirects, 1),
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowed, cancellationToken),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = options.Timeout };
    }

    /// <summary>True when <paramref name="address"/> is public, or inside one of <paramref name="allowed"/>.</summary>
    public static bool IsAllowed(IPAddress address, IReadOnlyList<IPNetwork>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in allowed ?? [])
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        foreach (var network in NotPublic)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return false;
            }
        }

        return true;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, IPNetwork[] allowed, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);

        // Every address the name resolves to must be allowed: a name that mixes public and private answers is refused
        // whole, rather than trusting which one a retry would reach.
        if (addresses.Length == 0 || !addresses.All(address => IsAllowed(address, allowed)))
        {
            throw KeyErrors.NotPublicAddress();
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw KeyErrors.Unreachable(last);
    }
}
