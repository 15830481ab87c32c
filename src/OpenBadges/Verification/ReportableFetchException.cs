namespace OpenBadges.Verification;

/// <summary>
/// A fetch that failed for a reason safe to put in a verification report: one that says nothing about the verifier's
/// network (a URL missing from an offline resource index, a cached copy too old to use). Every other exception a
/// fetcher throws is reported without its message, so that a submitted credential cannot be used to map the network.
/// </summary>
public sealed class ReportableFetchException : HttpRequestException
{
    /// <summary>A failure whose <paramref name="message"/> the report may show as it is.</summary>
    public ReportableFetchException(string message)
        : base(message)
    {
    }

    /// <summary>A failure whose <paramref name="message"/> the report may show; <paramref name="inner"/> is kept for logs, never shown.</summary>
    public ReportableFetchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
