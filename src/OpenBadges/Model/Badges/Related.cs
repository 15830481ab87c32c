using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A related achievement, e.g. the same achievement in another language or version.</summary>
public sealed class Related : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Related";

    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>Related</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>inLanguage</c>.</summary>
    [JsonProperty("inLanguage")]
    public string? InLanguage { get; init; }

    /// <summary><c>version</c>.</summary>
    [JsonProperty("version")]
    public string? Version { get; init; }
}
