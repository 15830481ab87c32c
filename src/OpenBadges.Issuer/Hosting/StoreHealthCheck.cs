using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Hosting;

/// <summary>Readiness: migrations done and the database answering.</summary>
public sealed class StoreHealthCheck(IIssuerStore store, StoreMigrator migrator) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrator.Done)
        {
            return HealthCheckResult.Unhealthy("migrations have not finished");
        }

        return await store.PingAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy($"{store.Provider} answers")
            : HealthCheckResult.Unhealthy($"{store.Provider} does not answer");
    }
}
