namespace OpenBadges.Model;

/// <summary>One entry of <c>credentialSubject.identifier[]</c> (an OB 3.0 IdentityObject) as read for M1.</summary>
public sealed class LearnerIdentifierView
{
    internal LearnerIdentifierView(string? identityType, string identityHash, bool hashed, bool salted)
    {
        IdentityType = identityType;
        IdentityHash = identityHash;
        Hashed = hashed;
        Salted = salted;
    }

    /// <summary><c>identityType</c>: <c>emailAddress</c>, <c>ext:StudentNumber</c>, <c>name</c>, … (null when absent).</summary>
    public string? IdentityType { get; }

    /// <summary><c>identityHash</c>: the plain identifier, or its hash (<c>sha256$…</c>) when <see cref="Hashed"/>; empty when absent.</summary>
    public string IdentityHash { get; }

    /// <summary><c>hashed</c> is the JSON boolean true.</summary>
    public bool Hashed { get; }

    /// <summary>A <c>salt</c> member is present.</summary>
    public bool Salted { get; }

    /// <summary>The algorithm named before <c>$</c> in a hashed value (<c>sha256</c>), or null.</summary>
    public string? HashAlgorithm => Hashed && IdentityHash.Contains('$', StringComparison.Ordinal)
        ? IdentityHash[..IdentityHash.IndexOf('$', StringComparison.Ordinal)]
        : null;
}
