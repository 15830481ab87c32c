namespace OpenBadges.Model;

/// <summary>An <c>otherIdentifier[]</c> entry (IdentifierEntry) of the issuer (M4) or the achievement (O5).</summary>
public sealed class IdentifierView
{
    internal IdentifierView(string? identifier, string? identifierType)
    {
        Identifier = identifier;
        IdentifierType = identifierType;
    }

    /// <summary><c>identifier</c>, e.g. <c>99XA</c>.</summary>
    public string? Identifier { get; }

    /// <summary><c>identifierType</c>, e.g. <c>ext:BRIN</c>, <c>ext:CROHO</c>.</summary>
    public string? IdentifierType { get; }
}
