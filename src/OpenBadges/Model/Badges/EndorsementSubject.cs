using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>The subject of an <see cref="EndorsementCredential"/>: the endorsed entity and the endorser's comment.</summary>
public sealed class EndorsementSubject : OpenBadgesObject
{
    /// <summary><c>id</c>: the IRI of the endorsed entity.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>EndorsementSubject</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>endorsementComment</c> (Markdown allowed).</summary>
    [JsonProperty("endorsementComment")]
    public string? EndorsementComment { get; init; }
}
