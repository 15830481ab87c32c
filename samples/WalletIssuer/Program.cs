// An institution's wallet issuer: learners collect awarded Open Badges into their wallets over OpenID4VCI 1.0, with a
// pre-authorized code (a QR code handed out) or the authorization code flow (the learner signs in at the institution's
// OpenIddict authorization server).
// Run:   dotnet run --project samples/WalletIssuer -- --urls http://127.0.0.1:5081 --demo
// With --demo it awards samples/specs/dutch-he-example.json to a demo learner and prints, each on a line of its own,
//   offer: openid-credential-offer://?credential_offer=…                      (pre-authorized code, no tx_code)
//   authorization code offer: openid-credential-offer://?credential_offer=…   (issuer_state for /oauth/authorize)
// plus a QR code of the first (by reference) for a phone. The demo learner is signed in without a password (/login).
//   GET  /.well-known/openid-credential-issuer   metadata          POST /token     pre-authorized code → access token
//   POST /nonce                                  c_nonce           POST /credential  key proof → signed credential
//   GET  /oauth/authorize, POST /oauth/token     the OpenIddict authorization server (PKCE S256 required)
//   POST /offers/{awardId}[?txCode=true|&flow=authorization_code]   a new offer (demo only: a back office calls this)
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenBadges.Keys;
using OpenBadges.Oid4Vci;
using OpenBadges.Oid4Vci.VcApi;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using WalletIssuerSample;
using static OpenIddict.Abstractions.OpenIddictConstants;

var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
var url = (builder.Configuration["urls"] ?? "http://127.0.0.1:5081").Split(';')[0].TrimEnd('/');
var authorizationServer = new Uri(url + "/oauth");

// The signing keys: OpenBadges:KeyFile (Ed25519) and OpenBadges:P256KeyFile (`openbadges keygen` files) in
// production; throwaway did:keys otherwise.
var keyFile = builder.Configuration["OpenBadges:KeyFile"];
using var key = keyFile is { Length: > 0 } ? Ed25519KeyFile.Load(keyFile) : Ed25519KeyFile.Generate();
var p256KeyFile = builder.Configuration["OpenBadges:P256KeyFile"];
using var p256Key = p256KeyFile is { Length: > 0 } ? EcdsaKeyFile.Load(p256KeyFile) : EcdsaKeyFile.Generate(EcdsaCurve.P256);
var accessTokenLifetime = TimeSpan.FromSeconds(builder.Configuration.GetValue("OpenBadges:AccessTokenLifetimeSeconds", 600));

var awards = new InMemoryAwardStore();   // an institution plugs its issuing service in here (IAwardStore)
var options = new Oid4VciIssuerOptions
{
    CredentialIssuer = new Uri(url),
    Signer = key.CreateSigner(),
    P256Signer = p256Key.CreateSigner(),
    DisplayName = "Hogeschool Rijnland micro-credential",
    AuthorizationServers = [authorizationServer],
    AccessTokenLifetime = accessTokenLifetime,
};

// ----- the authorization server (OpenIddict) -----
builder.Services.AddDbContext<DbContext>(db => db.UseInMemoryDatabase("openiddict").UseOpenIddict());
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
    .AddServer(server =>
    {
        server.SetIssuer(authorizationServer);
        server.SetAuthorizationEndpointUris("oauth/authorize")
            .SetTokenEndpointUris("oauth/token")
            .SetJsonWebKeySetEndpointUris("oauth/jwks")
            // RFC 8414 §3.1 puts the metadata of an issuer with a path at /.well-known/oauth-authorization-server/oauth.
            .SetConfigurationEndpointUris(".well-known/oauth-authorization-server/oauth", "oauth/.well-known/openid-configuration");
        server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
        server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));   // S256 only
        server.RegisterScopes(OpenBadgeCredentialConfigurations.Scope);
        // The wallet sends the Credential Issuer Identifier as `resource` (RFC 8707, OpenID4VCI §5.1.2) exactly as the
        // metadata writes it, without a trailing slash; OpenIddict accepts only the normalized URI form (with one). So
        // its resource checks are off and the authorization endpoint below checks `resource` itself, as a string.
        server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateResourceParameter.Descriptor)
            .RemoveEventHandler(OpenIddictServerHandlers.Exchange.ValidateResourceParameter.Descriptor)
            .DisableResourceValidation()
            .IgnoreResourcePermissions();
        server.SetAccessTokenLifetime(accessTokenLifetime).SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
        // Ephemeral keys: tokens die with the process, like the in-memory awards. Use certificates in production.
        server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        var aspNetCore = server.UseAspNetCore().EnableAuthorizationEndpointPassthrough();
        if (new Uri(url).IsLoopback)
        {
            aspNetCore.DisableTransportSecurityRequirement();   // http only on loopback
        }
    })
    .AddValidation(validation =>
    {
        validation.UseLocalServer();
        validation.AddAudiences(options.IssuerIdentifier);
        validation.UseAspNetCore();
    });
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(cookie => cookie.LoginPath = "/login");

builder.Services.AddSingleton<OpenIddictAccessTokens>();
builder.Services.AddSingleton(provider => new Oid4VciIssuer(options, awards, provider.GetRequiredService<OpenIddictAccessTokens>()));

var app = builder.Build();
app.UseAuthentication();
app.MapOpenId4VciIssuer();
app.MapVcApiExchanges(); // the Learner Credential Wallet's VC-API exchanges, same awards and key
var issuer = app.Services.GetRequiredService<Oid4VciIssuer>();
await WalletClients.RegisterAsync(app.Services, builder.Configuration);

// The authorization endpoint: the learner signs in, the issuer_state names the award, and it must be theirs.
app.MapMethods("/oauth/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
{
    var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request.");
    var issuerState = (string?)request["issuer_state"];
    if (issuer.FindIssuerState(issuerState) is not { } awardId)
    {
        return Refuse(Errors.InvalidRequest, "issuer_state is missing, unknown, used or expired: scan a new credential offer.");
    }

    if (request.GetResources() is { Length: > 0 } resources && !resources.All(r => r == options.IssuerIdentifier))
    {
        return Refuse(Errors.InvalidTarget, $"resource must be this credential issuer, '{options.IssuerIdentifier}'.");
    }

    var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    if (!signedIn.Succeeded)
    {
        return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString });
    }

    var learner = signedIn.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
    var award = await awards.FindAsync(awardId, http.RequestAborted);
    if (award is null || (award.LearnerId is not null && award.LearnerId != learner))
    {
        return Refuse(Errors.AccessDenied, "this award is not yours.");
    }

    if (issuer.TakeIssuerState(issuerState) is null)
    {
        return Refuse(Errors.InvalidRequest, "issuer_state was used already.");
    }

    var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
    identity.SetClaim(Claims.Subject, learner).SetClaim(OpenIddictAccessTokens.AwardClaim, awardId);
    identity.SetScopes(request.GetScopes()).SetResources(options.IssuerIdentifier);
    identity.SetDestinations(_ => [Destinations.AccessToken]);
    return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
});

// The institution's login goes here (SAML/OIDC federation, e.g. SURFconext). The demo signs in its learner at once.
app.MapGet("/login", async (HttpContext http, string? returnUrl) =>
{
    if (!demo)
    {
        return Results.Problem("No login is configured: connect the institution's identity provider here.", statusCode: StatusCodes.Status501NotImplemented);
    }

    var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, DemoAwards.Learner)], CookieAuthenticationDefaults.AuthenticationScheme);
    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    // Only a local path: never an open redirect.
    return Results.Redirect(returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : "/");
});

if (demo)
{
    // The back office's "send to wallet" button; loopback demo only (a real one sits behind the institution's auth).
    app.MapVcApiExchangeCreation(); // POST /exchanges {"awardId": …} → exchange URL, interaction URL, wallet link
    app.MapPost("/offers/{awardId}", (string awardId, bool? txCode, string? flow) =>
    {
        var offer = flow == "authorization_code"
            ? issuer.CreateAuthorizationCodeOffer(awardId)
            : issuer.CreateOffer(awardId, requireTxCode: txCode == true);
        return Results.Json(new { offer = offer.ByValueUri, offerByReference = offer.ByReferenceUri, txCode = offer.TxCode });
    });

    var award = DemoAwards.Create(Path.Combine(AppContext.BaseDirectory, "dutch-he-example.json"), key.Controller);
    awards.Put(award);
    var offer = issuer.CreateOffer(award.Id);
    var authorizationCodeOffer = issuer.CreateAuthorizationCodeOffer(award.Id);
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        Console.WriteLine($"offer: {offer.ByValueUri}");
        Console.WriteLine($"authorization code offer: {authorizationCodeOffer.ByValueUri}");
        Console.WriteLine(CredentialOffer.QrText(offer.ByReferenceUri));
    });
}

app.Run();
