using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenBadges.Keys;

namespace OpenBadges.Issuer.Hosting;

/// <summary>
/// The institution's signing key, loaded once from configuration: <c>OpenBadges:KeyFile</c> (a path to an
/// <c>openbadges keygen</c> file) or <c>OpenBadges:Key</c> (the same JSON, e.g. from a secret store). Everything else
/// sees only <see cref="Signer"/> (an <see cref="ISigner"/>: swap in a KMS/HSM signer here), the issuer id and the
/// public verification method.
/// </summary>
public sealed class IssuerKey : IDisposable
{
    private readonly Ed25519KeyFile _file;

    /// <summary>Wraps a key file (taking ownership); <paramref name="signer"/> replaces the file's own signer (for a KMS, or to count signatures).</summary>
    public IssuerKey(Ed25519KeyFile file, ISigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        Signer = signer ?? file.CreateSigner();
    }

    /// <summary>Signs credentials and status lists. Thread-safe.</summary>
    public ISigner Signer { get; }

    /// <summary>The issuer id: the key's controller (verifiers require issuer id = controller).</summary>
    public string IssuerId => _file.Controller;

    /// <summary>The key file (public part used for the DID document).</summary>
    public Ed25519KeyFile File => _file;

    /// <summary>Loads the key named in <paramref name="configuration"/>; in Development, with none configured, makes a throwaway one.</summary>
    public static IssuerKey Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);
        var path = configuration["OpenBadges:KeyFile"];
        var json = configuration["OpenBadges:Key"];
        if (!string.IsNullOrWhiteSpace(json))
        {
            return new IssuerKey(Ed25519KeyFile.Parse(json));
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            return new IssuerKey(Ed25519KeyFile.Load(path));
        }

        if (environment.IsDevelopment())
        {
            logger.LogWarning("No OpenBadges:KeyFile or OpenBadges:Key configured: using a throwaway did:key for this run. Credentials it signs are worthless after a restart.");
            return new IssuerKey(Ed25519KeyFile.Generate());
        }

        throw IssuerErrors.NoSigningKey();
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
