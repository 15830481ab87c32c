namespace OpenBadges.Issuer.Storage;

/// <summary>A status change an authorised caller asks for.</summary>
public enum StatusAction
{
    /// <summary>Revoke for good.</summary>
    Revoke,

    /// <summary>Suspend (a credential issued with a suspension entry).</summary>
    Suspend,

    /// <summary>Lift a suspension.</summary>
    Reinstate,
}
