using System.Net.Sockets;

namespace OpenBadges.Keys;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw KeyErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class KeyErrors
{
    internal static HttpRequestException NotPublicAddress() =>
        new(HttpRequestError.ConnectionError, "The destination is not a public address; it is not fetched.");

    internal static HttpRequestException Unreachable(SocketException? inner) =>
        new(HttpRequestError.ConnectionError, "The destination could not be reached.", inner);

    internal static InvalidOperationException FetcherReturnedNothing() =>
        new("the fetcher returned no text");

    internal static HttpRequestException ControllerDocumentRefused(string? reason) =>
        new(reason);
}
