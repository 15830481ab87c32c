using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Model;

/// <summary>
/// The W3C Verifiable Credential envelope shared by <see cref="OpenBadgeCredential"/> and
/// <see cref="EndorsementCredential"/>. VC 2.0 names (<c>validFrom</c>, <c>validUntil</c>) are issued;
/// the VC 1.1 names (<c>issuanceDate</c>, <c>expirationDate</c>) are read so older badges can be inspected.
/// </summary>
public abstract class VerifiableCredential : OpenBadgesObject
{
    /// <summary><c>@context</c>: context URLs and inline context objects, in order.</summary>
    [JsonProperty("@context", Order = -10)]
    public IReadOnlyList<JToken>? Context { get; init; }

    /// <summary><c>id</c>: the credential's IRI.</summary>
    [JsonProperty("id", Order = -9)]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>VerifiableCredential</c>.</summary>
    [JsonProperty("type", Order = -8)]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>name</c>.</summary>
    [JsonProperty("name", Order = -7)]
    public string? Name { get; init; }

    /// <summary><c>description</c>.</summary>
    [JsonProperty("description", Order = -6)]
    public string? Description { get; init; }

    /// <summary><c>issuer</c>: a <see cref="Profile"/>, or a bare IRI (<see cref="Profile.IsReference"/>).</summary>
    [JsonProperty("issuer", Order = -5)]
    public Profile? Issuer { get; init; }

    /// <summary><c>validFrom</c> (VC 2.0), kept as written.</summary>
    [JsonProperty("validFrom", Order = -4)]
    public string? ValidFrom { get; init; }

    /// <summary><c>validUntil</c> (VC 2.0), kept as written.</summary>
    [JsonProperty("validUntil", Order = -3)]
    public string? ValidUntil { get; init; }

    /// <summary><c>issuanceDate</c> (VC 1.1 only; read, never issued).</summary>
    [JsonProperty("issuanceDate", Order = -4)]
    public string? IssuanceDate { get; init; }

    /// <summary><c>expirationDate</c> (VC 1.1 only; read, never issued).</summary>
    [JsonProperty("expirationDate", Order = -3)]
    public string? ExpirationDate { get; init; }

    /// <summary><c>awardedDate</c>: when the credential was awarded, kept as written.</summary>
    [JsonProperty("awardedDate")]
    public string? AwardedDate { get; init; }

    /// <summary><c>credentialSchema</c>.</summary>
    [JsonProperty("credentialSchema", Order = 10)]
    public IReadOnlyList<CredentialSchema>? CredentialSchema { get; init; }

    /// <summary>
    /// <c>credentialStatus</c>. One or many: OB 3.0's schema shows one, but VC 2.0 allows several (e.g. a revocation and
    /// a suspension <c>BitstringStatusListEntry</c>), and issued credentials use both forms.
    /// </summary>
    [JsonProperty("credentialStatus", Order = 10)]
    public IReadOnlyList<CredentialStatus>? CredentialStatus { get; init; }

    /// <summary><c>refreshService</c> (one or many, as VC 2.0 allows).</summary>
    [JsonProperty("refreshService", Order = 10)]
    public IReadOnlyList<RefreshService>? RefreshService { get; init; }

    /// <summary><c>termsOfUse</c>.</summary>
    [JsonProperty("termsOfUse", Order = 10)]
    public IReadOnlyList<TermsOfUse>? TermsOfUse { get; init; }

    /// <summary><c>evidence</c>.</summary>
    [JsonProperty("evidence", Order = 10)]
    public IReadOnlyList<Evidence>? Evidence { get; init; }

    /// <summary>
    /// <c>proof</c>: embedded proofs, as JSON (the proof layer owns their structure). Shared tokens: do not mutate.
    /// </summary>
    [JsonProperty("proof", Order = 20)]
    public IReadOnlyList<JObject>? Proof { get; init; }

    /// <summary>True when <see cref="Type"/> contains <paramref name="type"/> (ordinal comparison).</summary>
    public bool HasType(string type) => Type?.Contains(type, StringComparer.Ordinal) == true;
}
