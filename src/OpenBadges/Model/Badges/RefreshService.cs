using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A <c>refreshService</c>: where to obtain a refreshed credential.</summary>
public sealed class RefreshService : OpenBadgesObject
{
    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: the method's name (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }
}
