using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>One level of a rubric criterion (e.g. "Proficient").</summary>
public sealed class RubricCriterionLevel : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "RubricCriterionLevel";

    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>RubricCriterionLevel</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>name</c>.</summary>
    [JsonProperty("name")]
    public string? Name { get; init; }

    /// <summary><c>description</c>.</summary>
    [JsonProperty("description")]
    public string? Description { get; init; }

    /// <summary><c>level</c>.</summary>
    [JsonProperty("level")]
    public string? Level { get; init; }

    /// <summary><c>points</c>.</summary>
    [JsonProperty("points")]
    public string? Points { get; init; }

    /// <summary><c>alignment</c>.</summary>
    [JsonProperty("alignment")]
    public IReadOnlyList<Alignment>? Alignment { get; init; }
}
