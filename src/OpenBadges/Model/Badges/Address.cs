using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A postal address. <c>addressCountryCode</c> is ISO 3166-1 alpha-2.</summary>
public sealed class Address : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Address";

    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>Address</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>addressCountry</c>: the country's name.</summary>
    [JsonProperty("addressCountry")]
    public string? AddressCountry { get; init; }

    /// <summary><c>addressCountryCode</c>: ISO 3166-1 alpha-2 code, e.g. <c>NL</c>.</summary>
    [JsonProperty("addressCountryCode")]
    public string? AddressCountryCode { get; init; }

    /// <summary><c>addressRegion</c>.</summary>
    [JsonProperty("addressRegion")]
    public string? AddressRegion { get; init; }

    /// <summary><c>addressLocality</c>: city or town.</summary>
    [JsonProperty("addressLocality")]
    public string? AddressLocality { get; init; }

    /// <summary><c>streetAddress</c>.</summary>
    [JsonProperty("streetAddress")]
    public string? StreetAddress { get; init; }

    /// <summary><c>postOfficeBoxNumber</c>.</summary>
    [JsonProperty("postOfficeBoxNumber")]
    public string? PostOfficeBoxNumber { get; init; }

    /// <summary><c>postalCode</c>.</summary>
    [JsonProperty("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary><c>geo</c>.</summary>
    [JsonProperty("geo")]
    public GeoCoordinates? Geo { get; init; }
}
