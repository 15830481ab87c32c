using OpenBadges.Keys;

namespace OpenBadges.Verification;

/// <summary>Ready-made <see cref="CredentialVerifierOptions.Fetcher"/>s.</summary>
public static class DocumentFetchers
{
    /// <summary>The default limit on a fetched document: 1 MiB.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// GETs HTTPS URLs through <paramref name="httpClient"/> (plain HTTP is refused), reading at most
    /// <paramref name="maxBytes"/> bytes of UTF-8; throws <see cref="HttpRequestException"/> on any failure, which the
    /// verifier reports as CouldNotCheck. The client's <see cref="HttpClient.Timeout"/> bounds each fetch, headers and
    /// body together. The URLs come from the credential: pass a client from <see cref="OutboundHttp.CreateClient"/>, which
    /// refuses loopback, private and link-local destinations, unless the client's own handler has such a policy.
    /// </summary>
    public static Func<Uri, CancellationToken, Task<string>> Http(HttpClient httpClient, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        return async (uri, cancellationToken) =>
        {
            if (uri.Scheme != Uri.UriSchemeHttps)
            {
                throw VerificationErrors.NotHttps(uri);
            }

            var (text, error) = await BoundedHttp.GetTextAsync(httpClient, uri, maxBytes, cancellationToken).ConfigureAwait(false);
            return text ?? throw VerificationErrors.FetchRefused(error);
        };
    }
}
