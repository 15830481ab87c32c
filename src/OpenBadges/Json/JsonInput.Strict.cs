using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

public static partial class JsonInput
{
    // The shortest text that round-trips a double has at most 17 significant digits.
    private const int MaxSignificantDigits = 17;

    /// <summary>
    /// Second reading of text Newtonsoft accepted, by System.Text.Json's reader, which is strict RFC 8259 by default:
    /// whatever Newtonsoft's leniency let through (comments, trailing commas, single quotes, NaN, hex numbers, control
    /// characters in strings, lone surrogates, content after the value) is refused here. The same pass looks at each
    /// number's own text, which Newtonsoft's double has already rounded away, and marks the numbers a double does not hold.
    /// </summary>
    private static void RequireStrict(string json, JToken token, JsonLimits limits)
    {
        byte[] utf8;
        int length;
        try
        {
            length = StrictUtf8.Encoding.GetByteCount(json);
            utf8 = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            StrictUtf8.Encoding.GetBytes(json, utf8);
        }
        catch (EncoderFallbackException e)
        {
            throw JsonErrors.TextLoneSurrogate(e.Index);
        }

        List<(int Ordinal, string Text)>? inexact = null;
        try
        {
            var reader = new Utf8JsonReader(utf8.AsSpan(0, length), new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                MaxDepth = limits.MaxDepth + 1, // Newtonsoft has already held the depth to the limit; this only must not refuse first.
            });
            var ordinal = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.Number)
                {
                    continue;
                }

                if (!IsExactAsDouble(reader.ValueSpan))
                {
                    var text = Encoding.ASCII.GetString(reader.ValueSpan[..Math.Min(reader.ValueSpan.Length, 48)]);
                    (inexact ??= []).Add((ordinal, reader.ValueSpan.Length > 48 ? text + "…" : text));
                }

                ordinal++;
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var position = (int)(e.BytePositionInLine ?? -1) + 1;
            throw JsonErrors.NotStrictJson(line, position, StrictReason(e.Message), e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }

        if (inexact is not null)
        {
            MarkInexact(token, inexact);
        }
    }

    // System.Text.Json ends its messages with "LineNumber: n | BytePositionInLine: m."; we report those ourselves.
    private static string StrictReason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    /// <summary>Annotates the numbers (counted in document order) whose text a double does not hold.</summary>
    private static void MarkInexact(JToken root, List<(int Ordinal, string Text)> inexact)
    {
        var ordinal = 0;
        var next = 0;
        var stack = new Stack<JToken>();
        stack.Push(root);
        while (stack.Count > 0 && next < inexact.Count)
        {
            var token = stack.Pop();
            if (token is JContainer container)
            {
                for (var child = container.Last; child is not null; child = child == container.First ? null : child.Previous)
                {
                    stack.Push(child);
                }

                continue;
            }

            if (token.Type is JTokenType.Integer or JTokenType.Float)
            {
                if (inexact[next].Ordinal == ordinal)
                {
                    token.AddAnnotation(new InexactNumberText(inexact[next].Text));
                    next++;
                }

                ordinal++;
            }
        }
    }

    /// <summary>
    /// True when the decimal the JSON number text denotes is exactly the one the shortest round-trip text of its double
    /// denotes: then no other text signs alike. An integer (no fraction, no exponent) is exact here: the 10^21 rule for
    /// integers is <see cref="RequireSignableJson"/>'s. <c>0.1000000000000000000001</c> (more than 17 significant
    /// digits) and <c>1e-400</c> (underflows to 0) are not.
    /// </summary>
    internal static bool IsExactAsDouble(ReadOnlySpan<byte> number)
    {
        if (number.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            return true;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return false; // overflow: RequireSignableJson refuses it by its value already
        }

        Span<byte> written = stackalloc byte[32];
        if (!value.TryFormat(written, out var count, "R", CultureInfo.InvariantCulture))
        {
            return false;
        }

        return DecimalText.TryRead(number, out var source) && DecimalText.TryRead(written[..count], out var roundTrip) && source.Equals(roundTrip);
    }

    /// <summary>A decimal number as its significant digits (at most 17 kept) and the power of ten of the first one.</summary>
    private readonly struct DecimalText
    {
        private readonly ulong _digits;
        private readonly int _count;
        private readonly long _exponent;

        private DecimalText(ulong digits, int count, long exponent)
        {
            _digits = digits;
            _count = count;
            _exponent = exponent;
        }

        public bool Equals(DecimalText other) =>
            _count == other._count && _digits == other._digits && (_count == 0 || _exponent == other._exponent);

        /// <summary>Reads JSON number text (also .NET's "R" output: <c>1E-07</c>, <c>-0</c>); false with more than 17 significant digits.</summary>
        public static bool TryRead(ReadOnlySpan<byte> text, out DecimalText value)
        {
            value = default;
            var i = 0;
            if (i < text.Length && text[i] == '-')
            {
                i++;
            }

            ulong digits = 0;
            var kept = 0;          // significant digits read so far, trailing zeros included
            var trailingZeros = 0; // of those, how many are zeros at the end
            long pointShift = 0;   // digits before the point, minus leading zeros after it
            var seenPoint = false;
            var seenNonZero = false;
            for (; i < text.Length && text[i] != 'e' && text[i] != 'E'; i++)
            {
                var c = text[i];
                if (c == '.')
                {
                    seenPoint = true;
                    continue;
                }

                if (c is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                if (!seenNonZero && c == '0')
                {
                    if (seenPoint)
                    {
                        pointShift--;
                    }

                    continue;
                }

                seenNonZero = true;
                if (!seenPoint)
                {
                    pointShift++;
                }

                if (c == '0')
                {
                    trailingZeros++;
                    continue;
                }

                // A nonzero digit: the zeros before it are significant after all.
                if (kept + trailingZeros + 1 > MaxSignificantDigits)
                {
                    return false;
                }

                for (; trailingZeros > 0; trailingZeros--)
                {
                    digits *= 10;
                    kept++;
                }

                digits = (digits * 10) + (ulong)(c - '0');
                kept++;
            }

            long exponent = 0;
            if (i < text.Length)
            {
                i++;
                var negative = false;
                if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
                {
                    negative = text[i] == '-';
                    i++;
                }

                for (; i < text.Length; i++)
                {
                    // Saturate: 1e999999999999 is as far out of a double's range as 1e400.
                    exponent = Math.Min((exponent * 10) + (text[i] - '0'), 1_000_000_000);
                }

                exponent = negative ? -exponent : exponent;
            }

            value = new DecimalText(digits, kept, pointShift + exponent);
            return true;
        }
    }
}

/// <summary>The text of a parsed JSON number that a double does not hold exactly (<see cref="JsonInput"/> marks such values).</summary>
internal sealed record InexactNumberText(string Text);
