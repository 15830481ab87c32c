using System.Globalization;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Model;

/// <summary>
/// Reads values out of a spec document, recording every problem (unknown field, wrong type) with its JSON path
/// instead of stopping at the first. The element code, when given, only prefixes the rule for the reader's benefit.
/// </summary>
internal sealed class MicroCredentialSpecReader
{
    public const string Element = "spec";

    // Fields a spec may carry anywhere for humans; never interpreted.
    private const string CommentField = "$comment";

    public List<MicroCredentialProblem> Problems { get; } = [];

    public void Problem(string path, string rule, string? element = null) =>
        Problems.Add(new(Element, path, element is null ? rule : $"{element}: {rule}"));

    /// <summary>Reports every field of <paramref name="json"/> not in <paramref name="known"/>.</summary>
    public void RejectUnknownFields(JObject json, string path, IReadOnlySet<string> known)
    {
        foreach (var property in json.Properties())
        {
            if (!known.Contains(property.Name) && property.Name != CommentField)
            {
                var suggestion = known.FirstOrDefault(name => string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase));
                Problem(Child(path, property.Name), suggestion is null
                    ? $"unknown field '{property.Name}'"
                    : $"unknown field '{property.Name}'; did you mean '{suggestion}'?");
            }
        }
    }

    public JObject? Object(JObject parent, string name, string path, string? element = null)
    {
        var value = Present(parent, name);
        if (value is null)
        {
            return null;
        }

        if (value is JObject json)
        {
            return json;
        }

        Problem(Child(path, name), $"must be an object; found {Describe(value)}", element);
        return null;
    }

    public IReadOnlyList<(JObject Item, string Path)> Objects(JObject parent, string name, string path, string? element = null)
    {
        var value = Present(parent, name);
        if (value is null)
        {
            return [];
        }

        if (value is not JArray array)
        {
            Problem(Child(path, name), $"must be an array of objects; found {Describe(value)}", element);
            return [];
        }

        var items = new List<(JObject, string)>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{Child(path, name)}[{i}]";
            if (array[i] is JObject item)
            {
                items.Add((item, itemPath));
            }
            else
            {
                Problem(itemPath, $"must be an object; found {Describe(array[i])}", element);
            }
        }

        return items;
    }

    public string? String(JObject parent, string name, string path, string? element = null, bool required = false)
    {
        var value = Present(parent, name);
        if (value is null)
        {
            if (required)
            {
                Problem(Child(path, name), "is required", element);
            }

            return null;
        }

        if (value.Type == JTokenType.String)
        {
            return (string)value!;
        }

        Problem(Child(path, name), $"must be a string; found {Describe(value)}", element);
        return null;
    }

    public IReadOnlyList<string>? Strings(JObject parent, string name, string path, string? element = null)
    {
        var value = Present(parent, name);
        if (value is null)
        {
            return null;
        }

        if (value is JArray array && array.All(item => item.Type == JTokenType.String))
        {
            return array.Select(item => (string)item!).ToList().AsReadOnly();
        }

        Problem(Child(path, name), $"must be an array of strings; found {Describe(value)}", element);
        return null;
    }

    public decimal? Number(JObject parent, string name, string path, string? element = null)
    {
        var value = Present(parent, name);
        if (value is null)
        {
            return null;
        }

        if (value.Type is JTokenType.Integer or JTokenType.Float)
        {
            try
            {
                // A big integer (BigInteger is not IConvertible) is read through its text; decimal holds 28 digits.
                return ((JValue)value).Value is System.Numerics.BigInteger big
                    ? decimal.Parse(big.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture)
                    : Convert.ToDecimal(((JValue)value).Value, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                Problem(Child(path, name), $"the number {value} is out of range", element);
                return null;
            }
        }

        Problem(Child(path, name), $"must be a number; found {Describe(value)}", element);
        return null;
    }

    public bool? Boolean(JObject parent, string name, string path, string? element = null)
    {
        var value = Present(parent, name);
        if (value is null)
        {
            return null;
        }

        if (value.Type == JTokenType.Boolean)
        {
            return (bool)value;
        }

        Problem(Child(path, name), $"must be true or false; found {Describe(value)}", element);
        return null;
    }

    public static string Child(string path, string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name}']";

    public static string Describe(JToken value) => value.Type switch
    {
        JTokenType.String => $"the string \"{value}\"",
        JTokenType.Integer or JTokenType.Float => $"the number {value.ToString(Newtonsoft.Json.Formatting.None)}",
        JTokenType.Boolean => $"the boolean {value.ToString(Newtonsoft.Json.Formatting.None)}",
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        _ => value.Type.ToString().ToLowerInvariant(),
    };

    // A JSON null is treated as absent: spec files generated from templates often carry explicit nulls.
    private static JToken? Present(JObject parent, string name) =>
        parent.TryGetValue(name, StringComparison.Ordinal, out var value) && value.Type != JTokenType.Null ? value : null;
}
