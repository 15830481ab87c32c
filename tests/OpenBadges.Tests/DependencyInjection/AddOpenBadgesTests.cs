using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Extensions.DependencyInjection;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.DependencyInjection;

/// <summary>AddOpenBadges with a real ServiceCollection, configuration and logger.</summary>
public sealed class AddOpenBadgesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openbadges-di-").FullName;
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_defaults_are_offline_and_verify()
    {
        using var provider = Provider(services => services.AddOpenBadges());
        var options = provider.GetRequiredService<CredentialVerifierOptions>();
        Assert.Null(options.Fetcher);
        Assert.Same(KeyResolvers.Offline, options.KeyResolver);
        Assert.Same(EmbeddedDocumentLoader.Default, provider.GetRequiredService<IDocumentLoader>());
        Assert.Same(provider.GetRequiredService<CredentialVerifier>(), provider.GetRequiredService<OpenBadgesVerifier>().Verifier);
        Assert.True((await provider.GetRequiredService<OpenBadgesVerifier>().VerifyAsync(await SignAsync(Credential()))).IsValid);
        Assert.NotNull(provider.GetRequiredService<PresentationVerifier>());
    }

    [Fact]
    public async Task Options_are_bound_from_configuration_and_the_key_file_signs()
    {
        var (keyPath, keyFile) = WriteKeyFile();
        var configuration = Configuration(new()
        {
            ["OpenBadges:SigningKeyFile"] = keyPath,
            ["OpenBadges:Cryptosuite"] = "eddsa-jcs-2022",
            ["OpenBadges:MaxDepth"] = "40",
            ["OpenBadges:MaxFetches"] = "3",
            ["OpenBadges:ClockSkew"] = "00:01:00",
        });
        using var provider = Provider(services => services.AddOpenBadges(configuration));

        var verifierOptions = provider.GetRequiredService<CredentialVerifierOptions>();
        Assert.Equal(40, verifierOptions.JsonLimits.MaxDepth);
        Assert.Equal(3, verifierOptions.MaxFetches);
        Assert.Equal(TimeSpan.FromMinutes(1), verifierOptions.ClockSkew);

        var issuer = provider.GetRequiredService<OpenBadgesIssuer>();
        Assert.Equal(keyFile.Id, issuer.Signer.KeyId);
        var signed = await issuer.SignAsync(Credential(keyFile.Controller));
        Assert.Equal("eddsa-jcs-2022", (string?)signed["proof"]!["cryptosuite"]);
        Assert.True((await provider.GetRequiredService<OpenBadgesVerifier>().VerifyAsync(signed)).IsValid);
    }

    [Fact]
    public void A_section_of_your_own_can_be_given()
    {
        var configuration = Configuration(new() { ["Badges:MaxInputLength"] = "2048" });
        using var provider = Provider(services => services.AddOpenBadges(configuration.GetSection("Badges"), o => o.MaxEndorsements = 2));
        var options = provider.GetRequiredService<CredentialVerifierOptions>();
        Assert.Equal(2048, options.JsonLimits.MaxInputLength);
        Assert.Equal(2, options.MaxEndorsements);
    }

    [Fact]
    public async Task A_KMS_signer_is_used_from_options_or_from_the_container()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var kms = new CountingSigner(Ed25519Signer.ForDidKey(key));
        using (var provider = Provider(services => services.AddOpenBadges(o => o.Signer = kms)))
        {
            await provider.GetRequiredService<OpenBadgesIssuer>().SignAsync(Credential());
        }

        using (var provider = Provider(services => services.AddSingleton<ISigner>(kms).AddOpenBadges(o => o.SigningKeyFile = "ignored-when-a-signer-is-registered.json")))
        {
            var signed = await provider.GetRequiredService<OpenBadgesIssuer>().SignAsync(Credential());
            Assert.True((await provider.GetRequiredService<CredentialVerifier>().VerifyAsync(signed)).IsValid);
        }

        Assert.Equal(2, kms.Calls);
    }

    [Fact]
    public void Without_a_signer_the_error_says_how_to_configure_one()
    {
        using var provider = Provider(services => services.AddOpenBadges());
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<OpenBadgesIssuer>());
        Assert.Contains("OpenBadges:SigningKeyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_settings_are_refused_with_the_key_named()
    {
        var configuration = Configuration(new() { ["OpenBadges:Cryptosuite"] = "eddsa-2022" });
        using var provider = Provider(services => services.AddOpenBadges(configuration));
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CredentialVerifier>());
        Assert.Contains("OpenBadges:Cryptosuite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_network_is_used_only_when_allowed_or_given_a_fetcher()
    {
        using (var provider = Provider(services => services.AddOpenBadges(o => o.AllowNetwork = true)))
        {
            var options = provider.GetRequiredService<CredentialVerifierOptions>();
            Assert.NotNull(options.Fetcher);
            Assert.NotSame(KeyResolvers.Offline, options.KeyResolver);
        }

        Func<Uri, CancellationToken, Task<string>> mine = (_, _) => Task.FromResult("{}");
        using (var provider = Provider(services => services.AddOpenBadges(o => o.Fetcher = mine)))
        {
            var options = provider.GetRequiredService<CredentialVerifierOptions>();
            Assert.Same(mine, options.Fetcher);
            Assert.Same(KeyResolvers.Offline, options.KeyResolver);
        }
    }

    [Fact]
    public async Task Issue_and_verify_are_logged_with_ids_and_never_a_secret_or_learner_data()
    {
        var (keyPath, keyFile) = WriteKeyFile();
        var secret = (string)JObject.Parse(File.ReadAllText(keyPath))["secretKeyMultibase"]!;
        using var provider = Provider(services => services.AddOpenBadges(o => o.SigningKeyFile = keyPath));
        var credential = Credential(keyFile.Controller);
        var signed = await provider.GetRequiredService<OpenBadgesIssuer>().SignAsync(credential);
        var verifier = provider.GetRequiredService<OpenBadgesVerifier>();
        await verifier.VerifyAsync(signed.ToString());
        var tampered = (JObject)signed.DeepClone();
        tampered["name"] = "Leadership";
        var invalid = await verifier.VerifyAsync(tampered);
        Assert.Equal(Verdict.Invalid, invalid.Verdict);

        var events = _logs.Entries.Where(e => e.Category.StartsWith("OpenBadges", StringComparison.Ordinal)).ToList();
        Assert.Contains(events, e => e.EventId == 1900 && e.Message.Contains(keyFile.Id, StringComparison.Ordinal));
        Assert.Contains(events, e => e.EventId == 1901 && e.Message.Contains("urn:uuid:6b0c1c39", StringComparison.Ordinal));
        Assert.Contains(events, e => e.EventId == 1910 && e.Level == LogLevel.Information && e.Message.Contains("Valid", StringComparison.Ordinal));
        Assert.Contains(events, e => e.EventId == 1910 && e.Level == LogLevel.Warning && e.Message.Contains("Invalid", StringComparison.Ordinal) && e.Message.Contains("proof", StringComparison.Ordinal));

        var subject = credential["credentialSubject"]!;
        string[] forbidden = [secret, keyPath, "learner@example.org", "s4lt", (string)subject["identifier"]![0]!["identityHash"]!, "did:example:learner", "Teamwork", "Leadership"];
        foreach (var entry in events)
        {
            foreach (var value in forbidden)
            {
                Assert.DoesNotContain(value, entry.Message + " " + string.Join(" ", entry.State), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_key_is_disposed_with_the_container()
    {
        var (keyPath, _) = WriteKeyFile();
        var provider = Provider(services => services.AddOpenBadges(o => o.SigningKeyFile = keyPath));
        var signer = provider.GetRequiredService<ISigner>();
        await signer.SignAsync(new byte[] { 1 });
        provider.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await signer.SignAsync(new byte[] { 1 }));
    }

    private ServiceProvider Provider(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private (string Path, Ed25519KeyFile File) WriteKeyFile()
    {
        var file = Ed25519KeyFile.Create(Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed), allowSecretExport: true));
        var path = Path.Combine(_folder, "issuer-key.json");
        file.Save(path, overwrite: true);
        return (path, file);
    }

    private sealed class CountingSigner(ISigner inner) : ISigner
    {
        private int _calls;

        public int Calls => _calls;

        public string KeyId => inner.KeyId;

        public string Algorithm => inner.Algorithm;

        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return inner.SignAsync(data, cancellationToken);
        }
    }

    private sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, IReadOnlyList<string> State);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(p => $"{p.Key}={p.Value}").ToList() : [];
                entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), values));
            }
        }
    }
}
