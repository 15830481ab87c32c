using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Model;

/// <summary>An Open Badges 3.0 <c>EndorsementCredential</c>: a third party's endorsement of a profile, achievement or credential.</summary>
public sealed class EndorsementCredential : VerifiableCredential
{
    /// <summary>The type name.</summary>
    public const string TypeName = "EndorsementCredential";

    /// <summary><c>credentialSubject</c>: what is endorsed.</summary>
    [JsonProperty("credentialSubject")]
    public EndorsementSubject? CredentialSubject { get; init; }

    /// <summary>Reads an endorsement from JSON text.</summary>
    /// <exception cref="JsonInputException">Not acceptable JSON, or a value of the wrong shape.</exception>
    public static EndorsementCredential FromJson(string json, JsonLimits? limits = null) =>
        OpenBadgesJsonSerializer.FromJson<EndorsementCredential>(json, limits);

    /// <summary>Reads an endorsement from parsed JSON.</summary>
    /// <exception cref="JsonInputException">A value of the wrong shape.</exception>
    public static EndorsementCredential FromJson(JToken json) => OpenBadgesJsonSerializer.FromJson<EndorsementCredential>(json);
}
