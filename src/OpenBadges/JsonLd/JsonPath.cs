using System.Text;

namespace OpenBadges.JsonLd;

/// <summary>
/// A location in a JSON document, as an immutable linked list built while walking it: cheap to extend,
/// formatted (<c>$.credentialSubject.name[0]</c>) only when an event or error needs it.
/// </summary>
internal sealed class JsonPath
{
    private readonly JsonPath? _parent;
    private readonly string? _key;
    private readonly int _index;

    private JsonPath(JsonPath? parent, string? key, int index)
    {
        _parent = parent;
        _key = key;
        _index = index;
    }

    /// <summary>The document root, <c>$</c>.</summary>
    public static JsonPath Root { get; } = new(null, "$", -1);

    /// <summary>The root of another document (a remote context, an option), named in angle brackets.</summary>
    public static JsonPath OfDocument(string url) => new(null, "<" + url + ">", -1);

    /// <summary>A root described in words (toRdf names nodes, not document positions).</summary>
    public static JsonPath OfLabel(string label) => new(null, label, -1);

    /// <summary>The member <paramref name="key"/> of this object.</summary>
    public JsonPath Key(string key) => new(this, key, -1);

    /// <summary>The item <paramref name="index"/> of this array.</summary>
    public JsonPath Index(int index) => new(this, null, index);

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<JsonPath>();
        for (var p = this; p is not null; p = p._parent)
        {
            parts.Add(p);
        }

        var builder = new StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var part = parts[i];
            if (part._parent is null)
            {
                builder.Append(part._key);
            }
            else if (part._key is null)
            {
                builder.Append('[').Append(part._index).Append(']');
            }
            else if (IsPlainName(part._key))
            {
                builder.Append('.').Append(part._key);
            }
            else
            {
                builder.Append("['").Append(part._key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return builder.ToString();
    }

    private static bool IsPlainName(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '@' or '-' or '$'))
            {
                return false;
            }
        }

        return true;
    }
}
