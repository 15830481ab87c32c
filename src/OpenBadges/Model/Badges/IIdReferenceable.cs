namespace OpenBadges.Model;

/// <summary>
/// A class whose JSON value may be either a full object or just its IRI (e.g. <c>"issuer": "https://…"</c>).
/// Which of the two was read is kept so the value is written back the same way.
/// </summary>
internal interface IIdReferenceable<TSelf> where TSelf : OpenBadgesObject, IIdReferenceable<TSelf>
{
    /// <summary>The object's IRI.</summary>
    string? Id { get; }

    /// <summary>True when the value is (to be written as) a bare IRI string.</summary>
    bool IsReference { get; }

    /// <summary>Makes the bare-IRI form.</summary>
    static abstract TSelf FromReference(string id);
}
