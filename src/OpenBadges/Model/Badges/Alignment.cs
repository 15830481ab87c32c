using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>A link from an achievement to a node in a framework: a skill, a level, a quality-assurance decision.</summary>
public sealed class Alignment : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Alignment";

    /// <summary><c>type</c>: includes <c>Alignment</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>targetName</c>.</summary>
    [JsonProperty("targetName")]
    public string? TargetName { get; init; }

    /// <summary><c>targetUrl</c>: required by OB 3.0.</summary>
    [JsonProperty("targetUrl")]
    public string? TargetUrl { get; init; }

    /// <summary><c>targetDescription</c>.</summary>
    [JsonProperty("targetDescription")]
    public string? TargetDescription { get; init; }

    /// <summary><c>targetFramework</c>: the framework's name.</summary>
    [JsonProperty("targetFramework")]
    public string? TargetFramework { get; init; }

    /// <summary><c>targetCode</c>: the node's code in the framework.</summary>
    [JsonProperty("targetCode")]
    public string? TargetCode { get; init; }

    /// <summary><c>targetType</c>: an OB AlignmentTargetType or an <c>ext:</c> value (e.g. <c>ext:EQF</c>).</summary>
    [JsonProperty("targetType")]
    public string? TargetType { get; init; }
}
