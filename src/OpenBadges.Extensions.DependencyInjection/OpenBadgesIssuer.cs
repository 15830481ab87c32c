using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>
/// Signs credentials with the registered <see cref="ISigner"/> and the configured cryptosuite, and logs each issue
/// (event 1901; 1902 on failure) with ids only. Thread-safe; registered as a singleton by <c>AddOpenBadges</c>.
/// </summary>
public sealed class OpenBadgesIssuer
{
    private readonly ILogger<OpenBadgesIssuer> _logger;
    private readonly ProofOptions _proofOptions;

    /// <summary>Made by the container; the proof's <c>created</c> comes from <paramref name="clock"/>.</summary>
    public OpenBadgesIssuer(ISigner signer, IOptions<OpenBadgesOptions> options, TimeProvider clock, ILogger<OpenBadgesIssuer> logger)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        Signer = signer;
        _proofOptions = new ProofOptions { Clock = clock };
        Cryptosuite = Cryptosuites.FromName(options.Value.Cryptosuite)
            ?? throw DependencyInjectionErrors.UnknownCryptosuite(options.Value.Cryptosuite);
        _logger = logger;
        OpenBadgesLog.SignerReady(logger, signer.KeyId, signer.Algorithm, Cryptosuite.ToString());
    }

    /// <summary>The signer (its key id is what verifiers resolve).</summary>
    public ISigner Signer { get; }

    /// <summary>The cryptosuite every credential is signed with.</summary>
    public Cryptosuite Cryptosuite { get; }

    /// <summary>Signs <paramref name="credential"/> (not modified) and returns the signed copy.</summary>
    public Task<JObject> SignAsync(JObject credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return LoggedAsync(credential, () => DataIntegritySigner.SignAsync(credential, Signer, Cryptosuite, _proofOptions, cancellationToken));
    }

    /// <summary>Signs a built credential (e.g. from <see cref="MicroCredentialBuilder"/>) and returns the signed JSON.</summary>
    public Task<JObject> SignAsync(OpenBadgeCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return SignAsync(credential.ToJObject(), cancellationToken);
    }

    /// <summary>Signs a credential given as JSON text and returns the signed JSON text.</summary>
    public async Task<string> SignAsync(string credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return (await SignAsync(JsonInput.ParseObject(credential), cancellationToken).ConfigureAwait(false)).ToString(Newtonsoft.Json.Formatting.Indented);
    }

    /// <summary>Signs a credential held as a System.Text.Json node (not modified) and returns the signed copy.</summary>
    public async Task<JsonObject> SignAsync(JsonNode credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return JsonOutput.ToJsonNode(await SignAsync(JsonInput.ReadObject(credential), cancellationToken).ConfigureAwait(false))!.AsObject();
    }

    private async Task<JObject> LoggedAsync(JObject credential, Func<Task<JObject>> sign)
    {
        var id = OpenBadgesLog.Bounded(Ids.CredentialId(credential));
        var issuer = OpenBadgesLog.Bounded(Ids.IssuerId(credential));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var signed = await sign().ConfigureAwait(false);
            OpenBadgesLog.Issued(_logger, id, issuer, Cryptosuite.ToString(), Signer.KeyId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return signed;
        }
        catch (Exception e)
        {
            // The type only: messages can quote the document.
            OpenBadgesLog.IssueFailed(_logger, id, issuer, e.GetType().Name);
            throw;
        }
    }
}
