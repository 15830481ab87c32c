using System.Net;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Oid4Vci;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>samples/WalletIssuer started once for the authorization code tests that do not need their own clock.</summary>
public sealed class WalletIssuerFixture : IAsyncLifetime
{
    internal WalletIssuerProcess Sample { get; private set; } = null!;

    public async Task InitializeAsync() => Sample = await WalletIssuerProcess.StartAsync();

    public async Task DisposeAsync() => await Sample.DisposeAsync();
}

/// <summary>
/// The authorization code flow against samples/WalletIssuer run as a process: its OpenIddict authorization server
/// (PKCE S256, the demo learner signed in by /login), and its credential endpoint accepting OpenIddict access tokens.
/// This test plays the browser (following redirects with a cookie jar) and the wallet (TestWallet).
/// </summary>
public sealed class AuthorizationCodeFlowTests(WalletIssuerFixture fixture) : IClassFixture<WalletIssuerFixture>
{
    private WalletIssuerProcess Sample => fixture.Sample;

    internal static string IssuerState(string offerUri)
    {
        var offer = JObject.Parse(Uri.UnescapeDataString(offerUri["openid-credential-offer://?credential_offer=".Length..]));
        return (string)offer["grants"]!["authorization_code"]!["issuer_state"]!;
    }

    internal static async Task<string> NewIssuerStateAsync(WalletIssuerProcess sample)
    {
        var response = await sample.Http.PostAsync($"/offers/demo-award?flow=authorization_code", null);
        response.EnsureSuccessStatusCode();
        return IssuerState((string)(await TestWallet.BodyAsync(response))["offer"]!);
    }

    internal static (string Verifier, string Challenge) Pkce()
    {
        var verifier = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>
    /// The browser: GET the authorization request and follow redirects (keeping cookies) until the wallet's
    /// redirect_uri. An error the server shows the user itself (400, not redirected: RFC 6749 §4.1.2.1 when the
    /// request cannot be trusted) comes back as the redirect_uri with that error, so callers read one form.
    /// </summary>
    internal static async Task<Uri> AuthorizeAsync(WalletIssuerProcess sample, string issuerState, string? challenge, string method = "S256", string? resource = null)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = WalletIssuerProcess.DemoClientId,
            ["redirect_uri"] = WalletIssuerProcess.DemoRedirectUri,
            ["scope"] = OpenBadgeCredentialConfigurations.Scope,
            ["issuer_state"] = issuerState,
            ["resource"] = resource ?? sample.IssuerId,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = challenge is null ? null : method,
        };
        var url = new Uri(sample.Address, "/oauth/authorize?" + string.Join("&", query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}")));
        for (var hop = 0; hop < 10; hop++)
        {
            if (url.AbsoluteUri.StartsWith(WalletIssuerProcess.DemoRedirectUri, StringComparison.Ordinal))
            {
                return url;
            }

            using var response = await browser.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var shown = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim())
                    .FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal));
                Assert.True(shown is not null, $"a 400 without an error at {url}");
                return new Uri($"{WalletIssuerProcess.DemoRedirectUri}?error={Uri.EscapeDataString(shown["error:".Length..])}");
            }

            Assert.True((int)response.StatusCode is >= 300 and < 400, $"the authorization server answered {(int)response.StatusCode} at {url}: {await response.Content.ReadAsStringAsync()}");
            url = new Uri(url, response.Headers.Location!);
        }

        throw new InvalidOperationException("too many redirects");
    }

    internal static string? Parameter(Uri redirect, string name) =>
        redirect.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    internal static async Task<(HttpResponseMessage Response, JObject Body)> TokenAsync(WalletIssuerProcess sample, string code, string verifier)
    {
        var response = await sample.Http.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = WalletIssuerProcess.DemoRedirectUri,
            ["client_id"] = WalletIssuerProcess.DemoClientId,
        }));
        return (response, await TestWallet.BodyAsync(response));
    }

    internal static async Task<string> AccessTokenAsync(WalletIssuerProcess sample)
    {
        var (verifier, challenge) = Pkce();
        var redirect = await AuthorizeAsync(sample, await NewIssuerStateAsync(sample), challenge);
        var (response, body) = await TokenAsync(sample, Parameter(redirect, "code")!, verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)body["access_token"]!;
    }

    [Fact]
    public async Task The_authorization_code_gives_a_token_for_a_credential_bound_to_the_wallet_and_is_refused_the_second_time()
    {
        var (verifier, challenge) = Pkce();
        var redirect = await AuthorizeAsync(Sample, IssuerState(Sample.AuthorizationCodeOffer), challenge);
        Assert.Equal(Sample.IssuerId + "/oauth", Parameter(redirect, "iss"));
        var code = Parameter(redirect, "code");
        Assert.False(string.IsNullOrEmpty(code), redirect.ToString());

        var (tokenResponse, token) = await TokenAsync(Sample, code, verifier);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var accessToken = (string)token["access_token"]!;

        using var wallet = TestWallet.P256Jwk();
        var proof = await wallet.ProofAsync(Sample.IssuerId, await TestWallet.NonceAsync(Sample.Http));
        var (response, body) = await TestWallet.CredentialAsync(Sample.Http, accessToken, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var credential = (JObject)body["credentials"]![0]!["credential"]!;
        Assert.Equal(wallet.Did, (string?)credential["credentialSubject"]!["id"]);
        var report = await new CredentialVerifier().VerifyAsync(credential);
        Assert.True(report.Verdict == Verdict.Valid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name}: {c.Message}")));

        // Reused authorization code: invalid_grant, no token.
        var (again, refused) = await TokenAsync(Sample, code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", (string?)refused["error"]);
        Assert.Null(refused["access_token"]);
    }

    [Fact]
    public async Task A_wrong_PKCE_verifier_is_invalid_grant_and_no_token()
    {
        var (_, challenge) = Pkce();
        var redirect = await AuthorizeAsync(Sample, await NewIssuerStateAsync(Sample), challenge);
        var (response, body) = await TokenAsync(Sample, Parameter(redirect, "code")!, Pkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (string?)body["error"]);
        Assert.Null(body["access_token"]);
    }

    [Fact]
    public async Task PKCE_is_required_and_only_S256()
    {
        var (verifier, _) = Pkce();
        var plain = await AuthorizeAsync(Sample, await NewIssuerStateAsync(Sample), verifier, method: "plain");
        Assert.Equal("invalid_request", Parameter(plain, "error"));
        Assert.Null(Parameter(plain, "code"));

        var none = await AuthorizeAsync(Sample, await NewIssuerStateAsync(Sample), challenge: null);
        Assert.Equal("invalid_request", Parameter(none, "error"));
        Assert.Null(Parameter(none, "code"));
    }

    [Fact]
    public async Task An_issuer_state_is_single_use_and_an_unknown_one_is_refused()
    {
        var issuerState = await NewIssuerStateAsync(Sample);
        var first = await AuthorizeAsync(Sample, issuerState, Pkce().Challenge);
        Assert.NotNull(Parameter(first, "code"));

        var second = await AuthorizeAsync(Sample, issuerState, Pkce().Challenge);
        Assert.Equal("invalid_request", Parameter(second, "error"));
        Assert.Null(Parameter(second, "code"));

        var unknown = await AuthorizeAsync(Sample, "not-an-issuer-state", Pkce().Challenge);
        Assert.Equal("invalid_request", Parameter(unknown, "error"));
    }

    [Fact]
    public async Task A_resource_other_than_this_credential_issuer_is_invalid_target()
    {
        var redirect = await AuthorizeAsync(Sample, await NewIssuerStateAsync(Sample), Pkce().Challenge, resource: "https://other-issuer.example");
        Assert.Equal("invalid_target", Parameter(redirect, "error"));
        Assert.Null(Parameter(redirect, "code"));
    }

    [Fact]
    public async Task A_tampered_authorization_server_token_is_401_invalid_token()
    {
        var accessToken = await AccessTokenAsync(Sample);
        var tampered = accessToken[..^4] + (accessToken[^4] == 'A' ? "B" : "A") + accessToken[^3..];
        using var wallet = TestWallet.Ed25519DidKey();
        var proof = await wallet.ProofAsync(Sample.IssuerId, await TestWallet.NonceAsync(Sample.Http));
        var (response, body) = await TestWallet.CredentialAsync(Sample.Http, tampered, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidToken, (string?)body["error"]);
        Assert.Null(body["credentials"]);
    }
}

/// <summary>An expired OpenIddict access token, with the sample's access token lifetime set to 1 second.</summary>
public sealed class AuthorizationCodeTokenExpiryTests
{
    [Fact]
    public async Task An_expired_authorization_code_access_token_is_401_invalid_token_and_nothing_is_issued()
    {
        await using var sample = await WalletIssuerProcess.StartAsync("--OpenBadges:AccessTokenLifetimeSeconds=1");
        var accessToken = await AuthorizationCodeFlowTests.AccessTokenAsync(sample);
        // JWT expiry has one-second granularity: wait past it (OpenIddict validation allows no clock skew).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var wallet = TestWallet.Ed25519DidKey();
        var proof = await wallet.ProofAsync(sample.IssuerId, await TestWallet.NonceAsync(sample.Http));
        var (response, body) = await TestWallet.CredentialAsync(sample.Http, accessToken, TestWallet.CredentialRequest(OpenBadgeCredentialConfigurations.LdpVc, proof));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Oid4VciErrors.InvalidToken, (string?)body["error"]);
        Assert.Null(body["credentials"]);
    }
}
