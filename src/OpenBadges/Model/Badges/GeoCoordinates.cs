using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A point on Earth (WGS 84 degrees).</summary>
public sealed class GeoCoordinates : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "GeoCoordinates";

    /// <summary><c>type</c>: <c>GeoCoordinates</c> (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }

    /// <summary><c>latitude</c>.</summary>
    [JsonProperty("latitude")]
    public decimal? Latitude { get; init; }

    /// <summary><c>longitude</c>.</summary>
    [JsonProperty("longitude")]
    public decimal? Longitude { get; init; }
}
