using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>An Open Badges 3.0 <c>Achievement</c>: what was accomplished, with its criteria, alignments and credits.</summary>
public sealed class Achievement : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Achievement";

    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>Achievement</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>achievementType</c>, e.g. <c>MicroCredential</c>.</summary>
    [JsonProperty("achievementType")]
    public string? AchievementType { get; init; }

    /// <summary><c>name</c>.</summary>
    [JsonProperty("name")]
    public string? Name { get; init; }

    /// <summary><c>description</c>.</summary>
    [JsonProperty("description")]
    public string? Description { get; init; }

    /// <summary><c>criteria</c>.</summary>
    [JsonProperty("criteria")]
    public Criteria? Criteria { get; init; }

    /// <summary><c>image</c>.</summary>
    [JsonProperty("image")]
    public Image? Image { get; init; }

    /// <summary><c>creator</c>: a profile or a bare IRI.</summary>
    [JsonProperty("creator")]
    public Profile? Creator { get; init; }

    /// <summary><c>creditsAvailable</c>: credit hours associated with the achievement.</summary>
    [JsonProperty("creditsAvailable")]
    public decimal? CreditsAvailable { get; init; }

    /// <summary><c>fieldOfStudy</c>.</summary>
    [JsonProperty("fieldOfStudy")]
    public string? FieldOfStudy { get; init; }

    /// <summary><c>humanCode</c>: a short code people use for the achievement.</summary>
    [JsonProperty("humanCode")]
    public string? HumanCode { get; init; }

    /// <summary><c>inLanguage</c>: BCP 47 language of the achievement's text.</summary>
    [JsonProperty("inLanguage")]
    public string? InLanguage { get; init; }

    /// <summary><c>specialization</c>.</summary>
    [JsonProperty("specialization")]
    public string? Specialization { get; init; }

    /// <summary><c>version</c>.</summary>
    [JsonProperty("version")]
    public string? Version { get; init; }

    /// <summary><c>tag</c>.</summary>
    [JsonProperty("tag")]
    public IReadOnlyList<string>? Tag { get; init; }

    /// <summary><c>alignment</c>: links to frameworks, skills, levels.</summary>
    [JsonProperty("alignment")]
    public IReadOnlyList<Alignment>? Alignment { get; init; }

    /// <summary><c>otherIdentifier</c>: e.g. a programme code (CROHO/CREBO).</summary>
    [JsonProperty("otherIdentifier")]
    public IReadOnlyList<IdentifierEntry>? OtherIdentifier { get; init; }

    /// <summary><c>related</c>: related achievements (e.g. other language versions).</summary>
    [JsonProperty("related")]
    public IReadOnlyList<Related>? Related { get; init; }

    /// <summary><c>resultDescription</c>: the results an earner may receive.</summary>
    [JsonProperty("resultDescription")]
    public IReadOnlyList<ResultDescription>? ResultDescription { get; init; }

    /// <summary><c>endorsement</c>.</summary>
    [JsonProperty("endorsement")]
    public IReadOnlyList<EndorsementCredential>? Endorsement { get; init; }

    /// <summary><c>endorsementJwt</c>.</summary>
    [JsonProperty("endorsementJwt")]
    public IReadOnlyList<string>? EndorsementJwt { get; init; }
}
