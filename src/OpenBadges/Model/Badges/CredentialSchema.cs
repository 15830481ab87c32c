using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A <c>credentialSchema</c> entry: a schema the credential claims to satisfy, e.g. <c>1EdTechJsonSchemaValidator2019</c>.</summary>
public sealed class CredentialSchema : OpenBadgesObject
{
    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: the method's name (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }
}
