using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

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
        using var writer = Writer.Take();
        writer.Write(value);
        return writer.Output.ToText();
    }

    /// <summary>Appends the canonical JSON text of <paramref name="value"/> to <paramref name="into"/>.</summary>
    /// <exception cref="ArgumentException">The value holds something RFC 8785 cannot represent.</exception>
    public static void Canonicalize(JToken value, StringBuilder into)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(into);
        using var writer = Writer.Take();
        writer.Write(value);
        writer.Output.AppendTo(into);
    }

    /// <summary>
    /// SHA-256 of the UTF-8 of <see cref="Canonicalize(JToken)"/>'s result into <paramref name="destination"/>: the
    /// canonical form is written as UTF-8 straight into a pooled buffer, never as a string (the eddsa-jcs-2022 hot path).
    /// </summary>
    /// <exception cref="ArgumentException">The value holds something RFC 8785 cannot represent.</exception>
    internal static void Sha256(JToken value, Span<byte> destination)
    {
        using var writer = Writer.Take();
        writer.Write(value);
        writer.Sha256(destination);
    }

    /// <summary>As above, for a document read through a view (the root's hidden member left out, its context replaced).</summary>
    internal static void Sha256(DocumentView view, Span<byte> destination)
    {
        using var writer = Writer.Take();
        writer.WriteObject(view.Root, view);
        writer.Sha256(destination);
    }

    /// <summary>
    /// <paramref name="value"/> as ECMAScript's Number::toString writes it (RFC 8785 §3.2.2.3): the shortest
    /// digits that read back to the same double, plain notation for decimal exponents from -6 to 20, otherwise
    /// <c>d.ddde±n</c>; <c>-0</c> is written <c>0</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is NaN or infinite.</exception>
    public static string SerializeNumber(double value)
    {
        Span<char> text = stackalloc char[MaxNumberLength];
        return new string(text[..FormatNumber(value, null, text)]);
    }

    /// <summary>One canonicalization: the UTF-8 output and the stack of object members being sorted.</summary>
    /// <remarks>
    /// The last writer used on a thread is kept for the next canonicalization there (a proof canonicalizes twice),
    /// with its buffers, unless they grew past <see cref="MaxKeptBytes"/>; <see cref="Dispose"/> hands it back.
    /// </remarks>
    private sealed class Writer : IDisposable
    {
        private const int MaxKeptBytes = 64 * 1024;

        [ThreadStatic]
        private static Writer? t_spare;

        private Member[] _members = ArrayPool<Member>.Shared.Rent(64);
        private int _top;
        private IncrementalHash? _sha256;

        private Writer()
        {
        }

        public Utf8Output Output { get; private set; } = new();

        /// <summary>SHA-256 of what was written, into <paramref name="destination"/>.</summary>
        /// <remarks>With a hash object kept with the writer: the one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/> sets up and frees a native digest context per call.</remarks>
        public void Sha256(Span<byte> destination)
        {
            if (destination.Length == SHA384.HashSizeInBytes)
            {
                // ecdsa-jcs-2019 with a P-384 key hashes with SHA-384: rare, so no hash object is kept for it.
                SHA384.HashData(Output.Written, destination);
                return;
            }

            _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _sha256.AppendData(Output.Written);
            _sha256.GetHashAndReset(destination);
        }

        /// <summary>This thread's spare writer, or a new one.</summary>
        public static Writer Take()
        {
            var writer = t_spare ?? new Writer();
            t_spare = null;
            return writer;
        }

        // The token's Type says its class (Object: JObject, Array: JArray, the value types: JValue), so the casts
        // below are unchecked: a checked cast to these unsealed classes was a measurable part of the walk.
        public void Write(JToken token)
        {
            switch (token.Type)
            {
                case JTokenType.Object:
                    WriteObject(Unsafe.As<JObject>(token), null);
                    break;
                case JTokenType.Array:
                    Output.Write((byte)'[');
                    // First/Next: JArray's enumerator is an allocated iterator.
                    for (var item = Unsafe.As<JArray>(token).First; item is not null; item = item.Next)
                    {
                        if (item.Previous is not null)
                        {
                            Output.Write((byte)',');
                        }

                        Write(item);
                    }

                    Output.Write((byte)']');
                    break;
                case JTokenType.String:
                    WriteString((string)Unsafe.As<JValue>(token).Value!, token); // checked: a JValue made from a char is a String too
                    break;
                case JTokenType.Integer:
                case JTokenType.Float:
                    WriteNumber(Unsafe.As<JValue>(token));
                    break;
                case JTokenType.Boolean:
                    Output.Write((bool)Unsafe.As<JValue>(token).Value! ? "true"u8 : "false"u8);
                    break;
                case JTokenType.Null:
                    Output.Write("null"u8);
                    break;
                case JTokenType.Uri:
                    // Newtonsoft writes a Uri value as a JSON string of its original text; so do we.
                    WriteString(((Uri)Unsafe.As<JValue>(token).Value!).OriginalString, token);
                    break;
                case JTokenType.Guid:
                    WriteString(((Guid)Unsafe.As<JValue>(token).Value!).ToString("D"), token);
                    break;
                default:
                    throw JsonErrors.JcsNotAJsonValue(token.Type, token.Path);
            }
        }

        private void WriteNumber(JValue value)
        {
            Span<char> number = stackalloc char[MaxNumberLength];
            Output.WriteAscii(number[..FormatNumber(ToDouble(value), value, number)]);
        }

        public void WriteObject(JObject obj, DocumentView? view)
        {
            // The members go on a stack shared by the whole walk (nested objects above their parent's), sorted in place.
            // RFC 8785 §3.2.3: sort member names by their UTF-16 code units, which is exactly ordinal comparison
            // of .NET strings (a name starting with a surrogate pair sorts below one starting with U+E000..U+FFFF).
            var bottom = _top;
            Reserve(obj.Count + 1);
            for (var member = obj.First; member is not null; member = member.Next)
            {
                // A JObject's children are JProperty objects, always (Newtonsoft refuses anything else): no checked cast.
            var property = Unsafe.As<JProperty>(member);
                if (view is null || !view.Hides(obj, property.Name))
                {
                    _members[_top++] = new Member(property.Name, property.Value);
                }
            }

            if (view?.Context is { } context && ReferenceEquals(obj, view.Root))
            {
                // The view's @context in place of the document's.
                _members[_top++] = new Member("@context", context);
            }

            var members = _members.AsSpan(bottom, _top - bottom);
            SortByName(members);

            Output.Write((byte)'{');
            for (var i = 0; i < members.Length; i++)
            {
                if (i > 0)
                {
                    Output.Write((byte)',');
                }

                // Read again from the array each time: a nested object may have grown (replaced) it.
                var (name, value) = _members[bottom + i];
                WriteString(name, value);
                Output.Write((byte)':');
                Write(value);
            }

            Output.Write((byte)'}');
            Array.Clear(_members, bottom, _top - bottom);
            _top = bottom;
        }

        // What JSON.stringify escapes: the quote, the backslash and the C0 controls. Everything else, surrogate pairs
        // included, is written as it is (in UTF-8); a lone surrogate is refused by the UTF-8 output.
        private static readonly SearchValues<char> Escaped = SearchValues.Create(
            "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
            "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

        // Printable ASCII but the quote and the backslash: written as they are, one byte each.
        private static readonly SearchValues<char> Plain = SearchValues.Create(
            " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

        private void WriteString(string text, JToken at)
        {
            if (!text.AsSpan().ContainsAnyExcept(Plain))
            {
                // Most names and values: nothing to escape, nothing beyond ASCII; one check, one narrowing copy.
                Output.WriteQuotedAscii(text);
                return;
            }

            Output.Write((byte)'"');
            var start = 0;
            while (true)
            {
                // The next character to escape is found with a vectorized search; the run before it is copied as UTF-8.
                var found = text.AsSpan(start).IndexOfAny(Escaped);
                var run = found < 0 ? text.AsSpan(start) : text.AsSpan(start, found);
                if (!Output.TryWriteUtf16(run, out var invalidAt))
                {
                    // RFC 8785 §3.2.2.2: lone surrogates must make a JCS implementation stop with an error.
                    var i = start + invalidAt;
                    throw JsonErrors.JcsLoneSurrogate(PathOf(at), (int)text[i], i);
                }

                if (found < 0)
                {
                    break;
                }

                var c = text[start + found];
                start += found + 1;
                switch (c)
                {
                    case '"': Output.Write("\\\""u8); break;
                    case '\\': Output.Write("\\\\"u8); break;
                    case '\b': Output.Write("\\b"u8); break;
                    case '\t': Output.Write("\\t"u8); break;
                    case '\n': Output.Write("\\n"u8); break;
                    case '\f': Output.Write("\\f"u8); break;
                    case '\r': Output.Write("\\r"u8); break;
                    default:
                        Output.Write("\\u00"u8);
                        Output.Write(Hex(c >> 4));
                        Output.Write(Hex(c & 0xF));
                        break;
                }
            }

            Output.Write((byte)'"');
        }

        /// <summary>Empties the writer and keeps it as this thread's spare, or returns its buffers to the pool when they grew large.</summary>
        public void Dispose()
        {
            Array.Clear(_members, 0, _top); // no reference into the document is kept (after an error, members are left)
            _top = 0;
            if (Output.Capacity <= MaxKeptBytes && _members.Length * Unsafe.SizeOf<Member>() <= MaxKeptBytes)
            {
                Output.Clear();
                t_spare = this;
                return;
            }

            Output.Dispose();
            Output = new Utf8Output();
            ArrayPool<Member>.Shared.Return(_members);
            _members = ArrayPool<Member>.Shared.Rent(64);
            t_spare = this;
        }

        private void Reserve(int count)
        {
            if (_members.Length - _top < count)
            {
                var larger = ArrayPool<Member>.Shared.Rent(Math.Max(_members.Length * 2, _top + count));
                Array.Copy(_members, larger, _top);
                Array.Clear(_members, 0, _top);
                ArrayPool<Member>.Shared.Return(_members);
                _members = larger;
            }
        }
    }

    /// <summary>An object member: its name and value (the value also names the JSON path in an error).</summary>
    private readonly record struct Member(string Name, JToken Value);

    // A cached delegate: sorting with an IComparer makes a new Comparison delegate (and boxes a struct comparer) per call.
    private static readonly Comparison<Member> ByName = static (x, y) => string.CompareOrdinal(x.Name, y.Name);

    /// <summary>Sorts by name: an insertion sort for the usual small object (no delegate call per comparison), else <see cref="MemoryExtensions.Sort{T}(Span{T}, Comparison{T})"/>.</summary>
    private static void SortByName(Span<Member> members)
    {
        if (members.Length > 16)
        {
            members.Sort(ByName);
            return;
        }

        for (var i = 1; i < members.Length; i++)
        {
            var item = members[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(members[j].Name, item.Name) > 0)
            {
                members[j + 1] = members[j];
                j--;
            }

            members[j + 1] = item;
        }
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

    // The longest text FormatNumber writes: a sign and 21 integer digits, "0." with 5 zeros and 17 digits, or
    // 17 digits with a point and "e-324"; 32 leaves room.
    private const int MaxNumberLength = 32;

    /// <summary>Writes <paramref name="value"/> as <see cref="SerializeNumber"/> describes into <paramref name="into"/>; returns the length.</summary>
    private static int FormatNumber(double value, JToken? at, Span<char> into)
    {
        if (!double.IsFinite(value))
        {
            throw JsonErrors.JcsNumberNotFinite(PathOf(at), value.ToString(CultureInfo.InvariantCulture));
        }

        var length = 0;
        if (value == 0)
        {
            into[length++] = '0'; // both +0 and -0
            return length;
        }

        if (value < 0)
        {
            into[length++] = '-';
            value = -value;
        }

        // .NET (Core 3.0+) "R" gives the shortest digit string that round-trips, the same digits
        // ECMAScript picks; only the layout differs, so take the digits and the exponent and lay them out again.
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture))
        {
            throw JsonErrors.JcsDoubleTooLong();
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
            length += Append(into[length..], s);
            into.Slice(length, n - k).Fill('0');
            length += n - k;
        }
        else if (0 < n && n <= 21)
        {
            // The point falls inside the digits.
            length += Append(into[length..], s[..n]);
            into[length++] = '.';
            length += Append(into[length..], s[n..]);
        }
        else if (-6 < n && n <= 0)
        {
            // Small: "0." then -n zeros then the digits.
            into[length++] = '0';
            into[length++] = '.';
            into.Slice(length, -n).Fill('0');
            length += -n;
            length += Append(into[length..], s);
        }
        else
        {
            // Exponential: d[.ddd]e±(n-1).
            into[length++] = s[0];
            if (k > 1)
            {
                into[length++] = '.';
                length += Append(into[length..], s[1..]);
            }

            var e = n - 1;
            into[length++] = 'e';
            into[length++] = e < 0 ? '-' : '+';
            if (!Math.Abs(e).TryFormat(into[length..], out var exponentLength, provider: CultureInfo.InvariantCulture))
            {
                throw JsonErrors.JcsExponentTooLong();
            }

            length += exponentLength;
        }

        return length;
    }

    private static int Append(Span<char> into, ReadOnlySpan<char> text)
    {
        text.CopyTo(into);
        return text.Length;
    }

    // A control character's hex digit, lower case as JSON.stringify writes it.
    private static byte Hex(int digit) => (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
}
