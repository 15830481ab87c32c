using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenBadges.Issuer.Auth;
using OpenBadges.Issuer.Issuing;
using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Hosting;

/// <summary>Registers the issuing service on a web application: storage, key, issuing, status lists, auth, health, OpenAPI.</summary>
public static class IssuerServiceExtensions
{
    /// <summary>The authentication scheme that picks API key or JWT bearer by what the request carries.</summary>
    public const string AuthScheme = "ApiKeyOrBearer";

    /// <summary>
    /// Reads <c>OpenBadges:Service</c> (<see cref="IssuerOptions"/>), <c>OpenBadges:Issuer</c> (<see cref="IssuerProfile"/>),
    /// <c>OpenBadges:KeyFile</c>/<c>OpenBadges:Key</c>, <c>Courses</c>, and the standard JWT bearer settings
    /// (<c>Authentication:Schemes:Bearer</c>: Authority, ValidAudiences, ...).
    /// </summary>
    public static WebApplicationBuilder AddOpenBadgesIssuer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(_ => configuration.GetSection("OpenBadges:Service").Get<IssuerOptions>() ?? new IssuerOptions());
        services.AddSingleton(_ => configuration.GetSection("OpenBadges:Issuer").Get<IssuerProfile>() ?? new IssuerProfile());
        services.AddSingleton(_ => new CourseCatalogue
        {
            Courses = configuration.GetSection("Courses").Get<Dictionary<string, Course>>() is { } courses
                ? new Dictionary<string, Course>(courses, StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, Course>(StringComparer.OrdinalIgnoreCase),
        });
        services.AddSingleton(provider => IssuerKey.Load(configuration, provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger("OpenBadges.Issuer")));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IssuerOptions>();
            return IssuerStores.Create(options.StorageProvider, options.ConnectionString);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CredentialFactory>();
        services.AddSingleton<StatusListPublisher>();
        services.AddSingleton<IssuingService>();
        services.AddSingleton<StoreMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreMigrator>());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("OpenBadges:Service:ShutdownTimeoutSeconds", 30)));

        services.AddAuthentication(AuthScheme)
            .AddPolicyScheme(AuthScheme, "API key or JWT bearer", policy => policy.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.Presented(context.Request.Headers) is null
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddAuthorizationBuilder()
            .AddPolicy(IssuerScopes.Issue, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => HasScope(context.User, IssuerScopes.Issue)))
            .AddPolicy(IssuerScopes.Revoke, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => HasScope(context.User, IssuerScopes.Revoke)))
            .AddPolicy(IssuerScopes.Read, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => HasScope(context.User, IssuerScopes.Read)));

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("database", tags: ["ready"]);
        services.AddProblemDetails();
        services.AddOpenApi();
        return builder;
    }

    /// <summary>True when the principal holds <paramref name="scope"/>: an API key scope, or a JWT <c>scope</c>/<c>scp</c> value.</summary>
    public static bool HasScope(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Claims
            .Where(claim => claim.Type is ApiKeyAuthenticationHandler.ScopeClaim or "scp" or "http://schemas.microsoft.com/identity/claims/scope")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
    }
}
