using Newtonsoft.Json;

namespace OpenBadges.Model;

/// <summary>
/// An Open Badges 3.0 <c>Profile</c>: an issuer, creator or other party. Where OB 3.0 allows a bare IRI instead
/// (e.g. <c>"issuer": "did:web:…"</c>) the value is read as a profile with only <see cref="Id"/> and
/// <see cref="IsReference"/> set, and written back as the bare IRI.
/// </summary>
public sealed class Profile : OpenBadgesObject, IIdReferenceable<Profile>
{
    /// <summary>The type name.</summary>
    public const string TypeName = "Profile";

    /// <summary><c>id</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: includes <c>Profile</c>.</summary>
    [JsonProperty("type")]
    public IReadOnlyList<string>? Type { get; init; }

    /// <summary><c>name</c>.</summary>
    [JsonProperty("name")]
    public string? Name { get; init; }

    /// <summary><c>url</c>: the party's home page.</summary>
    [JsonProperty("url")]
    public string? Url { get; init; }

    /// <summary><c>phone</c>.</summary>
    [JsonProperty("phone")]
    public string? Phone { get; init; }

    /// <summary><c>description</c>.</summary>
    [JsonProperty("description")]
    public string? Description { get; init; }

    /// <summary><c>image</c>.</summary>
    [JsonProperty("image")]
    public Image? Image { get; init; }

    /// <summary><c>email</c>.</summary>
    [JsonProperty("email")]
    public string? Email { get; init; }

    /// <summary><c>address</c>.</summary>
    [JsonProperty("address")]
    public Address? Address { get; init; }

    /// <summary><c>otherIdentifier</c>: e.g. a Dutch BRIN code (<c>ext:BRIN</c>).</summary>
    [JsonProperty("otherIdentifier")]
    public IReadOnlyList<IdentifierEntry>? OtherIdentifier { get; init; }

    /// <summary><c>official</c>: the name of the authorizing official, for organizations.</summary>
    [JsonProperty("official")]
    public string? Official { get; init; }

    /// <summary><c>parentOrg</c>.</summary>
    [JsonProperty("parentOrg")]
    public Profile? ParentOrg { get; init; }

    /// <summary><c>familyName</c>.</summary>
    [JsonProperty("familyName")]
    public string? FamilyName { get; init; }

    /// <summary><c>givenName</c>.</summary>
    [JsonProperty("givenName")]
    public string? GivenName { get; init; }

    /// <summary><c>additionalName</c>.</summary>
    [JsonProperty("additionalName")]
    public string? AdditionalName { get; init; }

    /// <summary><c>patronymicName</c>.</summary>
    [JsonProperty("patronymicName")]
    public string? PatronymicName { get; init; }

    /// <summary><c>honorificPrefix</c>.</summary>
    [JsonProperty("honorificPrefix")]
    public string? HonorificPrefix { get; init; }

    /// <summary><c>honorificSuffix</c>.</summary>
    [JsonProperty("honorificSuffix")]
    public string? HonorificSuffix { get; init; }

    /// <summary><c>familyNamePrefix</c> (e.g. Dutch "van der").</summary>
    [JsonProperty("familyNamePrefix")]
    public string? FamilyNamePrefix { get; init; }

    /// <summary><c>dateOfBirth</c>, kept as written.</summary>
    [JsonProperty("dateOfBirth")]
    public string? DateOfBirth { get; init; }

    /// <summary><c>endorsement</c>.</summary>
    [JsonProperty("endorsement")]
    public IReadOnlyList<EndorsementCredential>? Endorsement { get; init; }

    /// <summary><c>endorsementJwt</c>.</summary>
    [JsonProperty("endorsementJwt")]
    public IReadOnlyList<string>? EndorsementJwt { get; init; }

    /// <summary>True when this profile is only an IRI (read from, and written as, a JSON string).</summary>
    [JsonIgnore]
    public bool IsReference { get; private init; }

    /// <summary>A profile given only by its IRI, written as a bare string.</summary>
    public static Profile Reference(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new Profile { Id = id, IsReference = true };
    }

    static Profile IIdReferenceable<Profile>.FromReference(string id) => new() { Id = id, IsReference = true };
}
