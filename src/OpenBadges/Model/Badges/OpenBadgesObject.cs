using System.Collections.ObjectModel;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Model;

/// <summary>
/// Base of every Open Badges 3.0 class in this model. It keeps the properties a class does not name
/// (extensions, newer spec terms) so that reading and writing a credential loses nothing.
/// </summary>
public abstract class OpenBadgesObject
{
    // Newtonsoft fills this while reading and writes it back after the named properties. A private field
    // keeps it out of the public surface; the public view below is read-only.
    [JsonExtensionData]
    private IDictionary<string, JToken>? _additionalProperties;

    // A read-only wrapper, so a caller cannot cast the view back to a dictionary and change this object.
    private ReadOnlyDictionary<string, JToken>? _additionalPropertiesView;

    /// <summary>
    /// Properties this class does not name, in document order (for example the European micro-credential
    /// extension terms on an <see cref="Achievement"/>). The tokens are shared with this object: do not mutate them.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JToken> AdditionalProperties
    {
        get => _additionalProperties is null
            ? ReadOnlyDictionary<string, JToken>.Empty
            : _additionalPropertiesView ??= new ReadOnlyDictionary<string, JToken>(_additionalProperties);
        init
        {
            ArgumentNullException.ThrowIfNull(value);

            // Copy (and clone) so a caller's later edits to its own dictionary or tokens cannot reach this object.
            _additionalProperties = value.Count == 0
                ? null
                : value.ToDictionary(pair => pair.Key, pair => pair.Value.DeepClone(), StringComparer.Ordinal);
        }
    }

    /// <summary>This object as a new JSON object (nulls and empty arrays omitted).</summary>
    public JObject ToJObject() => OpenBadgesJsonSerializer.ToJObject(this);

    /// <summary>This object as JSON text.</summary>
    public string ToJson(Formatting formatting = Formatting.Indented) => ToJObject().ToString(formatting);

    /// <summary>This object as a new System.Text.Json object (what <see cref="ToJObject"/> holds, as the same JSON).</summary>
    public System.Text.Json.Nodes.JsonObject ToJsonNode() => OpenBadges.Json.JsonOutput.ToJsonNode(ToJObject())!.AsObject();

    /// <summary>This object as compact UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() => OpenBadges.Json.JsonOutput.ToUtf8Bytes(ToJObject());
}
