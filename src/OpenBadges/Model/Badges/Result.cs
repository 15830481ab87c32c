using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A learner's result (grade, score, status), pointing at the achievement's <see cref="Model.ResultDescription"/> by id.</summary>
public sealed class Result : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Result";

    /// <summary><c>type</c>: includes <c>Result</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>resultDescription</c>: the <c>id</c> of a result description in the achievement.</summary>
    [JsonProperty("resultDescription")]
    public string? ResultDescription { get; init; }

    /// <summary><c>achievedLevel</c>: the <c>id</c> of the rubric criterion level achieved.</summary>
    [JsonProperty("achievedLevel")]
    public string? AchievedLevel { get; init; }

    /// <summary><c>status</c>: e.g. <c>Completed</c>.</summary>
    [JsonProperty("status")]
    public string? Status { get; init; }

    /// <summary><c>value</c>: the grade or score as text.</summary>
    [JsonProperty("value")]
    public string? Value { get; init; }

    /// <summary><c>alignment</c>.</summary>
    [JsonProperty("alignment")]
    public IReadOnlyList<Alignment>? Alignment { get; init; }
}
