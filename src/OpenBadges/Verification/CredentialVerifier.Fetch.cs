namespace OpenBadges.Verification;

/// <summary>Fetching through <see cref="CredentialVerifierOptions.Fetcher"/>: once per URL per verification, bounded, never throwing.</summary>
public sealed partial class CredentialVerifier
{
    private Task<FetchResult> FetchAsync(string url, Run run, CancellationToken cancellationToken)
    {
        // A credential may point at the same list from several entries; fetch it once, and answer every entry alike.
        if (!run.Fetched.TryGetValue(url, out var task))
        {
            if (run.Fetched.Count >= _options.MaxFetches)
            {
                return Task.FromResult(new FetchResult(null, $"not fetched: this credential already used its {_options.MaxFetches} fetches (CredentialVerifierOptions.MaxFetches)"));
            }

            task = FetchOnceAsync(url, cancellationToken);
            run.Fetched[url] = task;
        }

        return task;
    }

    private async Task<FetchResult> FetchOnceAsync(string url, CancellationToken cancellationToken)
    {
        var fetcher = _options.Fetcher;
        if (fetcher is null)
        {
            return new FetchResult(null, "offline: no fetcher is configured (CredentialVerifierOptions.Fetcher)");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return new FetchResult(null, $"'{url}' is not an absolute HTTP(S) URL");
        }

        try
        {
            var text = await fetcher(uri, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return new FetchResult(null, $"the fetcher returned nothing for {url}");
            }

            return text.Length > _options.JsonLimits.MaxInputLength
                ? new FetchResult(null, $"{url} is {text.Length} characters; the limit is {_options.JsonLimits.MaxInputLength}")
                : new FetchResult(text, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ReportableFetchException e)
        {
            return new FetchResult(null, e.Message);
        }
        catch (Exception)
        {
            // The reason stays out of the report: the URL is the submitter's, and "connection refused" against
            // "timed out" against "404" would let them map the verifier's network.
            return new FetchResult(null, $"{url} could not be fetched (the reason is not reported, so that it cannot map the verifier's network)");
        }
    }

    /// <summary>The fetched text, or why there is none.</summary>
    private sealed record FetchResult(string? Text, string? Error);
}
