using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>Describes a result an earner of the achievement may receive: its kind, scale and pass mark.</summary>
public sealed class ResultDescription : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "ResultDescription";

    /// <summary><c>id</c>: referenced from <see cref="Result.ResultDescription"/>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>ResultDescription</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>name</c>.</summary>
    [JsonProperty("name")]
    public string? Name { get; init; }

    /// <summary><c>resultType</c>: e.g. <c>LetterGrade</c>, <c>Percent</c>, or an <c>ext:</c> value.</summary>
    [JsonProperty("resultType")]
    public string? ResultType { get; init; }

    /// <summary><c>allowedValue</c>: the ordered list of allowed values.</summary>
    [JsonProperty("allowedValue")]
    public IReadOnlyList<string>? AllowedValue { get; init; }

    /// <summary><c>requiredLevel</c>: id of the rubric criterion level required.</summary>
    [JsonProperty("requiredLevel")]
    public string? RequiredLevel { get; init; }

    /// <summary><c>requiredValue</c>: the value required to pass.</summary>
    [JsonProperty("requiredValue")]
    public string? RequiredValue { get; init; }

    /// <summary><c>rubricCriterionLevel</c>.</summary>
    [JsonProperty("rubricCriterionLevel")]
    public IReadOnlyList<RubricCriterionLevel>? RubricCriterionLevel { get; init; }

    /// <summary><c>valueMax</c>.</summary>
    [JsonProperty("valueMax")]
    public string? ValueMax { get; init; }

    /// <summary><c>valueMin</c>.</summary>
    [JsonProperty("valueMin")]
    public string? ValueMin { get; init; }

    /// <summary><c>alignment</c>.</summary>
    [JsonProperty("alignment")]
    public IReadOnlyList<Alignment>? Alignment { get; init; }
}
