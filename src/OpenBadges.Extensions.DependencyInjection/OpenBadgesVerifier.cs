using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Verification;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>
/// Verifies with the registered <see cref="CredentialVerifier"/> and logs each verification (event 1910: verdict,
/// credential and issuer id, the names of failed and undecided checks, time). Never throws on bad input, as the
/// verifier does not. Thread-safe; registered as a singleton by <c>AddOpenBadges</c>.
/// </summary>
public sealed class OpenBadgesVerifier
{
    private readonly ILogger<OpenBadgesVerifier> _logger;

    /// <summary>Made by the container.</summary>
    public OpenBadgesVerifier(CredentialVerifier verifier, ILogger<OpenBadgesVerifier> logger)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(logger);
        Verifier = verifier;
        _logger = logger;
    }

    /// <summary>The verifier behind this one.</summary>
    public CredentialVerifier Verifier { get; }

    /// <summary>Verifies JSON, a VC-JWT or an SVG given as text.</summary>
    public Task<VerificationReport> VerifyAsync(string credential, CancellationToken cancellationToken = default) =>
        LoggedAsync(() => Verifier.VerifyAsync(credential, cancellationToken));

    /// <summary>Verifies UTF-8 JSON, a VC-JWT or a PNG/SVG badge given as bytes.</summary>
    public Task<VerificationReport> VerifyAsync(ReadOnlyMemory<byte> credential, CancellationToken cancellationToken = default) =>
        LoggedAsync(() => Verifier.VerifyAsync(credential, cancellationToken));

    /// <summary>Verifies a parsed credential (see <see cref="CredentialVerifier.VerifyAsync(JObject, CancellationToken)"/>).</summary>
    public Task<VerificationReport> VerifyAsync(JObject credential, CancellationToken cancellationToken = default) =>
        LoggedAsync(() => Verifier.VerifyAsync(credential, cancellationToken));

    /// <summary>Verifies a credential held as a System.Text.Json node.</summary>
    public Task<VerificationReport> VerifyAsync(JsonNode credential, CancellationToken cancellationToken = default) =>
        LoggedAsync(() => Verifier.VerifyAsync(credential, cancellationToken));

    /// <summary>Verifies a credential held as a System.Text.Json element.</summary>
    public Task<VerificationReport> VerifyAsync(JsonElement credential, CancellationToken cancellationToken = default) =>
        LoggedAsync(() => Verifier.VerifyAsync(credential, cancellationToken));

    private async Task<VerificationReport> LoggedAsync(Func<Task<VerificationReport>> verify)
    {
        var started = Stopwatch.GetTimestamp();
        var report = await verify().ConfigureAwait(false);
        var level = report.Verdict == Verdict.Valid ? LogLevel.Information : LogLevel.Warning;
        if (_logger.IsEnabled(level))
        {
            OpenBadgesLog.Verified(
                _logger,
                level,
                OpenBadgesLog.Bounded(report.CredentialId),
                OpenBadgesLog.Bounded(report.IssuerId),
                report.Verdict.ToString(),
                report.Format,
                Names(report, CheckStatus.Failed),
                Names(report, CheckStatus.CouldNotCheck),
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return report;
    }

    private static string Names(VerificationReport report, CheckStatus status)
    {
        var names = report.Checks.Where(c => c.Status == status).Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
