using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// Maps the OpenID4VCI 1.0 credential issuer onto an ASP.NET Core host: metadata, token (pre-authorized code),
/// nonce, credential, deferred credential, notification, and offers by reference.
/// </summary>
public static class Oid4VciEndpoints
{
    private const int MaxBodyLength = 64 * 1024;
    private const int DeferredIntervalSeconds = 5;
    private static readonly JsonLimits BodyLimits = new() { MaxInputLength = MaxBodyLength, MaxDepth = 16 };

    /// <summary>Registers the <see cref="Oid4VciIssuer"/> the endpoints use.</summary>
    public static IServiceCollection AddOpenId4VciIssuer(this IServiceCollection services, Oid4VciIssuerOptions options, IAwardStore awards, IAccessTokenValidator? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton(new Oid4VciIssuer(options, awards, tokens));
    }

    /// <summary>Maps the issuer's endpoints (call <see cref="AddOpenId4VciIssuer"/> first).</summary>
    public static IEndpointRouteBuilder MapOpenId4VciIssuer(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var issuer = app.ServiceProvider.GetRequiredService<Oid4VciIssuer>();

        app.MapGet(Oid4VciPaths.IssuerMetadata, () => Json(IssuerMetadata(issuer)));
        app.MapGet(Oid4VciPaths.AuthorizationServerMetadata, () => Json(AuthorizationServerMetadata(issuer)));
        app.MapGet(Oid4VciPaths.CredentialOffer + "/{id}", (string id) =>
            issuer.FindOffer(id) is { } offer ? Json(offer) : Results.NotFound());
        app.MapPost(Oid4VciPaths.Token, (Delegate)((HttpContext http) => TokenAsync(issuer, http)));
        // The handlers return IResult: cast to Delegate so ASP.NET Core writes it (a bare HttpContext lambda is a RequestDelegate).
        app.MapPost(Oid4VciPaths.Nonce, (Delegate)((HttpContext http) =>
        {
            // §7.2: the nonce response must not be cached.
            http.Response.Headers.CacheControl = "no-store";
            if (issuer.Nonces.TryIssue() is not { } nonce)
            {
                http.Response.Headers.RetryAfter = "5";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Json(new JObject { ["c_nonce"] = nonce });
        }));
        app.MapPost(Oid4VciPaths.Credential, (Delegate)((HttpContext http) => CredentialAsync(issuer, http)));
        app.MapPost(Oid4VciPaths.DeferredCredential, (Delegate)((HttpContext http) => DeferredAsync(issuer, http)));
        app.MapPost(Oid4VciPaths.Notification, (Delegate)((HttpContext http) => NotificationAsync(issuer, http)));
        return app;
    }

    /// <summary>The Credential Issuer Metadata (§12.2.4).</summary>
    public static JObject IssuerMetadata(Oid4VciIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var id = issuer.Options.IssuerIdentifier;
        var metadata = new JObject
        {
            ["credential_issuer"] = id,
            ["credential_endpoint"] = id + Oid4VciPaths.Credential,
            ["nonce_endpoint"] = id + Oid4VciPaths.Nonce,
            ["deferred_credential_endpoint"] = id + Oid4VciPaths.DeferredCredential,
            ["notification_endpoint"] = id + Oid4VciPaths.Notification,
            ["display"] = new JArray(new JObject { ["name"] = issuer.Options.DisplayName, ["locale"] = "en" }),
            ["credential_configurations_supported"] = OpenBadgeCredentialConfigurations.ToMetadata(issuer.Options.DisplayName, issuer.Minter.Configurations),
        };
        if (issuer.Options.AuthorizationServers.Count > 0)
        {
            // The issuer stays one of them: its own token endpoint serves the pre-authorized code offers it makes.
            metadata["authorization_servers"] = new JArray(issuer.Options.AuthorizationServers
                .Select(Oid4VciIssuer.AuthorizationServerIdentifier)
                .Prepend(id)
                .Distinct(StringComparer.Ordinal));
        }

        return metadata;
    }

    private static JObject AuthorizationServerMetadata(Oid4VciIssuer issuer)
    {
        var id = issuer.Options.IssuerIdentifier;
        return new JObject
        {
            ["issuer"] = id,
            ["token_endpoint"] = id + Oid4VciPaths.Token,
            ["response_types_supported"] = new JArray(),
            ["grant_types_supported"] = new JArray(CredentialOffer.PreAuthorizedCodeGrant),
            ["token_endpoint_auth_methods_supported"] = new JArray("none"),
            // §12.3: the token endpoint accepts the pre-authorized code without client authentication.
            ["pre-authorized_grant_anonymous_access_supported"] = true,
        };
    }

    private static async Task<IResult> TokenAsync(Oid4VciIssuer issuer, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!http.Request.HasFormContentType)
        {
            return OAuthError(Oid4VciErrors.InvalidRequest, "the token request is application/x-www-form-urlencoded (RFC 6749 §4.1.3).");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (form["grant_type"] != CredentialOffer.PreAuthorizedCodeGrant)
        {
            return OAuthError(Oid4VciErrors.UnsupportedGrantType,
                $"this token endpoint serves only '{CredentialOffer.PreAuthorizedCodeGrant}'; the authorization code flow is served by a pluggable authorization server.");
        }

        var txCode = form.TryGetValue("tx_code", out var tx) ? tx.ToString() : null;
        var result = issuer.PreAuthorizedGrants.Redeem(form["pre-authorized_code"].ToString(), txCode);
        if (!result.Succeeded)
        {
            return OAuthError(result.Error!, result.ErrorDescription!);
        }

        return Json(new JObject
        {
            ["access_token"] = result.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = result.ExpiresIn,
        });
    }

    private static async Task<IResult> CredentialAsync(Oid4VciIssuer issuer, HttpContext http)
    {
        var grant = await AuthorizeAsync(issuer, http).ConfigureAwait(false);
        if (grant is null)
        {
            return Unauthorized(http);
        }

        var request = await ReadJsonAsync(http).ConfigureAwait(false);
        if (request is null)
        {
            return CredentialError(Oid4VciErrors.InvalidCredentialRequest, "the Credential Request is a JSON object (§8.2).");
        }

        // §8.2: exactly one of credential_identifier and credential_configuration_id.
        if (request["credential_identifier"] is not null)
        {
            return CredentialError(Oid4VciErrors.UnknownCredentialIdentifier,
                "this issuer returns no credential_identifiers in the Token Response: request by credential_configuration_id (§8.2).");
        }

        if (request["credential_configuration_id"] is not JValue { Type: JTokenType.String } idValue)
        {
            return CredentialError(Oid4VciErrors.InvalidCredentialRequest, "credential_configuration_id (a string) is required (§8.2).");
        }

        var configurationId = (string)idValue!;
        if (!issuer.Minter.Configurations.Contains(configurationId, StringComparer.Ordinal))
        {
            return CredentialError(Oid4VciErrors.UnknownCredentialConfiguration,
                $"credential_configuration_id '{configurationId}' is not in credential_configurations_supported (§8.3.1.2).");
        }

        // §8.2: proofs is an object with one proof type; one jwt here (no batch issuance is advertised).
        if (request["proof"] is not null)
        {
            return CredentialError(Oid4VciErrors.InvalidCredentialRequest, "'proof' is not an OpenID4VCI 1.0 parameter: send 'proofs': {\"jwt\": [\"…\"]} (§8.2).");
        }

        if (request["proofs"] is not JObject proofs || proofs.Count == 0)
        {
            return CredentialError(Oid4VciErrors.InvalidProof, "proofs is missing: this issuer binds the credential to a key proven with a 'jwt' key proof (§8.2, §8.3.1.2).");
        }

        if (proofs.Count != 1 || proofs["jwt"] is not JArray jwts)
        {
            return CredentialError(Oid4VciErrors.InvalidProof, "proofs must hold exactly one proof type, 'jwt', as an array (§8.2, proof_types_supported).");
        }

        if (jwts.Count != 1 || jwts[0] is not JValue { Type: JTokenType.String } jwt)
        {
            return CredentialError(Oid4VciErrors.InvalidCredentialRequest, "proofs.jwt must hold exactly one key proof: batch issuance is not offered (§8.2).");
        }

        var proof = await issuer.Proofs.ValidateAsync((string)jwt!).ConfigureAwait(false);
        if (!proof.IsValid)
        {
            return CredentialError(proof.Error!, proof.ErrorDescription!);
        }

        var award = await issuer.Awards.FindAsync(grant.AwardId, http.RequestAborted).ConfigureAwait(false);
        if (award is null)
        {
            return CredentialError(Oid4VciErrors.CredentialRequestDenied, "the award behind this access token no longer exists.");
        }

        if (!award.IsReady)
        {
            // §8.3: not ready yet: a transaction id for the Deferred Credential Endpoint.
            var transactionId = NonceStore.Base64UrlRandom(16);
            issuer.Deferred[transactionId] = (award.Id, proof.HolderDid!, configurationId);
            return Json(new JObject { ["transaction_id"] = transactionId, ["interval"] = DeferredIntervalSeconds }, StatusCodes.Status202Accepted);
        }

        return await IssueAsync(issuer, award, proof.HolderDid!, configurationId, http).ConfigureAwait(false);
    }

    private static async Task<IResult> DeferredAsync(Oid4VciIssuer issuer, HttpContext http)
    {
        if (await AuthorizeAsync(issuer, http).ConfigureAwait(false) is null)
        {
            return Unauthorized(http);
        }

        var request = await ReadJsonAsync(http).ConfigureAwait(false);
        if (request?["transaction_id"] is not JValue { Type: JTokenType.String } idValue || !issuer.Deferred.TryGetValue((string)idValue!, out var pending))
        {
            return CredentialError(Oid4VciErrors.InvalidTransactionId, "transaction_id is missing, unknown, or was already used (§9.3).");
        }

        var award = await issuer.Awards.FindAsync(pending.AwardId, http.RequestAborted).ConfigureAwait(false);
        if (award is null)
        {
            issuer.Deferred.TryRemove((string)idValue!, out _);
            return CredentialError(Oid4VciErrors.CredentialRequestDenied, "the award no longer exists.");
        }

        if (!award.IsReady)
        {
            return Json(new JObject { ["transaction_id"] = (string)idValue!, ["interval"] = DeferredIntervalSeconds }, StatusCodes.Status202Accepted);
        }

        if (!issuer.Deferred.TryRemove((string)idValue!, out _))
        {
            return CredentialError(Oid4VciErrors.InvalidTransactionId, "transaction_id was already used (§9.3).");
        }

        return await IssueAsync(issuer, award, pending.Holder, pending.ConfigurationId, http).ConfigureAwait(false);
    }

    private static async Task<IResult> NotificationAsync(Oid4VciIssuer issuer, HttpContext http)
    {
        if (await AuthorizeAsync(issuer, http).ConfigureAwait(false) is null)
        {
            return Unauthorized(http);
        }

        var request = await ReadJsonAsync(http).ConfigureAwait(false);
        if (request?["notification_id"] is not JValue { Type: JTokenType.String } idValue
            || request["event"] is not JValue { Type: JTokenType.String, Value: "credential_accepted" or "credential_failure" or "credential_deleted" } eventValue)
        {
            return CredentialError(Oid4VciErrors.InvalidNotificationRequest,
                "a notification has notification_id and event (credential_accepted, credential_failure or credential_deleted) (§11.1).");
        }

        var id = (string)idValue!;
        if (!issuer.Notifications.ContainsKey(id))
        {
            return CredentialError(Oid4VciErrors.InvalidNotificationId, "notification_id is not one this issuer returned (§11.3).");
        }

        issuer.Notifications[id] = (string)eventValue!;
        return Results.NoContent();
    }

    private static async Task<IResult> IssueAsync(Oid4VciIssuer issuer, Award award, string holder, string configurationId, HttpContext http)
    {
        var credential = await issuer.Minter.MintAsync(award, holder, configurationId, http.RequestAborted).ConfigureAwait(false);
        var notificationId = NonceStore.Base64UrlRandom(16);
        issuer.Notifications[notificationId] = null;
        return Json(new JObject
        {
            ["credentials"] = new JArray(new JObject { ["credential"] = credential }),
            ["notification_id"] = notificationId,
        });
    }

    private static async Task<AccessGrant?> AuthorizeAsync(Oid4VciIssuer issuer, HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || header.Length == Bearer.Length)
        {
            return null;
        }

        return await issuer.Tokens.ValidateAsync(header[Bearer.Length..].Trim(), http.RequestAborted).ConfigureAwait(false);
    }

    private static IResult Unauthorized(HttpContext http)
    {
        // RFC 6750 §3.1: 401 with the challenge; the error code goes into WWW-Authenticate and the body.
        http.Response.Headers.WWWAuthenticate = $"Bearer error=\"{Oid4VciErrors.InvalidToken}\"";
        return Json(new JObject { ["error"] = Oid4VciErrors.InvalidToken, ["error_description"] = "a valid Bearer access token is required." }, StatusCodes.Status401Unauthorized);
    }

    private static async Task<JObject?> ReadJsonAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyLength)
        {
            return null;
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyLength)
        {
            return null;
        }

        try
        {
            return JsonInput.ParseObject(new string(buffer, 0, length), BodyLimits);
        }
        catch (JsonInputException)
        {
            return null;
        }
    }

    private static IResult CredentialError(string error, string description) =>
        Json(new JObject { ["error"] = error, ["error_description"] = Ascii(description) }, StatusCodes.Status400BadRequest);

    private static IResult OAuthError(string error, string description) =>
        Json(new JObject { ["error"] = error, ["error_description"] = Ascii(description) }, StatusCodes.Status400BadRequest);

    // §8.3.1.2 / RFC 6749: error_description is ASCII.
    private static string Ascii(string text) => new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    private static IResult Json(JObject json, int status = StatusCodes.Status200OK) =>
        Results.Text(json.ToString(Formatting.None), "application/json", Encoding.UTF8, status);
}
