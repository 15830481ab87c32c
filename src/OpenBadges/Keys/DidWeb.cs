using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// The did:web method's DID → URL mapping (W3C CCG did:web, "Read (Resolve)"): the method-specific id's
/// <c>:</c> separators become <c>/</c>, a percent-encoded port (<c>%3A</c>) is decoded, <c>/.well-known</c> is used
/// when there is no path, <c>/did.json</c> is appended, and the scheme is https.
/// <c>did:web:example.com</c> → <c>https://example.com/.well-known/did.json</c>;
/// <c>did:web:example.com:user:alice</c> → <c>https://example.com/user/alice/did.json</c>;
/// <c>did:web:example.com%3A3000</c> → <c>https://example.com:3000/.well-known/did.json</c>.
/// </summary>
public static class DidWeb
{
    /// <summary>Every did:web DID starts with this.</summary>
    public const string Prefix = "did:web:";

    /// <summary>Maps a did:web DID (no fragment, no query) to the URL of its DID document.</summary>
    /// <param name="did">The DID.</param>
    /// <param name="url">The document URL.</param>
    /// <param name="error">Why the DID is not an acceptable did:web DID.</param>
    /// <param name="allowHttpForLoopback">Use http:// when the host is loopback (localhost, 127.0.0.0/8, ::1): for tests only; did:web requires https.</param>
    public static bool TryGetDocumentUrl(
        string? did,
        [NotNullWhen(true)] out Uri? url,
        [NotNullWhen(false)] out string? error,
        bool allowHttpForLoopback = false)
    {
        url = null;
        if (did is null || !did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"a did:web DID starts with '{Prefix}'";
            return false;
        }

        var methodSpecificId = did[Prefix.Length..];
        if (methodSpecificId.Length == 0)
        {
            error = "the did:web method-specific id is empty";
            return false;
        }

        foreach (var c in methodSpecificId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '%'))
            {
                error = $"character '{Multibase.Printable(c)}' is not allowed in a did:web DID (fragments, queries and paths are not part of a DID)";
                return false;
            }
        }

        var segments = methodSpecificId.Split(':');
        var hostAndPort = segments[0];
        string host = hostAndPort;
        int? port = null;
        var encodedColon = hostAndPort.IndexOf("%3A", StringComparison.OrdinalIgnoreCase);
        if (encodedColon >= 0)
        {
            host = hostAndPort[..encodedColon];
            var portText = hostAndPort[(encodedColon + 3)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPort) || parsedPort is < 1 or > 65535)
            {
                error = $"the port after %3A must be a number from 1 to 65535; found '{portText}'";
                return false;
            }

            port = parsedPort;
        }

        if (host.Contains('%', StringComparison.Ordinal) || Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            error = $"'{host}' is not a domain name (only a port may be percent-encoded, as %3A)";
            return false;
        }

        var path = new List<string>();
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 || segment is "." or "..")
            {
                error = $"path component {i} of the did:web DID is {(segment.Length == 0 ? "empty" : $"'{segment}'")}";
                return false;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                error = $"path component {i} has a bad percent-encoding";
                return false;
            }

            if (decoded.Contains('/', StringComparison.Ordinal) || decoded is "." or "..")
            {
                error = $"path component {i} decodes to a value that would change the URL path";
                return false;
            }

            path.Add(segment);
        }

        var useHttp = allowHttpForLoopback && IsLoopback(host);
        var text = (useHttp ? "http://" : "https://")
            + host.ToLowerInvariant()
            + (port is null ? string.Empty : ":" + port.Value.ToString(CultureInfo.InvariantCulture))
            + (path.Count == 0 ? "/.well-known" : "/" + string.Join('/', path))
            + "/did.json";
        if (!Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            error = "the DID does not map to a valid URL";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Maps a did:web DID to the URL of its DID document.</summary>
    /// <exception cref="FormatException">Not an acceptable did:web DID; the message says why.</exception>
    public static Uri GetDocumentUrl(string did, bool allowHttpForLoopback = false)
    {
        ArgumentNullException.ThrowIfNull(did);
        return TryGetDocumentUrl(did, out var url, out var error, allowHttpForLoopback)
            ? url
            : throw KeyErrors.NotAcceptableDidWeb(error);
    }

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
