using System.Net.Mime;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>
/// Maps VC-API (VCALM) exchanges onto an ASP.NET Core host: <c>POST /exchanges/{id}</c> (participate) and
/// <c>GET /exchanges/{id}/protocols</c> (the interaction URL's protocols), plus, separately, the back office's
/// exchange creation.
/// </summary>
public static class VcApiEndpoints
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>Registers a <see cref="VcApiExchanger"/> of its own (without it, the endpoints use <see cref="VcApiExchanger.For"/> the registered <see cref="Oid4VciIssuer"/>).</summary>
    public static IServiceCollection AddVcApiExchanges(this IServiceCollection services, VcApiExchangeOptions options, IAwardStore awards)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton(new VcApiExchanger(options, awards));
    }

    /// <summary>
    /// Maps the wallet-facing exchange endpoints. The exchanger is the registered <see cref="VcApiExchanger"/>, or the
    /// one on the same issuance core as the registered <see cref="Oid4VciIssuer"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapVcApiExchanges(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var exchanger = Exchanger(app);
        app.MapPost(VcApiPaths.Exchanges + "/{exchangeId}", (Delegate)((HttpContext http, string exchangeId) => ParticipateAsync(exchanger, http, exchangeId)));
        app.MapGet(VcApiPaths.Exchanges + "/{exchangeId}" + VcApiPaths.ProtocolsSuffix, (Delegate)((HttpContext http, string exchangeId) => Protocols(exchanger, http, exchangeId)));
        return app;
    }

    /// <summary>
    /// Maps <c>POST {pattern}</c> with <c>{"awardId": "…"}</c>: creates an exchange and answers 201 with its
    /// invitation (<see cref="VcApiExchangeInvitation.ToJson"/>, <c>Location</c> the exchange URL). It hands out awards:
    /// protect it (<c>.RequireAuthorization(…)</c> on the returned builder) unless the host is the back office itself.
    /// </summary>
    public static IEndpointConventionBuilder MapVcApiExchangeCreation(this IEndpointRouteBuilder app, string pattern = VcApiPaths.Exchanges)
    {
        ArgumentNullException.ThrowIfNull(app);
        var exchanger = Exchanger(app);
        return app.MapPost(pattern, (Delegate)(async (HttpContext http) =>
        {
            var (message, problem) = await ReadMessageAsync(http, exchanger.Options.MaxRequestBytes).ConfigureAwait(false);
            if (problem is not null)
            {
                return Write(problem);
            }

            if (message!["awardId"] is not JValue { Type: JTokenType.String } awardId || ((string)awardId!).Length == 0)
            {
                return Write(VcApiExchangeResponse.Problem(400, VcApiProblems.MalformedValueError, "awardId missing", "Create an exchange with {\"awardId\": \"…\"}."));
            }

            var invitation = exchanger.CreateExchange((string)awardId!);
            http.Response.Headers.Location = invitation.ExchangeUrl;
            return Write(new VcApiExchangeResponse(201, invitation.ToJson()));
        }));
    }

    private static VcApiExchanger Exchanger(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetService<VcApiExchanger>()
        ?? VcApiExchanger.For(app.ServiceProvider.GetService<Oid4VciIssuer>()
            ?? throw new InvalidOperationException("Register a VcApiExchanger (AddVcApiExchanges) or an Oid4VciIssuer (AddOpenId4VciIssuer) before mapping the exchanges."));

    private static async Task<IResult> ParticipateAsync(VcApiExchanger exchanger, HttpContext http, string exchangeId)
    {
        http.Response.Headers.CacheControl = "no-store";
        var (message, problem) = await ReadMessageAsync(http, exchanger.Options.MaxRequestBytes).ConfigureAwait(false);
        if (problem is not null)
        {
            return Write(problem);
        }

        return Write(await exchanger.ParticipateAsync(exchangeId, message!, http.RequestAborted).ConfigureAwait(false));
    }

    private static IResult Protocols(VcApiExchanger exchanger, HttpContext http, string exchangeId)
    {
        var status = exchanger.FindExchange(exchangeId);
        if (status is null || status.State is VcApiExchangeState.Complete or VcApiExchangeState.Invalid || exchanger.Options.TimeProvider.GetUtcNow() >= status.Expires)
        {
            return Write(VcApiExchangeResponse.Problem(404, VcApiProblems.ExchangeNotFound, "Exchange not found", "No open exchange has this id."));
        }

        var url = exchanger.ExchangeUrl(exchangeId);
        // VCALM §3.7.4: JSON for a client that asks for it, a page for a person with a browser otherwise.
        var accept = http.Request.GetTypedHeaders().Accept;
        if (accept.Any(a => a.MediaType.Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase)))
        {
            return Results.Text(new JObject { ["protocols"] = new JObject { ["vcapi"] = url } }.ToString(Formatting.None), MediaTypeNames.Application.Json, Encoding.UTF8);
        }

        var page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Collect your credential</title></head><body>"
            + "<h1>Collect your credential</h1><p>Open this link with a digital credential wallet that speaks the VC API "
            + "(for example the Learner Credential Wallet), or scan its QR code with the wallet.</p></body></html>";
        return Results.Text(page, MediaTypeNames.Text.Html, Encoding.UTF8);
    }

    /// <summary>The body as a JSON object within <paramref name="maxBytes"/>; an empty body is the empty message <c>{}</c>.</summary>
    private static async Task<(JObject? Message, VcApiExchangeResponse? Problem)> ReadMessageAsync(HttpContext http, int maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (buffer.AsSpan(0, length).Trim(" \t\r\n"u8).IsEmpty)
        {
            return (new JObject(), null);
        }

        try
        {
            return (JsonInput.ParseObject(buffer.AsSpan(0, length), new JsonLimits { MaxInputLength = maxBytes, MaxDepth = 64 }), null);
        }
        catch (JsonInputException e)
        {
            return (null, VcApiExchangeResponse.Problem(400, VcApiProblems.ParsingError, "Body is not a JSON object", e.Message));
        }
    }

    private static VcApiExchangeResponse TooLarge(int maxBytes) =>
        VcApiExchangeResponse.Problem(413, VcApiProblems.RequestTooLarge, "Request too large", $"An exchange message is at most {maxBytes} bytes.");

    private static IResult Write(VcApiExchangeResponse response) =>
        Results.Text(response.Body.ToString(Formatting.None), response.IsProblem ? ProblemJson : MediaTypeNames.Application.Json, Encoding.UTF8, response.StatusCode);
}
