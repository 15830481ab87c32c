namespace OpenBadges.Issuer.Hosting;

/// <summary>The service's own settings (configuration section <c>OpenBadges:Service</c>).</summary>
public sealed class IssuerOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgresql</c>.</summary>
    public string StorageProvider { get; set; } = "sqlite";

    /// <summary>The database: for SQLite e.g. <c>Data Source=issuer.db</c>; for PostgreSQL an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=issuer.db";

    /// <summary>Entries per status list (at least 131,072, the specification's minimum); a full list rolls over to a new one.</summary>
    public int StatusListLength { get; set; } = OpenBadges.Status.BitstringStatusList.MinimumLength;

    /// <summary>How long verifiers may cache a status list (Cache-Control max-age), in seconds. Default 300.</summary>
    public int StatusListMaxAgeSeconds { get; set; } = 300;

    /// <summary>How long verifiers may cache the DID document, in seconds. Default 3600.</summary>
    public int DidDocumentMaxAgeSeconds { get; set; } = 3600;

    /// <summary>The status entry a credential gets when the request names none: <c>revocation</c> or <c>suspension</c>.</summary>
    public string DefaultStatusPurpose { get; set; } = "revocation";

    /// <summary>Most items in one batch request. Default 5,000.</summary>
    public int MaxBatchSize { get; set; } = 5000;

    /// <summary>Credentials signed at once within a batch. Default: the number of cores.</summary>
    public int BatchParallelism { get; set; } = Environment.ProcessorCount;
}
