using System.Net.Http.Headers;
using System.Text;

namespace OpenBadges.Keys;

/// <summary>GET with a response size limit, for documents fetched on behalf of a verifier.</summary>
internal static class BoundedHttp
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Fetches <paramref name="url"/>; returns the text, or null and the reason.</summary>
    public static async Task<(string? Text, string? Error)> GetTextAsync(HttpClient client, Uri url, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/did+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/did+ld+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength is long declared && declared > maxBytes)
            {
                return (null, $"GET {url} declares {declared} bytes; the limit is {maxBytes}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
            using var collected = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > maxBytes)
                {
                    return (null, $"GET {url} returned more than the limit of {maxBytes} bytes");
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

                return (StrictUtf8.GetString(bytes), null);
            }
            catch (DecoderFallbackException)
            {
                return (null, $"GET {url} returned text that is not UTF-8");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return (null, $"GET {url} timed out");
        }
        catch (HttpRequestException e)
        {
            return (null, $"GET {url} failed: {e.Message}");
        }
        catch (IOException e)
        {
            return (null, $"GET {url} failed while reading: {e.Message}");
        }
    }
}
