using OpenBadges.Keys;

namespace LmsIssuingEndpoint;

/// <summary>
/// The institution's signing key, loaded once from configuration: <c>OpenBadges:KeyFile</c> (a path to an
/// <c>openbadges keygen</c> file) or <c>OpenBadges:Key</c> (the same JSON, e.g. from a secret store). Everything else
/// sees only <see cref="Signer"/> (an <see cref="ISigner"/>: swap in a KMS/HSM signer here) and the issuer id.
/// </summary>
public sealed class IssuerKey : IDisposable
{
    private readonly Ed25519KeyFile _file;

    private IssuerKey(Ed25519KeyFile file)
    {
        _file = file;
        Signer = file.CreateSigner();
    }

    /// <summary>Signs credentials and status lists. Thread-safe.</summary>
    public ISigner Signer { get; }

    /// <summary>The issuer id: the key's controller (verifiers require issuer id = controller).</summary>
    public string IssuerId => _file.Controller;

    /// <summary>Loads the key named in <paramref name="configuration"/>; in Development, with none configured, makes a throwaway one.</summary>
    public static IssuerKey Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
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

        throw new InvalidOperationException("Configure the signing key: OpenBadges:KeyFile (a path to an 'openbadges keygen' file) or OpenBadges:Key (its JSON).");
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
