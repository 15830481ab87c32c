using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.SdJwt;

/// <summary>The parts of SD-JWT VC Type Metadata (SD-JWT VC §6) that shape issuance: the <c>vct</c> and each claim's path and <c>sd</c> rule.</summary>
public sealed class SdJwtVcTypeMetadata
{
    /// <summary>Metadata of <paramref name="vct"/> with the given claim rules.</summary>
    public SdJwtVcTypeMetadata(string vct, IEnumerable<(ClaimPath Path, SdRule Sd)> claims)
    {
        ArgumentException.ThrowIfNullOrEmpty(vct);
        ArgumentNullException.ThrowIfNull(claims);
        Vct = vct;
        Claims = [.. claims];
    }

    /// <summary>The credential type.</summary>
    public string Vct { get; }

    /// <summary>Each listed claim's path and rule.</summary>
    public IReadOnlyList<(ClaimPath Path, SdRule Sd)> Claims { get; }

    /// <summary>The rule for <paramref name="path"/>: the listed one, else <see cref="SdRule.Allowed"/>.</summary>
    public SdRule RuleFor(ClaimPath path) => Claims.FirstOrDefault(c => path.IsWithin(c.Path) && c.Path.Count == path.Count) is { Path: not null } found ? found.Sd : SdRule.Allowed;

    /// <summary>Reads a Type Metadata document (<c>vct</c>, <c>claims[].path</c>, <c>claims[].sd</c>).</summary>
    /// <exception cref="FormatException">No <c>vct</c>, or a claim without a readable path or with an unknown <c>sd</c>.</exception>
    public static SdJwtVcTypeMetadata Parse(JObject metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var vct = metadata["vct"] is JValue { Type: JTokenType.String } v ? (string?)v : null;
        if (string.IsNullOrEmpty(vct))
        {
            throw SdJwtErrors.TypeMetadataHasNoVct();
        }

        var claims = new List<(ClaimPath, SdRule)>();
        foreach (var claim in (metadata["claims"] as JArray ?? []).OfType<JObject>())
        {
            var path = ClaimPath.FromJson(claim["path"] ?? new JArray());
            var sd = (claim["sd"] as JValue)?.Value as string ?? "allowed";
            claims.Add((path, sd switch
            {
                "always" => SdRule.Always,
                "never" => SdRule.Never,
                "allowed" => SdRule.Allowed,
                _ => throw SdJwtErrors.UnknownSdRule(path, sd),
            }));
        }

        return new SdJwtVcTypeMetadata(vct, claims);
    }
}
