using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenBadges.Issuer.Storage;

namespace OpenBadges.Issuer.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key: obk_…</c> (or <c>Authorization: ApiKey obk_…</c>) against the stored key hashes. The
/// principal's name is the key's name (what the audit log records); its <c>scope</c> claims are the key's scopes.
/// The key itself is never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IIssuerStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim type of scopes.</summary>
    public const string ScopeClaim = "scope";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request.Headers);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeys.TryParse(presented, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is not in the obk_<id>.<secret> form.");
        }

        var record = await store.FindApiKeyAsync(keyId, Context.RequestAborted).ConfigureAwait(false);
        if (record is null || !ApiKeys.Matches(record, secret))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, "apikey:" + record.Name), new("key_id", record.KeyId) };
        claims.AddRange(record.Scopes.Select(scope => new Claim(ScopeClaim, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The presented key, or null when the request carries none.</summary>
    internal static string? Presented(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
    {
        if (headers.TryGetValue(HeaderName, out var header) && header.Count > 0)
        {
            return header[0];
        }

        var authorization = headers.Authorization.ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization["ApiKey ".Length..].Trim() : null;
    }
}
