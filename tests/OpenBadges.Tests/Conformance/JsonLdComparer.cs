using Newtonsoft.Json.Linq;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The test suite's "JSON-LD object comparison": maps member by member, arrays as multisets except the
/// value of <c>@list</c>, scalars strictly (numbers by value), <c>@language</c> values case-insensitively.
/// </summary>
internal static class JsonLdComparer
{
    public static bool Equivalent(JToken? expected, JToken? actual, string? parentKey = null)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        switch (expected)
        {
            case JObject expectedMap:
            {
                if (actual is not JObject actualMap || actualMap.Count != expectedMap.Count)
                {
                    return false;
                }

                foreach (var property in expectedMap.Properties())
                {
                    if (!actualMap.TryGetValue(property.Name, out var other) || !Equivalent(property.Value, other, property.Name))
                    {
                        return false;
                    }
                }

                return true;
            }

            case JArray expectedArray:
            {
                if (actual is not JArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    return false;
                }

                if (parentKey == "@list")
                {
                    for (var i = 0; i < expectedArray.Count; i++)
                    {
                        if (!Equivalent(expectedArray[i], actualArray[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                return MatchUnordered(expectedArray, actualArray, 0, new bool[actualArray.Count], parentKey);
            }

            default:
            {
                if (actual is JContainer)
                {
                    return false;
                }

                var e = (JValue)expected;
                var a = (JValue)actual;
                if (e.Type is JTokenType.Integer or JTokenType.Float && a.Type is JTokenType.Integer or JTokenType.Float)
                {
                    return Convert.ToDouble(e.Value, System.Globalization.CultureInfo.InvariantCulture) ==
                           Convert.ToDouble(a.Value, System.Globalization.CultureInfo.InvariantCulture);
                }

                if (parentKey == "@language" && e.Type == JTokenType.String && a.Type == JTokenType.String)
                {
                    return string.Equals((string?)e, (string?)a, StringComparison.OrdinalIgnoreCase);
                }

                return JToken.DeepEquals(e, a);
            }
        }
    }

    // Backtracking multiset match; test arrays are small.
    private static bool MatchUnordered(JArray expected, JArray actual, int index, bool[] used, string? parentKey)
    {
        if (index == expected.Count)
        {
            return true;
        }

        for (var j = 0; j < actual.Count; j++)
        {
            if (!used[j] && Equivalent(expected[index], actual[j], parentKey))
            {
                used[j] = true;
                if (MatchUnordered(expected, actual, index + 1, used, parentKey))
                {
                    return true;
                }

                used[j] = false;
            }
        }

        return false;
    }
}
