using System.Numerics;
using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>
/// Numbers (credits, coordinates) as <see cref="decimal"/>, written back in the form they were read:
/// an integer stays an integer (<c>5</c>) and a number with a fraction part keeps one (<c>5.0</c>, <c>1.5</c>).
/// Why it matters: JSON.NET writes every decimal with a ".0", which would turn <c>5</c> into <c>5.0</c>;
/// JSON-LD processors in other languages read those as different RDF literals (xsd:integer vs xsd:double),
/// so a credential re-serialized by this model would no longer match its signature.
/// </summary>
internal sealed class DecimalNumberConverter : JsonConverter<decimal?>
{
    public override decimal? ReadJson(JsonReader reader, Type objectType, decimal? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        try
        {
            return reader.TokenType switch
            {
                JsonToken.Null => null,
                JsonToken.Integer => reader.Value is BigInteger big ? (decimal)big : Convert.ToDecimal(reader.Value, System.Globalization.CultureInfo.InvariantCulture),
                // decimal + 0.0m keeps at least one fraction digit (decimal arithmetic keeps the larger scale),
                // remembering that the JSON had a fraction part even when it was ".0".
                JsonToken.Float => Convert.ToDecimal(reader.Value, System.Globalization.CultureInfo.InvariantCulture) + 0.0m,
                _ => throw ModelErrors.NotANumber(reader.TokenType),
            };
        }
        catch (OverflowException e)
        {
            throw ModelErrors.NumberOutOfRange(reader.Value, e);
        }
    }

    public override void WriteJson(JsonWriter writer, decimal? value, JsonSerializer serializer)
    {
        if (value is not { } number)
        {
            writer.WriteNull();
        }
        else if (number.Scale == 0 && number >= long.MinValue && number <= long.MaxValue)
        {
            writer.WriteValue((long)number);
        }
        else if (number.Scale == 0)
        {
            writer.WriteValue(new BigInteger(number));
        }
        else
        {
            writer.WriteValue(number);
        }
    }
}
