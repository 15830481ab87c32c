using Newtonsoft.Json.Linq;

namespace OpenBadges.Proofs;

/// <summary>JSON Pointers (RFC 6901) as the selective disclosure functions use them: paths into the compact document.</summary>
internal static class JsonPointer
{
    /// <summary>The reference tokens of <paramref name="pointer"/>, unescaped (<c>~1</c> → <c>/</c>, <c>~0</c> → <c>~</c>).</summary>
    /// <exception cref="ArgumentException">Not a JSON Pointer to a member or element (empty, or not starting with <c>/</c>).</exception>
    public static string[] Parse(string pointer)
    {
        if (string.IsNullOrEmpty(pointer) || pointer[0] != '/')
        {
            throw ProofErrors.NotAMemberPointer(pointer, nameof(pointer));
        }

        var tokens = pointer[1..].Split('/');
        for (var i = 0; i < tokens.Length; i++)
        {
            // RFC 6901 §4: ~1 first, then ~0, so "~01" stays "~1".
            tokens[i] = tokens[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return tokens;
    }

    /// <summary>The child of <paramref name="parent"/> named by <paramref name="token"/>, or null.</summary>
    public static JToken? Step(JToken? parent, string token) => parent switch
    {
        JObject obj => obj[token] is { } value && obj.Property(token) is not null ? value : null,
        JArray array => IsIndex(token, out var index) && index < array.Count ? array[index] : null,
        _ => null,
    };

    public static bool IsIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0'))
        {
            return false;
        }

        foreach (var c in token)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        index = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
