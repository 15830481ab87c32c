using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>Evidence of the learner's work: a URL and/or a narrative.</summary>
public sealed class Evidence : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Evidence";

    /// <summary><c>id</c>: URL of the evidence.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>Evidence</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>name</c>.</summary>
    [JsonProperty("name")]
    public string? Name { get; init; }

    /// <summary><c>description</c>.</summary>
    [JsonProperty("description")]
    public string? Description { get; init; }

    /// <summary><c>narrative</c> (Markdown allowed).</summary>
    [JsonProperty("narrative")]
    public string? Narrative { get; init; }

    /// <summary><c>genre</c>: e.g. "Capstone project".</summary>
    [JsonProperty("genre")]
    public string? Genre { get; init; }

    /// <summary><c>audience</c>.</summary>
    [JsonProperty("audience")]
    public string? Audience { get; init; }
}
