using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Model;

/// <summary>
/// An Open Badges 3.0 <c>OpenBadgeCredential</c> (also read under its alias <c>AchievementCredential</c>):
/// an issuer asserts that the subject earned an <see cref="Achievement"/>.
/// </summary>
public sealed class OpenBadgeCredential : VerifiableCredential
{
    /// <summary>The type name issued by this package.</summary>
    public const string TypeName = "OpenBadgeCredential";

    /// <summary>The OB 3.0 alias of <see cref="TypeName"/>, accepted on input.</summary>
    public const string AliasTypeName = "AchievementCredential";

    /// <summary><c>image</c>.</summary>
    [JsonProperty("image")]
    public Image? Image { get; init; }

    /// <summary><c>credentialSubject</c>: the learner and the achievement.</summary>
    [JsonProperty("credentialSubject")]
    public AchievementSubject? CredentialSubject { get; init; }

    /// <summary><c>endorsement</c>: endorsements embedded in the credential.</summary>
    [JsonProperty("endorsement", Order = 10)]
    public IReadOnlyList<EndorsementCredential>? Endorsement { get; init; }

    /// <summary><c>endorsementJwt</c>: endorsements as compact JWS strings.</summary>
    [JsonProperty("endorsementJwt", Order = 10)]
    public IReadOnlyList<string>? EndorsementJwt { get; init; }

    /// <summary>True when the type list names <c>OpenBadgeCredential</c> or <c>AchievementCredential</c>.</summary>
    [JsonIgnore]
    public bool IsOpenBadgeCredential => HasType(TypeName) || HasType(AliasTypeName);

    /// <summary>Reads a credential from JSON text (parsed with <see cref="JsonInput"/>'s limits).</summary>
    /// <exception cref="JsonInputException">Not acceptable JSON, or a value of the wrong shape (the message names the path).</exception>
    public static OpenBadgeCredential FromJson(string json, JsonLimits? limits = null) =>
        OpenBadgesJsonSerializer.FromJson<OpenBadgeCredential>(json, limits);

    /// <summary>Reads a credential from parsed JSON.</summary>
    /// <exception cref="JsonInputException">A value of the wrong shape (the message names the path).</exception>
    public static OpenBadgeCredential FromJson(JToken json) => OpenBadgesJsonSerializer.FromJson<OpenBadgeCredential>(json);
}
