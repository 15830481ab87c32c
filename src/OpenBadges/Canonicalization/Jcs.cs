using System.Globalization;
using System.Numerics;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Canonicalization;

/// <summary>
/// The JSON Canonicalization Scheme, RFC 8785: no whitespace, object members sorted by the UTF-16 code
/// units of their names, strings escaped as ECMAScript's <c>JSON.stringify</c> does, and numbers written
/// as ECMAScript's <c>Number.prototype.toString</c> writes an IEEE 754 double. Used by eddsa-jcs-2022.
/// </summary>
/// <remarks>
/// Inputs that RFC 8785 (I-JSON) excludes are refused with an <see cref="ArgumentException"/> naming the
/// JSON path: NaN and infinities, numbers outside the double range, strings or names with a lone
/// surrogate, and Newtonsoft values that are not JSON (dates, byte arrays…; parse with
/// <see cref="OpenBadges.Json.JsonInput"/>, which keeps date-like strings as strings).
/// </remarks>
public static class Jcs
{
    /// <summary>The canonical JSON text of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value holds something RFC 8785 cannot represent.</exception>
    public static string Canonicalize(JToken value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        Canonicalize(value, builder);
        return builder.ToString();
    }

    /// <summary>Appends the canonical JSON text of <paramref name="value"/> to <paramref name="into"/>.</summary>
    /// <exception cref="ArgumentException">The value holds something RFC 8785 cannot represent.</exception>
    public static void Canonicalize(JToken value, StringBuilder into)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(into);
        Write(value, into);
    }

    /// <summary>The canonical JSON text of a document read through a view (the root's hidden member left out, its context replaced).</summary>
    internal static string Canonicalize(OpenBadges.JsonLd.DocumentView view)
    {
        var builder = new StringBuilder();
        WriteObject(view.Root, builder, view);
        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="value"/> as ECMAScript's Number::toString writes it (RFC 8785 §3.2.2.3): the shortest
    /// digits that read back to the same double, plain notation for decimal exponents from -6 to 20, otherwise
    /// <c>d.ddde±n</c>; <c>-0</c> is written <c>0</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public static string SerializeNumber(double value)
    {
        var builder = new StringBuilder(24);
        AppendNumber(builder, value, null);
        return builder.ToString();
    }

    private static void Write(JToken token, StringBuilder into)
    {
        switch (token.Type)
        {
            case JTokenType.Object:
                WriteObject((JObject)token, into);
                break;
            case JTokenType.Array:
                into.Append('[');
                var first = true;
                foreach (var item in (JArray)token)
                {
                    if (!first)
                    {
                        into.Append(',');
                    }

                    first = false;
                    Write(item, into);
                }

                into.Append(']');
                break;
            case JTokenType.String:
                AppendString(into, (string)((JValue)token).Value!, token);
                break;
            case JTokenType.Integer:
            case JTokenType.Float:
                AppendNumber(into, ToDouble((JValue)token), token);
                break;
            case JTokenType.Boolean:
                into.Append((bool)((JValue)token).Value! ? "true" : "false");
                break;
            case JTokenType.Null:
                into.Append("null");
                break;
            case JTokenType.Uri:
                // Newtonsoft writes a Uri value as a JSON string of its original text; so do we.
                AppendString(into, ((Uri)((JValue)token).Value!).OriginalString, token);
                break;
            case JTokenType.Guid:
                AppendString(into, ((Guid)((JValue)token).Value!).ToString("D"), token);
                break;
            default:
                throw new ArgumentException(
                    $"JCS (RFC 8785) cannot canonicalize the {token.Type} value at '{token.Path}': it is not a JSON value. " +
                    "Parse JSON with OpenBadges.Json.JsonInput (date-like strings stay strings) or store it as a string.",
                    "value");
        }
    }

    private static void WriteObject(JObject obj, StringBuilder into, OpenBadges.JsonLd.DocumentView? view = null)
    {
        // RFC 8785 §3.2.3: sort member names by their UTF-16 code units, which is exactly ordinal comparison
        // of .NET strings (a name starting with a surrogate pair sorts below one starting with U+E000..U+FFFF).
        var properties = new JProperty[obj.Count + 1];
        var count = 0;
        for (var member = obj.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (view is null || !view.Hides(obj, property.Name))
            {
                properties[count++] = property;
            }
        }

        if (view?.Context is { } context)
        {
            // The view's @context in place of the document's (the JProperty only carries the name and value here).
            properties[count++] = new JProperty("@context", context);
        }

        Array.Sort(properties, 0, count, PropertyNameOrder.Instance);

        into.Append('{');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                into.Append(',');
            }

            AppendString(into, properties[i].Name, properties[i]);
            into.Append(':');
            Write(properties[i].Value, into);
        }

        into.Append('}');
    }

    private sealed class PropertyNameOrder : IComparer<JProperty>
    {
        public static readonly PropertyNameOrder Instance = new();

        public int Compare(JProperty? x, JProperty? y) => string.CompareOrdinal(x!.Name, y!.Name);
    }

    private static double ToDouble(JValue value) => value.Value switch
    {
        double d => d,
        float f => f,
        long l => l, // the conversion rounds to nearest, as JSON.parse does for a long integer literal
        int i => i,
        ulong u => u,
        // decimal and BigInteger: go through their exact decimal text so the rounding to a double is the
        // correctly rounded one (what an ECMAScript parser would produce from the same digits).
        decimal m => double.Parse(m.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
        BigInteger b => double.Parse(b.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value.Value, CultureInfo.InvariantCulture),
    };

    // `at` is the token whose JSON path an error names; the path is only worked out when there is an error
    // (JToken.Path walks the ancestors and allocates: per value, it cost more than the canonicalization).
    private static string PathOf(JToken? at) => at?.Path ?? "the value";

    private static void AppendNumber(StringBuilder into, double value, JToken? at)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(
                $"JCS (RFC 8785) cannot represent the number at '{PathOf(at)}': {value.ToString(CultureInfo.InvariantCulture)} is not a finite IEEE 754 double (numbers beyond ±1.7976931348623157e+308 overflow to infinity).",
                "value");
        }

        if (value == 0)
        {
            into.Append('0'); // both +0 and -0
            return;
        }

        if (value < 0)
        {
            into.Append('-');
            value = -value;
        }

        // .NET (Core 3.0+) "R" gives the shortest digit string that round-trips, the same digits
        // ECMAScript picks; only the layout differs, so take the digits and the exponent and lay them out again.
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A double did not fit in 32 characters.");
        }

        // digits: the significant digits without '.', leading or trailing zeros; pointPosition: where the
        // decimal point goes relative to the first digit (ECMAScript's n), so value = 0.digits × 10^n.
        Span<char> digits = stackalloc char[32];
        var digitCount = 0;
        var pointPosition = 0;
        var seenPoint = false;
        var exponent = 0;
        for (var i = 0; i < written; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                seenPoint = true;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(text[(i + 1)..written], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else if (c == '0' && digitCount == 0)
            {
                if (seenPoint)
                {
                    pointPosition--; // a leading zero after the point, as in 0.000123
                }
            }
            else
            {
                digits[digitCount++] = c;
                if (!seenPoint)
                {
                    pointPosition++;
                }
            }
        }

        while (digitCount > 1 && digits[digitCount - 1] == '0')
        {
            digitCount--;
        }

        var k = digitCount;
        var n = pointPosition + exponent;
        var s = digits[..k];

        if (k <= n && n <= 21)
        {
            // Integer: the digits followed by n - k zeros.
            into.Append(s).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            // The point falls inside the digits.
            into.Append(s[..n]).Append('.').Append(s[n..]);
        }
        else if (-6 < n && n <= 0)
        {
            // Small: "0." then -n zeros then the digits.
            into.Append("0.").Append('0', -n).Append(s);
        }
        else
        {
            // Exponential: d[.ddd]e±(n-1).
            into.Append(s[0]);
            if (k > 1)
            {
                into.Append('.').Append(s[1..]);
            }

            var e = n - 1;
            into.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AppendString(StringBuilder into, string text, JToken at)
    {
        into.Append('"');
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                // RFC 8785 §3.2.2.2: lone surrogates must make a JCS implementation stop with an error.
                throw new ArgumentException(
                    $"JCS (RFC 8785) cannot canonicalize the string at '{PathOf(at)}': it contains a lone surrogate U+{(int)c:X4} at index {i}.",
                    "value");
            }

            into.Append(text, runStart, i - runStart);
            runStart = i + 1;
            switch (c)
            {
                case '"': into.Append("\\\""); break;
                case '\\': into.Append("\\\\"); break;
                case '\b': into.Append("\\b"); break;
                case '\t': into.Append("\\t"); break;
                case '\n': into.Append("\\n"); break;
                case '\f': into.Append("\\f"); break;
                case '\r': into.Append("\\r"); break;
                default:
                    into.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        into.Append(text, runStart, text.Length - runStart);
        into.Append('"');
    }
}
