using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Oid4Vci;
using OpenBadges.Oid4Vci.VcApi;
using OpenBadges.Proofs;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// The OpenID4VCI issuer with the VC-API exchanges mapped on it (as the sample does: one Map call, the same issuance
/// core), on a real Kestrel at http://127.0.0.1:{free port}, with one award stored.
/// </summary>
internal sealed class VcApiHost : IAsyncDisposable
{
    public const string AwardId = "award-1";

    private readonly WebApplication _app;

    private VcApiHost(WebApplication app, Ed25519KeyFile key, VcApiExchanger exchanger, InMemoryAwardStore awards, Uri address)
    {
        _app = app;
        Key = key;
        Exchanger = exchanger;
        Awards = awards;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Ed25519KeyFile Key { get; }

    public VcApiExchanger Exchanger { get; }

    public InMemoryAwardStore Awards { get; }

    public Uri Address { get; }

    /// <summary>The origin: the domain a holder signs for.</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    public HttpClient Http { get; }

    public static async Task<VcApiHost> StartAsync(TimeProvider? clock = null)
    {
        var port = IssuerHost.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var key = Ed25519KeyFile.Generate();
        var awards = new InMemoryAwardStore();
        awards.Put(new Award(AwardId, IssuerHost.BuildAward(key.Controller)));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        builder.Services.AddOpenId4VciIssuer(new Oid4VciIssuerOptions
        {
            CredentialIssuer = address,
            Signer = key.CreateSigner(),
            TimeProvider = clock ?? TimeProvider.System,
        }, awards);
        var app = builder.Build();
        app.MapOpenId4VciIssuer();
        app.MapVcApiExchanges();
        app.MapVcApiExchangeCreation();
        await app.StartAsync();
        var exchanger = VcApiExchanger.For(app.Services.GetRequiredService<Oid4VciIssuer>());
        return new VcApiHost(app, key, exchanger, awards, address);
    }

    /// <summary>POSTs <paramref name="body"/> (raw text) to <paramref name="url"/>: the status and the parsed JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JObject Body, string? ContentType)> PostAsync(string url, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonInput.ParseObject(text), response.Content.Headers.ContentType?.MediaType);
    }

    public Task<(HttpStatusCode Status, JObject Body, string? ContentType)> PostAsync(string url, JObject body) => PostAsync(url, body.ToString(Formatting.None));

    /// <summary>A DIDAuthentication response from <paramref name="holder"/>: a presentation signed for <paramref name="challenge"/> and <paramref name="domain"/>.</summary>
    public static async Task<JObject> DidAuthAsync(Ed25519KeyFile holder, string? challenge, string? domain, string purpose = "authentication", string? claimedHolder = null)
    {
        var presentation = new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JArray("VerifiablePresentation"),
            ["holder"] = claimedHolder ?? holder.Controller,
        };
        return await DataIntegritySigner.SignAsync(presentation, holder.CreateSigner(), Cryptosuites.EddsaRdfc2022,
            new ProofOptions { ProofPurpose = purpose, Challenge = challenge, Domain = domain });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Dispose();
    }
}
