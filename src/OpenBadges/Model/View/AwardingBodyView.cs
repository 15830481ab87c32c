namespace OpenBadges.Model;

/// <summary>M4: the issuer Profile as read from <c>issuer</c> (an object, or only a reference string).</summary>
public sealed class AwardingBodyView
{
    internal AwardingBodyView(string? id, string? name, string? url, IReadOnlyList<IdentifierView> otherIdentifiers, bool referenceOnly)
    {
        Id = id;
        Name = name;
        Url = url;
        OtherIdentifiers = otherIdentifiers;
        ReferenceOnly = referenceOnly;
    }

    /// <summary><c>issuer.id</c> (or the string <c>issuer</c> itself).</summary>
    public string? Id { get; }

    /// <summary><c>issuer.name</c>.</summary>
    public string? Name { get; }

    /// <summary><c>issuer.url</c>.</summary>
    public string? Url { get; }

    /// <summary><c>issuer.otherIdentifier[]</c> (e.g. BRIN).</summary>
    public IReadOnlyList<IdentifierView> OtherIdentifiers { get; }

    /// <summary>The credential names the issuer only by a string id: no name, URL or identifiers are in the credential.</summary>
    public bool ReferenceOnly { get; }
}
