using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>
/// Reads a value that may be a bare IRI string or a full object (an issuer, an image), and writes it back
/// the same way. Attached per property, so the nested (de)serialization of the object form does not recurse here.
/// </summary>
internal sealed class ReferenceOrObjectConverter<T> : JsonConverter
    where T : OpenBadgesObject, IIdReferenceable<T>
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.Null => null,
            JsonToken.String => T.FromReference((string)reader.Value!),
            JsonToken.StartObject => serializer.Deserialize<T>(reader),
            _ => throw ModelErrors.NotReferenceOrObject(typeof(T).Name, reader.TokenType),
        };

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        var item = (T)value!;
        if (item.IsReference)
        {
            writer.WriteValue(item.Id);
        }
        else
        {
            serializer.Serialize(writer, item);
        }
    }
}
