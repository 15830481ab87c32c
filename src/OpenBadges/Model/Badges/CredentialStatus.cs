using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A <c>credentialStatus</c>: where to check revocation/suspension (e.g. <c>BitstringStatusListEntry</c>). Method-specific properties stay in <see cref="OpenBadgesObject.AdditionalProperties"/>.</summary>
public sealed class CredentialStatus : OpenBadgesObject
{
    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: the method's name (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }
}
