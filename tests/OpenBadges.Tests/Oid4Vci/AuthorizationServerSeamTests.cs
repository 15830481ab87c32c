using System.Net;
using OpenBadges.Oid4Vci;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// The authorization code flow's seam: an external authorization server's tokens, introspected by an
/// <see cref="IAccessTokenValidator"/>, are what the credential endpoint accepts instead of the built-in grants.
/// </summary>
public sealed class AuthorizationServerSeamTests
{
    private sealed class ExternalAuthorizationServer : IAccessTokenValidator
    {
        public ValueTask<AccessGrant?> ValidateAsync(string accessToken, CancellationToken cancellationToken) =>
            ValueTask.FromResult(accessToken == "token-from-the-institutions-oauth-server"
                ? new AccessGrant(IssuerHost.AwardId, DateTimeOffset.UtcNow.AddMinutes(5))
                : null);
    }

    [Fact]
    public async Task A_plugged_in_authorization_servers_tokens_are_accepted_beside_the_issuers_own_and_unknown_ones_are_not()
    {
        await using var host = await IssuerHost.StartAsync(tokens: new ExternalAuthorizationServer());
        using var wallet = TestWallet.Ed25519DidKey();

        var (accepted, body) = await TestWallet.CredentialAsync(host.Http, "token-from-the-institutions-oauth-server",
            TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http))));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(wallet.Did, (string?)body["credentials"]![0]!["credential"]!["credentialSubject"]!["id"]);

        // The issuer stays the authorization server of its own pre-authorized code offers: their tokens still work.
        var (_, token) = await TestWallet.TokenAsync(host.Http, host.Issuer.CreateOffer(IssuerHost.AwardId).PreAuthorizedCode);
        var (ownToken, _) = await TestWallet.CredentialAsync(host.Http, (string)token["access_token"]!,
            TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http))));
        Assert.Equal(HttpStatusCode.OK, ownToken.StatusCode);

        // A token neither knows is refused.
        var (refused, _) = await TestWallet.CredentialAsync(host.Http, "token-nobody-issued",
            TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, await wallet.ProofAsync(host.IssuerId, await TestWallet.NonceAsync(host.Http))));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
