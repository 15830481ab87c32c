using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Model;

/// <summary>
/// Reads and writes the Open Badges model. One configuration for the whole package: strings are never
/// sniffed as dates (a signed <c>2024-09-01T00:00:00Z</c> must stay byte-identical), nulls and empty arrays
/// are not written, and properties the model does not name are kept.
/// </summary>
public static class OpenBadgesJsonSerializer
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Double,
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        ContractResolver = new OpenBadgesContractResolver(),
        MaxDepth = JsonLimits.Default.MaxDepth,
    });

    /// <summary>Reads <typeparamref name="T"/> from JSON text, parsed safely (see <see cref="JsonInput"/>).</summary>
    /// <exception cref="JsonInputException">The text is not acceptable JSON or does not fit the model; the message names the path.</exception>
    public static T FromJson<T>(string json, JsonLimits? limits = null)
        where T : OpenBadgesObject =>
        FromJson<T>(JsonInput.Parse(json, limits));

    /// <summary>Reads <typeparamref name="T"/> from a parsed JSON value.</summary>
    /// <exception cref="JsonInputException">The value does not fit the model (e.g. a string where an object is required); the message names the path.</exception>
    public static T FromJson<T>(JToken json)
        where T : OpenBadgesObject
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Type != JTokenType.Object)
        {
            throw ModelErrors.NotAnObjectFor(typeof(T).Name, json.Type, json.Path);
        }

        JsonInput.RequirePlainJson(json);

        try
        {
            return json.ToObject<T>(Serializer)!;
        }
        catch (JsonException e)
        {
            var path = (e as JsonSerializationException)?.Path ?? (e as JsonReaderException)?.Path;
            throw ModelErrors.CannotRead(typeof(T).Name, (string.IsNullOrEmpty(path) ? string.Empty : $" at '{path}'"), FirstSentence(e.Message), path, e);
        }
    }

    /// <summary>Writes a model object as a new JSON object.</summary>
    public static JObject ToJObject(OpenBadgesObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JObject.FromObject(value, Serializer);
    }

    // Newtonsoft appends "Path '…', line N, position M." to its messages; the path is reported separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
