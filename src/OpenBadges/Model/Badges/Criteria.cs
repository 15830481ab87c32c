using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>What a learner had to do to earn the achievement: a page (<c>id</c>) and/or a Markdown narrative.</summary>
public sealed class Criteria : OpenBadgesObject
{
    /// <summary><c>id</c>: URL of a human-readable criteria page.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>narrative</c> (Markdown allowed).</summary>
    [JsonProperty("narrative")]
    public string? Narrative { get; init; }
}
