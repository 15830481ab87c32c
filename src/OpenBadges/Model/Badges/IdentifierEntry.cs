using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>An identifier of a profile or achievement in some scheme, e.g. <c>{ identifier: "21PM", identifierType: "ext:BRIN" }</c>.</summary>
public sealed class IdentifierEntry : OpenBadgesObject
{
    /// <summary>The type name.</summary>
    public const string TypeName = "IdentifierEntry";

    /// <summary><c>type</c>: <c>IdentifierEntry</c> (a single string in OB 3.0's schema).</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }

    /// <summary><c>identifier</c>.</summary>
    [JsonProperty("identifier")]
    public string? Identifier { get; init; }

    /// <summary><c>identifierType</c>: an OB IdentifierTypeEnum value or an <c>ext:</c> extension.</summary>
    [JsonProperty("identifierType")]
    public string? IdentifierType { get; init; }

    /// <summary>A complete entry.</summary>
    public static IdentifierEntry Create(string identifier, string identifierType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifierType);
        return new IdentifierEntry { Type = TypeName, Identifier = identifier, IdentifierType = identifierType };
    }
}
