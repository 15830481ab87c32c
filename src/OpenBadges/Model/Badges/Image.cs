using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>An image (URL or data URI) with an optional caption. A bare IRI string is read and written back as such.</summary>
public sealed class Image : OpenBadgesObject, IIdReferenceable<Image>
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Image";

    /// <summary><c>id</c>: the image URL or data URI.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: <c>Image</c> (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }

    /// <summary><c>caption</c>.</summary>
    [JsonProperty("caption")]
    public string? Caption { get; init; }

    /// <summary>True when this image is only an IRI (read from, and written as, a JSON string).</summary>
    [JsonIgnore]
    public bool IsReference { get; private init; }

    /// <summary>An image given only by its IRI, written as a bare string.</summary>
    public static Image Reference(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new Image { Id = id, IsReference = true };
    }

    static Image IIdReferenceable<Image>.FromReference(string id) => new() { Id = id, IsReference = true };
}
