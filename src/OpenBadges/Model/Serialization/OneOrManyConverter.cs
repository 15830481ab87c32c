using System.Collections.ObjectModel;
using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>
/// Reads a property that JSON-LD allows as one value or an array of values into an
/// <see cref="IReadOnlyList{T}"/>, and writes it back in the shape it was read (see <see cref="SingleValueList{T}"/>).
/// Lists built in code are written as arrays.
/// </summary>
internal sealed class OneOrManyConverter<T> : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(IReadOnlyList<T>);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                return null;
            case JsonToken.StartArray:
                var items = new List<T>();
                while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                {
                    items.Add(serializer.Deserialize<T>(reader)!);
                }

                return new ReadOnlyCollection<T>(items);
            default:
                return new SingleValueList<T>(serializer.Deserialize<T>(reader)!);
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is SingleValueList<T> { Count: 1 } single)
        {
            serializer.Serialize(writer, single[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in (IEnumerable<T>)value!)
        {
            serializer.Serialize(writer, item);
        }

        writer.WriteEndArray();
    }
}
