using Newtonsoft.Json.Linq;

namespace OpenBadges.Verification;

/// <summary>How the steps read a credential's JSON: leniently, so that a wrong shape is a finding, never an exception.</summary>
internal static class CredentialJson
{
    /// <summary>The strings of a string-or-array member (anything else is ignored).</summary>
    public static List<string> Strings(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => [(string)value!],
        JArray array => array.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToList(),
        _ => [],
    };

    /// <summary>The member's value when it is a string; null otherwise.</summary>
    public static string? StringOf(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;

    public static bool IsNonEmptyString(JToken? token) => token is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace((string?)value);

    public static bool IsAbsoluteUri(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Trim() == text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme);

    public static string? FirstContext(JObject document) => document["@context"] switch
    {
        JArray { Count: > 0 } array when array[0].Type == JTokenType.String => (string?)array[0],
        JValue { Type: JTokenType.String } value => (string?)value,
        _ => null,
    };

    /// <summary>The id of a string-or-Profile member (<c>issuer</c>, <c>holder</c>).</summary>
    public static string? IdOf(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => (string?)value,
        JObject profile when profile["id"] is JValue { Type: JTokenType.String } id => (string?)id,
        _ => null,
    };

    public static string? IssuerIdOf(JObject credential) => IdOf(credential["issuer"]);

    /// <summary>Calls <paramref name="action"/> on the member when it is an object, or on each object of it when it is an array, with its path.</summary>
    public static void EachObject(JToken? token, string path, Action<JObject, string> action)
    {
        switch (token)
        {
            case JObject single:
                action(single, path);
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JObject item)
                    {
                        action(item, $"{path}[{i}]");
                    }
                }

                break;
        }
    }

    /// <summary>The items of a one-or-many member with their paths (an array's items, or the single value); empty for null.</summary>
    public static List<(JToken Item, string Path)> Items(JToken? token, string path)
    {
        var items = new List<(JToken Item, string Path)>();
        switch (token)
        {
            case null:
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add((array[i], $"{path}[{i}]"));
                }

                break;
            case var single:
                items.Add((single, path));
                break;
        }

        return items;
    }

    /// <summary>Adds a problem when <paramref name="type"/> does not include <paramref name="expected"/>.</summary>
    public static void RequireType(JToken? type, string expected, string path, List<(string Message, string Path)> problems)
    {
        if (!Strings(type).Contains(expected))
        {
            problems.Add(($"type does not include {expected}", path + ".type"));
        }
    }

    /// <summary>The problems as one message: each with its path.</summary>
    public static string Describe(List<(string Message, string Path)> problems) => string.Join("; ", problems.Select(p => $"{p.Message} ({p.Path})"));
}
