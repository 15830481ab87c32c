using OpenBadges.Oid4Vci;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WalletIssuerSample;

/// <summary>
/// The wallets the authorization server knows: public clients (no secret, PKCE required) with their redirect URIs,
/// from OpenBadges:Wallets:{i}:ClientId / RedirectUri, or one demo wallet.
/// </summary>
public static class WalletClients
{
    public const string DemoClientId = "demo-wallet";
    public const string DemoRedirectUri = "https://wallet.example/callback";

    public static async Task RegisterAsync(IServiceProvider services, IConfiguration configuration)
    {
        var wallets = configuration.GetSection("OpenBadges:Wallets").GetChildren()
            .Select(w => (ClientId: w["ClientId"]!, RedirectUri: w["RedirectUri"]!))
            .DefaultIfEmpty((DemoClientId, DemoRedirectUri));
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, redirectUri) in wallets)
        {
            if (await applications.FindByClientIdAsync(clientId) is not null)
            {
                continue;
            }

            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientType = ClientTypes.Public,
                RedirectUris = { new Uri(redirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Prefixes.Scope + OpenBadgeCredentialConfigurations.Scope,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }
    }
}
