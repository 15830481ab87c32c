using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Oid4Vci;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>The OpenID4VCI issuer on a real Kestrel at http://127.0.0.1:{free port}, with one award stored.</summary>
internal sealed class IssuerHost : IAsyncDisposable
{
    public const string AwardId = "award-1";

    private readonly WebApplication _app;

    private IssuerHost(WebApplication app, Ed25519KeyFile key, EcdsaKeyFile p256Key, Oid4VciIssuer issuer, InMemoryAwardStore awards, Uri address)
    {
        _app = app;
        Key = key;
        P256Key = p256Key;
        Issuer = issuer;
        Awards = awards;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Ed25519KeyFile Key { get; }

    /// <summary>The issuer's P-256 key (jwt_vc_json ES256, ldp_vc ecdsa-sd-2023).</summary>
    public EcdsaKeyFile P256Key { get; }

    public Oid4VciIssuer Issuer { get; }

    public InMemoryAwardStore Awards { get; }

    public Uri Address { get; }

    public string IssuerId => Address.GetLeftPart(UriPartial.Authority);

    public HttpClient Http { get; }

    /// <param name="key">The issuer's Ed25519 key (the host disposes it); a new one when null.</param>
    /// <param name="awardStore">Where awards come from; the in-memory <see cref="Awards"/> with one award when null.</param>
    public static async Task<IssuerHost> StartAsync(TimeProvider? clock = null, IAccessTokenValidator? tokens = null, bool withP256Key = true, Ed25519KeyFile? key = null, IAwardStore? awardStore = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        key ??= Ed25519KeyFile.Generate();
        var p256Key = EcdsaKeyFile.Generate(EcdsaCurve.P256);
        var awards = new InMemoryAwardStore();
        awards.Put(new Award(AwardId, BuildAward(key.Controller)));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddOpenId4VciIssuer(new Oid4VciIssuerOptions
        {
            CredentialIssuer = address,
            Signer = key.CreateSigner(),
            P256Signer = withP256Key ? p256Key.CreateSigner() : null,
            DisplayName = "Hogeschool Rijnland micro-credential",
            TimeProvider = clock ?? TimeProvider.System,
        }, awardStore ?? awards, tokens);
        var app = builder.Build();
        app.MapOpenId4VciIssuer();
        await app.StartAsync();
        return new IssuerHost(app, key, p256Key, app.Services.GetRequiredService<Oid4VciIssuer>(), awards, address);
    }

    public static JObject BuildAward(string issuerId) =>
        new MicroCredentialBuilder(Profiles.DutchHigherEducation)
            .WithIssuer(issuerId, "Hogeschool Rijnland", "https://www.hogeschool-rijnland.example")
            .WithIssuerBrin("99XA")
            .WithIssuerCountry("NL", "Netherlands", "Leiden")
            .WithLearnerEmail("s.devries@student.hogeschool-rijnland.example")
            .WithTitle("Applied Machine Learning with Python")
            .WithDescription("Learners build, evaluate and explain supervised machine-learning models in Python.")
            .WithIssuedOn(DateTimeOffset.UtcNow.AddMinutes(-1))
            .AddLearningOutcome("machine learning", "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43")
            .WithLearningOutcomesSummary("The learner can train and evaluate supervised models in Python.")
            .WithEcts(5)
            .WithEqfLevel(6)
            .WithAssessmentType(AssessmentType.ApplicationOfASkill)
            .WithParticipationType(ParticipationType.OnsiteOrBlended)
            .AddQualityAssurance("NVAO accreditation", "https://www.nvao.net")
            .WithLanguage("en")
            .Build()
            .ToJObject();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
        P256Key.Dispose();
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
