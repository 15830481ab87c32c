namespace OpenBadges.Issuer.Storage;

/// <summary>A stored credential's status.</summary>
public enum CredentialState
{
    /// <summary>Not revoked, not suspended.</summary>
    Active = 0,

    /// <summary>Suspended (its suspension bit is set); reversible.</summary>
    Suspended = 1,

    /// <summary>Revoked: permanent.</summary>
    Revoked = 2,
}
