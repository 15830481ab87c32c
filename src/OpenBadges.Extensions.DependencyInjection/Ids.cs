using Newtonsoft.Json.Linq;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>The ids a log event may carry, read without trusting the document's shape.</summary>
internal static class Ids
{
    public static string? CredentialId(JObject credential) => credential["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;

    public static string? IssuerId(JObject credential) => credential["issuer"] switch
    {
        JValue { Type: JTokenType.String } id => (string?)id,
        JObject profile when profile["id"] is JValue { Type: JTokenType.String } id => (string?)id,
        _ => null,
    };
}
