using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenBadges.Extensions.DependencyInjection;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Verification;

// The extension lives in the container's namespace, as the framework's own AddXxx methods do, so it is found without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddOpenBadges(...)</c>: the OpenBadges verifier, signer, fetcher and document loader.</summary>
public static class OpenBadgesServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons (all thread-safe): <see cref="OpenBadgesOptions"/>, <see cref="IDocumentLoader"/>,
    /// <see cref="IKeyResolver"/>, <see cref="CredentialVerifierOptions"/> (with the fetcher), <see cref="CredentialVerifier"/>,
    /// <see cref="PresentationVerifier"/>, <see cref="ISigner"/> (from <see cref="OpenBadgesOptions.Signer"/> or
    /// <see cref="OpenBadgesOptions.SigningKeyFile"/>), and the logging front ends <see cref="OpenBadgesIssuer"/> and
    /// <see cref="OpenBadgesVerifier"/>. A service already registered (e.g. your own <see cref="ISigner"/>) is kept.
    /// </summary>
    public static IServiceCollection AddOpenBadges(this IServiceCollection services, Action<OpenBadgesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OpenBadgesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        Register(services, options);
        return services;
    }

    /// <summary>
    /// As <see cref="AddOpenBadges(IServiceCollection, Action{OpenBadgesOptions}?)"/>, with the options bound from
    /// <paramref name="configuration"/>: its <c>OpenBadges</c> section when it has one, else <paramref name="configuration"/>
    /// itself (a section you chose). <paramref name="configure"/> runs after binding.
    /// </summary>
    public static IServiceCollection AddOpenBadges(this IServiceCollection services, IConfiguration configuration, Action<OpenBadgesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(OpenBadgesOptions.SectionName);
        var options = services.AddOptions<OpenBadgesOptions>().Bind(section.Exists() ? section : configuration);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        Register(services, options);
        return services;
    }

    private static void Register(IServiceCollection services, OptionsBuilder<OpenBadgesOptions> options)
    {
        options
            .Validate(o => Cryptosuites.FromName(o.Cryptosuite) is { CanIssue: true }, $"{OpenBadgesOptions.SectionName}:Cryptosuite must name a cryptosuite this library issues with ({string.Join(", ", Cryptosuites.All.Where(s => s.CanIssue))}).")
            .Validate(o => o.MaxInputLength > 0 && o.MaxDepth > 0, $"{OpenBadgesOptions.SectionName}:MaxInputLength and MaxDepth must be positive.")
            .Validate(o => o.MaxFetches >= 0 && o.MaxEndorsements >= 0 && o.MaxEndorsementDepth >= 0 && o.MaxFetchBytes > 0, $"{OpenBadgesOptions.SectionName}: the fetch and endorsement limits must not be negative.")
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.FetchTimeout > TimeSpan.Zero, $"{OpenBadgesOptions.SectionName}:ClockSkew must not be negative and FetchTimeout must be positive.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenBadgesNetwork>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<OpenBadgesOptions>>().Value.DocumentLoader ?? EmbeddedDocumentLoader.Default);
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<OpenBadgesOptions>>().Value;
            return settings.KeyResolver
                ?? (settings.AllowNetwork ? KeyResolvers.Online(sp.GetRequiredService<OpenBadgesNetwork>().HttpClient) : KeyResolvers.Offline);
        });
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<OpenBadgesOptions>>().Value;
            return new CredentialVerifierOptions
            {
                DocumentLoader = sp.GetRequiredService<IDocumentLoader>(),
                KeyResolver = sp.GetRequiredService<IKeyResolver>(),
                Fetcher = settings.Fetcher ?? (settings.AllowNetwork ? sp.GetRequiredService<OpenBadgesNetwork>().Fetcher : null),
                TimeProvider = sp.GetRequiredService<TimeProvider>(),
                ClockSkew = settings.ClockSkew,
                JsonLimits = new OpenBadges.Json.JsonLimits { MaxInputLength = settings.MaxInputLength, MaxDepth = settings.MaxDepth },
                MaxFetches = settings.MaxFetches,
                MaxEndorsements = settings.MaxEndorsements,
                MaxEndorsementDepth = settings.MaxEndorsementDepth,
            };
        });
        services.TryAddSingleton(sp => new CredentialVerifier(sp.GetRequiredService<CredentialVerifierOptions>()));
        services.TryAddSingleton(sp => new PresentationVerifier(new PresentationVerifierOptions { Credentials = sp.GetRequiredService<CredentialVerifierOptions>() }));
        services.TryAddSingleton(SignerFromOptions);
        services.TryAddSingleton<OpenBadgesVerifier>();
        services.TryAddSingleton<OpenBadgesIssuer>();
    }

    private static ISigner SignerFromOptions(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<OpenBadgesOptions>>().Value;
        if (settings.Signer is { } signer)
        {
            return signer;
        }

        if (string.IsNullOrWhiteSpace(settings.SigningKeyFile))
        {
            throw DependencyInjectionErrors.NoSigner();
        }

        // The container owns the key and disposes it with itself.
        return new KeyFileSigner(Ed25519KeyFile.Load(settings.SigningKeyFile));
    }
}
