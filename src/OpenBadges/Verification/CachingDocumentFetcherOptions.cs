namespace OpenBadges.Verification;

/// <summary>Bounds of a <see cref="CachingDocumentFetcher"/>.</summary>
public sealed record CachingDocumentFetcherOptions
{
    /// <summary>The defaults: 1,024 documents, 5 minutes when the server names no max-age, at most 1 day, 1 MiB each.</summary>
    public static CachingDocumentFetcherOptions Default { get; } = new();

    /// <summary>Most documents kept; the least recently used one is dropped first.</summary>
    public int MaxEntries { get; init; } = 1024;

    /// <summary>Freshness of a document whose server sent no Cache-Control max-age (and of every document fetched through a plain fetcher).</summary>
    public TimeSpan DefaultMaxAge { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest freshness believed, whatever the server says.</summary>
    public TimeSpan MaxMaxAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Largest document fetched over HTTP, in bytes.</summary>
    public int MaxBytes { get; init; } = DocumentFetchers.DefaultMaxBytes;

    /// <summary>Fetch http:// URLs whose host is loopback (tests against a local server only; everything else must be https).</summary>
    public bool AllowHttpForLoopback { get; init; }

    /// <summary>The clock for freshness.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
