using System.Net.Http.Headers;
using System.Text;
using OpenBadges.Json;

namespace OpenBadges.Keys;

/// <summary>
/// GET with a response size limit and one deadline for headers and body together, for documents fetched on behalf of a
/// verifier. Every failure gives the same message: the URL came from the credential's submitter, and telling them
/// "connection refused", "404" or "TLS failed" apart would map the verifier's network for them.
/// </summary>
internal static class BoundedHttp
{
    /// <summary>The deadline when the client sets none (<see cref="Timeout.InfiniteTimeSpan"/>).</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>The one message every failed fetch gives.</summary>
    public static string Unusable(Uri url) => $"GET {url} gave no usable document (the reason is not reported, so that it cannot map the verifier's network)";

    /// <summary>Fetches <paramref name="url"/>; returns the text, or null and the reason.</summary>
    public static async Task<(string? Text, string? Error)> GetTextAsync(HttpClient client, Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // HttpClient.Timeout stops at the headers when the body is streamed; this one covers the body too.
        deadline.CancelAfter(client.Timeout == Timeout.InfiniteTimeSpan ? DefaultDeadline : client.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/did+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/did+ld+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, Unusable(url));
            }

            if (response.Content.Headers.ContentLength is long declared && declared > maxBytes)
            {
                return (null, Unusable(url));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
            using var collected = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, deadline.Token).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    return (null, Unusable(url));
                }

                collected.Write(buffer, 0, read);
            }

            try
            {
                var bytes = collected.GetBuffer().AsSpan(0, (int)collected.Length);
                if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    bytes = bytes[3..];
                }

                return (StrictUtf8.Encoding.GetString(bytes), null);
            }
            catch (DecoderFallbackException)
            {
                return (null, Unusable(url));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return (null, Unusable(url));
        }
        catch (HttpRequestException)
        {
            return (null, Unusable(url));
        }
        catch (IOException)
        {
            return (null, Unusable(url));
        }
    }
}
