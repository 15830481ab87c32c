using Newtonsoft.Json.Linq;

namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>What the exchange endpoint answers: an HTTP status and a JSON body (a ProblemDetails object when <see cref="IsProblem"/>).</summary>
/// <param name="StatusCode">200 when the exchange progressed; 400, 404, 409, 410, 413 or 500 otherwise.</param>
/// <param name="Body">The VCALM server message, or <c>{type, title, detail}</c>.</param>
public sealed record VcApiExchangeResponse(int StatusCode, JObject Body)
{
    /// <summary>True when <see cref="Body"/> is a ProblemDetails object (served as <c>application/problem+json</c>).</summary>
    public bool IsProblem => StatusCode >= 400;

    internal static VcApiExchangeResponse Problem(int status, string type, string title, string detail) =>
        new(status, new JObject { ["type"] = type, ["title"] = title, ["detail"] = detail });
}
