extern alias issuer;

using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OpenBadges.Issuer.Auth;
using OpenBadges.Issuer.Hosting;
using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Issuer;

/// <summary>The IssuerService sample hosted in-process on a given database, with a did:web:localhost key.</summary>
internal sealed class IssuerTestHost : IAsyncDisposable
{
    public const string Completion = """{"courseId":"aml-2025","learner":{"email":"s.devries@student.hogeschool-rijnland.example","studentNumber":"123456"},"grade":"8","completedOn":"2025-07-04T10:00:00Z"}""";

    private readonly WebApplicationFactory<issuer::Program> _factory;

    private IssuerTestHost(WebApplicationFactory<issuer::Program> factory)
    {
        _factory = factory;
        Client = factory.CreateClient();   // starts the host: migrations run
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public IIssuerStore Store => Services.GetRequiredService<IIssuerStore>();

    public StatusListPublisher Publisher => Services.GetRequiredService<StatusListPublisher>();

    public static IssuerTestHost Start(string keyJson, string provider, string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["OpenBadges:Key"] = keyJson,
            ["OpenBadges:Service:StorageProvider"] = provider,
            ["OpenBadges:Service:ConnectionString"] = connectionString,
            ["OpenBadges:Issuer:PublicBaseUrl"] = "http://localhost",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var factory = new WebApplicationFactory<issuer::Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");   // no throwaway-key fallback: the configured key must be used
            host.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(values));
            if (services is not null)
            {
                host.ConfigureTestServices(services);
            }
        });
        return new IssuerTestHost(factory);
    }

    public static string SqliteConnection(string directory) => $"Data Source={Path.Combine(directory, "issuer.db")}";

    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    public async Task<string> CreateApiKeyAsync(params string[] scopes)
    {
        var (key, record) = ApiKeys.Create("test-" + string.Join('-', scopes), scopes, DateTimeOffset.UtcNow);
        await Store.AddApiKeyAsync(record);
        return key;
    }

    public HttpClient ClientWith(string apiKey)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }

    public static Task<HttpResponseMessage> PostJson(HttpClient client, string path, string json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IssuerEndpoints.IdempotencyHeader, idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JObject> Body(HttpResponseMessage response) =>
        (JObject)JsonInput.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>A verifier that fetches status lists and the did:web document from this host through <paramref name="cache"/>.</summary>
    public static CredentialVerifier Verifier(CachingDocumentFetcher cache, TimeProvider? time = null) => new(new CredentialVerifierOptions
    {
        Fetcher = cache.FetchAsync,
        KeyResolver = cache.CreateKeyResolver(new DidWebResolverOptions { AllowHttpForLoopback = true }),
        TimeProvider = time ?? TimeProvider.System,
    });

    /// <summary>A caching fetcher over this host (loopback only), counting what reaches the server.</summary>
    public (CachingDocumentFetcher Cache, CountingHandler Counter) CachingFetcher(TimeProvider? time = null)
    {
        var counter = new CountingHandler(CreateHandler());
        var client = new HttpClient(counter) { BaseAddress = new Uri("http://localhost") };
        return (CachingDocumentFetcher.Http(client, new CachingDocumentFetcherOptions { AllowHttpForLoopback = true, TimeProvider = time ?? TimeProvider.System }), counter);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
