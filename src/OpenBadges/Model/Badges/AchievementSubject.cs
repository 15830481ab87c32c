using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>The subject of an <see cref="OpenBadgeCredential"/>: the learner (by <c>id</c> and/or identifiers) and what they achieved.</summary>
public sealed class AchievementSubject : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "AchievementSubject";

    /// <summary><c>id</c>: the learner's DID or URL.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>AchievementSubject</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>activityStartDate</c>, kept as written.</summary>
    [JsonProperty("activityStartDate")]
    public string? ActivityStartDate { get; init; }

    /// <summary><c>activityEndDate</c>, kept as written.</summary>
    [JsonProperty("activityEndDate")]
    public string? ActivityEndDate { get; init; }

    /// <summary><c>creditsEarned</c>.</summary>
    [JsonProperty("creditsEarned")]
    public decimal? CreditsEarned { get; init; }

    /// <summary><c>achievement</c>.</summary>
    [JsonProperty("achievement")]
    public Achievement? Achievement { get; init; }

    /// <summary><c>identifier</c>: the learner's identities (plain or hashed).</summary>
    [JsonProperty("identifier")]
    public IReadOnlyList<IdentityObject>? Identifier { get; init; }

    /// <summary><c>image</c>.</summary>
    [JsonProperty("image")]
    public Image? Image { get; init; }

    /// <summary><c>licenseNumber</c>.</summary>
    [JsonProperty("licenseNumber")]
    public string? LicenseNumber { get; init; }

    /// <summary><c>narrative</c> (Markdown allowed).</summary>
    [JsonProperty("narrative")]
    public string? Narrative { get; init; }

    /// <summary><c>result</c>: the learner's results, each pointing at a <see cref="Model.ResultDescription"/>.</summary>
    [JsonProperty("result")]
    public IReadOnlyList<Result>? Result { get; init; }

    /// <summary><c>role</c>.</summary>
    [JsonProperty("role")]
    public string? Role { get; init; }

    /// <summary><c>source</c>: the organization that assessed the learner, if not the issuer.</summary>
    [JsonProperty("source")]
    public Profile? Source { get; init; }

    /// <summary><c>term</c>: the academic term.</summary>
    [JsonProperty("term")]
    public string? Term { get; init; }
}
