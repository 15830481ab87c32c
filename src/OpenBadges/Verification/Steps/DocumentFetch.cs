namespace OpenBadges.Verification;

/// <summary>Fetching through <see cref="CredentialVerifierOptions.Fetcher"/>: once per URL per verification, bounded, never throwing.</summary>
internal static class DocumentFetch
{
    public static Task<Result> FetchAsync(string url, VerificationRun run, CancellationToken cancellationToken)
    {
        var options = run.Settings.Options;

        // A credential may point at the same list from several entries; fetch it once, and answer every entry alike.
        if (!run.Fetched.TryGetValue(url, out var task))
        {
            if (run.Fetched.Count >= options.MaxFetches)
            {
                return Task.FromResult(new Result(null, $"not fetched: this credential already used its {options.MaxFetches} fetches (CredentialVerifierOptions.MaxFetches)"));
            }

            task = FetchOnceAsync(url, options, cancellationToken);
            run.Fetched[url] = task;
        }

        return task;
    }

    private static async Task<Result> FetchOnceAsync(string url, CredentialVerifierOptions options, CancellationToken cancellationToken)
    {
        var fetcher = options.Fetcher;
        if (fetcher is null)
        {
            return new Result(null, "offline: no fetcher is configured (CredentialVerifierOptions.Fetcher)");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return new Result(null, $"'{url}' is not an absolute HTTP(S) URL");
        }

        try
        {
            var text = await fetcher(uri, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return new Result(null, $"the fetcher returned nothing for {url}");
            }

            return text.Length > options.JsonLimits.MaxInputLength
                ? new Result(null, $"{url} is {text.Length} characters; the limit is {options.JsonLimits.MaxInputLength}")
                : new Result(text, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ReportableFetchException e)
        {
            return new Result(null, e.Message);
        }
        catch (Exception)
        {
            // The reason stays out of the report: the URL is the submitter's, and "connection refused" against
            // "timed out" against "404" would let them map the verifier's network.
            return new Result(null, $"{url} could not be fetched (the reason is not reported, so that it cannot map the verifier's network)");
        }
    }

    /// <summary>The fetched text, or why there is none.</summary>
    public sealed record Result(string? Text, string? Error);
}
