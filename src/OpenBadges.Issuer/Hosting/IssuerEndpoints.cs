using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Issuer.Auth;
using OpenBadges.Issuer.Issuing;
using OpenBadges.Issuer.Status;
using OpenBadges.Issuer.Storage;
using OpenBadges.Keys;

namespace OpenBadges.Issuer.Hosting;

/// <summary>The REST API (described at <c>/openapi/v1.json</c>).</summary>
public static class IssuerEndpoints
{
    /// <summary>The request header that makes an issue request idempotent.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Longest accepted status change reason.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Maps every endpoint, with authentication, authorisation, health and the OpenAPI document.</summary>
    public static WebApplication MapOpenBadgesIssuer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapPost("/credentials", IssueAsync).RequireAuthorization(IssuerScopes.Issue)
            .WithName("IssueCredential").WithSummary("Issue one credential for a course completion (idempotent with the Idempotency-Key header and by learner + achievement + award date).")
            .Accepts<IssueRequest>("application/json").Produces(StatusCodes.Status201Created, contentType: "application/json").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapPost("/credentials/batch", IssueBatchAsync).RequireAuthorization(IssuerScopes.Issue)
            .WithName("IssueCredentialBatch").WithSummary("Issue many credentials; each item is idempotent (its idempotencyKey, or the header's key + ':' + its position).")
            .Accepts<BatchRequest>("application/json").Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesValidationProblem();
        app.MapGet("/credentials/{id}", GetCredentialAsync).RequireAuthorization(IssuerScopes.Read)
            .WithName("GetCredential").WithSummary("The signed credential.").Produces(StatusCodes.Status200OK, contentType: "application/json").Produces(StatusCodes.Status404NotFound);
        app.MapGet("/credentials/{id}/status", GetStatusAsync).RequireAuthorization(IssuerScopes.Read)
            .WithName("GetCredentialStatus").WithSummary("The credential's status, its status list entry and its audit log.").Produces<CredentialStatusView>().Produces(StatusCodes.Status404NotFound);
        foreach (var (path, action) in new[] { ("revoke", StatusAction.Revoke), ("suspend", StatusAction.Suspend), ("reinstate", StatusAction.Reinstate) })
        {
            app.MapPost($"/credentials/{{id}}/{path}", (string id, StatusChangeRequest? body, IssuingService issuing, StatusListPublisher lists, ClaimsPrincipal user, CancellationToken cancellationToken) =>
                    ChangeStatusAsync(id, action, body, issuing, lists, user, cancellationToken))
                .RequireAuthorization(IssuerScopes.Revoke)
                .WithName(char.ToUpperInvariant(path[0]) + path[1..] + "Credential").WithSummary($"{char.ToUpperInvariant(path[0]) + path[1..]} a credential, with a reason for the audit log.")
                .Accepts<StatusChangeRequest>("application/json").Produces<CredentialStatusView>().Produces(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }

        app.MapGet("/status/{listId:long}", GetStatusListAsync).AllowAnonymous()
            .WithName("GetStatusList").WithSummary("The signed Bitstring Status List credential (ETag, Cache-Control; re-signed only after a change).")
            .Produces(StatusCodes.Status200OK, contentType: "application/vc").Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status404NotFound);

        var key = app.Services.GetRequiredService<IssuerKey>();
        if (key.IssuerId.StartsWith(DidWeb.Prefix, StringComparison.Ordinal))
        {
            var document = DidDocuments.ForKey(key.File).ToString(Formatting.Indented);
            var maxAge = app.Services.GetRequiredService<IssuerOptions>().DidDocumentMaxAgeSeconds;
            app.MapGet(DidDocuments.PathOf(key.IssuerId), (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = $"public, max-age={maxAge}";
                return Results.Text(document, "application/did+json", Encoding.UTF8);
            }).AllowAnonymous().WithName("GetDidDocument").WithSummary("The did:web DID document of the issuer's signing key.");
        }

        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, IssuingService issuing, StatusListPublisher lists, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await ReadJsonAsync<IssueRequest>(http, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["send a JSON body: {courseId, learner: {id|email|studentNumber}, grade?, completedOn?, statusPurpose?}."] });
        }

        var idempotencyKey = http.Request.Headers.TryGetValue(IdempotencyHeader, out var header) ? header.ToString() : null;
        var result = await issuing.IssueAsync(request, string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey, Actor(user), cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case IssueOutcome.Invalid:
                return Results.ValidationProblem(result.Errors!, title: result.Title);
            case IssueOutcome.KeyConflict:
                return Results.ValidationProblem(result.Errors!, title: result.Title, statusCode: StatusCodes.Status422UnprocessableEntity);
            case IssueOutcome.Existing:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                http.Response.Headers.Location = $"/credentials/{result.Credential!.Id}";
                return Json(result.Credential.Json, StatusCodes.Status200OK);
            default:
                http.Response.Headers.Location = $"/credentials/{result.Credential!.Id}";
                return Json(result.Credential.Json, StatusCodes.Status201Created);
        }
    }

    private static async Task<IResult> IssueBatchAsync(HttpContext http, IssuingService issuing, StatusListPublisher lists, IssuerOptions options, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var batch = await ReadJsonAsync<BatchRequest>(http, cancellationToken).ConfigureAwait(false);
        if (batch?.Items is not { Count: > 0 } items)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["send {items: [ {courseId, learner, grade?, completedOn?, statusPurpose?, idempotencyKey?}, ... ]}."] });
        }

        if (items.Count > options.MaxBatchSize)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [$"a batch has at most {options.MaxBatchSize} items; this one has {items.Count}."] });
        }

        var batchKey = http.Request.Headers.TryGetValue(IdempotencyHeader, out var header) && header.ToString().Length > 0 ? header.ToString() : null;
        var results = await issuing.IssueBatchAsync(items, batchKey, Actor(user), cancellationToken).ConfigureAwait(false);
        var array = new JArray();
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var entry = new JObject { ["index"] = i, ["outcome"] = result.Outcome.ToString().ToLowerInvariant() };
            if (result.Credential is { } credential && result.Outcome is IssueOutcome.Created or IssueOutcome.Existing)
            {
                entry["id"] = "urn:uuid:" + credential.Id;
                entry["location"] = $"/credentials/{credential.Id}";
                entry["statusListCredential"] = lists.UrlOf(credential.ListId);
                entry["statusListIndex"] = credential.StatusIndex;
            }

            if (result.Errors is { } errors)
            {
                entry["errors"] = JObject.FromObject(errors);
            }

            array.Add(entry);
        }

        return Json(new JObject
        {
            ["created"] = results.Count(r => r.Outcome == IssueOutcome.Created),
            ["existing"] = results.Count(r => r.Outcome == IssueOutcome.Existing),
            ["failed"] = results.Count(r => r.Outcome is IssueOutcome.Invalid or IssueOutcome.KeyConflict),
            ["results"] = array,
        }.ToString(Formatting.None), StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetCredentialAsync(string id, IIssuerStore store, CancellationToken cancellationToken) =>
        await store.GetCredentialAsync(Uuid(id), cancellationToken).ConfigureAwait(false) is { } credential ? Json(credential.Json) : Results.NotFound();

    private static async Task<IResult> GetStatusAsync(string id, IIssuerStore store, StatusListPublisher lists, CancellationToken cancellationToken)
    {
        var credential = await store.GetCredentialAsync(Uuid(id), cancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return Results.NotFound();
        }

        var audit = await store.GetAuditAsync(credential.Id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(CredentialStatusView.Of(credential, lists, audit, changed: null));
    }

    private static async Task<IResult> ChangeStatusAsync(string id, StatusAction action, StatusChangeRequest? body, IssuingService issuing, StatusListPublisher lists, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (body?.Reason is { Length: > MaxReasonLength })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"a reason has at most {MaxReasonLength} characters."] });
        }

        var result = await issuing.ChangeStatusAsync(Uuid(id), action, Actor(user), body?.Reason, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            StatusChangeOutcome.NotFound => Results.NotFound(),
            StatusChangeOutcome.Refused => Results.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "This status change is not allowed."),
            _ => Results.Ok(CredentialStatusView.Of(result.Credential!, lists, null, result.Outcome == StatusChangeOutcome.Changed)),
        };
    }

    private static async Task<IResult> GetStatusListAsync(long listId, HttpContext http, StatusListPublisher lists, IssuerOptions options, CancellationToken cancellationToken)
    {
        var signed = await lists.GetAsync(listId, cancellationToken).ConfigureAwait(false);
        if (signed is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.ETag = signed.ETag;
        http.Response.Headers.CacheControl = $"public, max-age={options.StatusListMaxAgeSeconds}";
        http.Response.Headers.LastModified = signed.SignedAt.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (http.Request.Headers.IfNoneMatch.Any(tag => tag == signed.ETag || tag == "*"))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Text(signed.Json, "application/vc", Encoding.UTF8);
    }

    // Credentials are Newtonsoft JSON (their exact text is what the signature covers): write them as stored.
    private static IResult Json(string json, int status = StatusCodes.Status200OK) => Results.Text(json, "application/json", Encoding.UTF8, status);

    private static string Uuid(string id) => id.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase) ? id["urn:uuid:".Length..] : id;

    private static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "unknown";

    private static async Task<T?> ReadJsonAsync<T>(HttpContext http, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;   // not JSON content
        }
    }
}
