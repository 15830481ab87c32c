using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.SdJwt;

/// <summary>
/// A path to a claim, as SD-JWT VC Type Metadata writes it (<c>claims[].path</c>): object member names and array indexes
/// (null = every element). Text form <c>credentialSubject.achievement.name</c>, <c>credentialSubject.result[0].value</c>,
/// <c>items[*]</c>. A member name written <c>name[0]</c> inside a JSON path (as DC4EU's metadata does) is read as the name
/// followed by the index. Immutable; equal when the segments are equal.
/// </summary>
public sealed class ClaimPath : IEquatable<ClaimPath>
{
    private readonly object?[] _segments;

    private ClaimPath(object?[] segments) => _segments = segments;

    /// <summary>The segments: <see cref="string"/> member names, <see cref="int"/> indexes, or null for every array element.</summary>
    public IReadOnlyList<object?> Segments => _segments;

    /// <summary>The number of segments.</summary>
    public int Count => _segments.Length;

    /// <summary>The path of the top-level claim <paramref name="name"/>.</summary>
    public static ClaimPath Root(string name) => new([name]);

    /// <summary>This path extended by a member name.</summary>
    public ClaimPath Member(string name) => new([.. _segments, name]);

    /// <summary>This path extended by an array index.</summary>
    public ClaimPath Index(int index) => new([.. _segments, index]);

    /// <summary>The path without its last segment (null for a one-segment path).</summary>
    public ClaimPath? Parent => _segments.Length <= 1 ? null : new(_segments[..^1]);

    /// <summary>True when this path is <paramref name="other"/> or lies inside it (an index matches a null segment).</summary>
    public bool IsWithin(ClaimPath other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._segments.Length > _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < other._segments.Length; i++)
        {
            if (!SegmentMatches(other._segments[i], _segments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the text form (<c>a.b[0].c</c>, <c>a[*]</c>).</summary>
    /// <exception cref="FormatException">Not a path.</exception>
    public static ClaimPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<object?>();
        foreach (var part in text.Split('.'))
        {
            AddTextSegment(part, segments, text);
        }

        return new ClaimPath([.. segments]);
    }

    /// <summary>Reads a JSON array path (<c>["a", "b", 0, null]</c>); strings of the form <c>name[0]</c> split into name and index.</summary>
    /// <exception cref="FormatException">Not an array of strings, non-negative integers and nulls.</exception>
    public static ClaimPath FromJson(JToken path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path is not JArray { Count: > 0 } array)
        {
            throw SdJwtErrors.ClaimPathNotArray();
        }

        var segments = new List<object?>();
        foreach (var item in array)
        {
            switch (item)
            {
                case JValue { Type: JTokenType.String } s:
                    AddTextSegment((string)s!, segments, array.ToString(Newtonsoft.Json.Formatting.None));
                    break;
                case JValue { Type: JTokenType.Integer } i when (long)i! is >= 0 and <= int.MaxValue:
                    segments.Add((int)(long)i!);
                    break;
                case JValue { Type: JTokenType.Null }:
                    segments.Add(null);
                    break;
                default:
                    throw SdJwtErrors.ClaimPathSegmentInvalid(item);
            }
        }

        return new ClaimPath([.. segments]);
    }

    /// <summary>The JSON array form.</summary>
    public JArray ToJson() => new(_segments.Select(s => s switch
    {
        string name => new JValue(name),
        int index => new JValue(index),
        _ => JValue.CreateNull(),
    }));

    /// <summary>The value at this path in <paramref name="document"/>, or null when absent (a null segment is not followed).</summary>
    public JToken? Find(JToken document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var current = document;
        foreach (var segment in _segments)
        {
            current = segment switch
            {
                string name when current is JObject o => o[name],
                int index when current is JArray a && index < a.Count => a[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case string name:
                    if (text.Length > 0)
                    {
                        text.Append('.');
                    }

                    text.Append(name);
                    break;
                case int index:
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                default:
                    text.Append("[*]");
                    break;
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(ClaimPath? other) =>
        other is not null && _segments.Length == other._segments.Length && _segments.Zip(other._segments).All(p => Equals(p.First, p.Second));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClaimPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var segment in _segments)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    private static bool SegmentMatches(object? pattern, object? actual) => pattern is null ? actual is int or null : Equals(pattern, actual);

    private static void AddTextSegment(string part, List<object?> segments, string whole)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? part : part[..bracket];
        if (name.Length > 0)
        {
            segments.Add(name);
        }
        else if (bracket != 0 || segments.Count == 0)
        {
            throw SdJwtErrors.ClaimPathEmptyMember(whole);
        }

        var rest = bracket < 0 ? string.Empty : part[bracket..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (rest[0] != '[' || close < 2)
            {
                throw SdJwtErrors.ClaimPathMalformedIndex(whole, part);
            }

            var inner = rest[1..close];
            if (inner == "*")
            {
                segments.Add(null);
            }
            else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                segments.Add(index);
            }
            else
            {
                throw SdJwtErrors.ClaimPathInvalidIndex(whole, inner);
            }

            rest = rest[(close + 1)..];
        }
    }
}
