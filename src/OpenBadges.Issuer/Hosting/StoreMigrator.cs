using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Hosting;

/// <summary>Runs the schema migrations at start-up, before the server accepts requests; readiness waits for it.</summary>
public sealed partial class StoreMigrator(IIssuerStore store, ILogger<StoreMigrator> logger) : IHostedService
{
    private volatile bool _done;

    /// <summary>True once the schema is current.</summary>
    public bool Done => _done;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        _done = true;
        LogMigrated(store.Provider);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Database schema is current ({Provider})")]
    private partial void LogMigrated(string provider);
}
