namespace OpenBadges.Checks;

/// <summary>The overall answer of a verification.</summary>
public enum Verdict
{
    /// <summary>Every check that ran passed.</summary>
    Valid,
    /// <summary>At least one check failed.</summary>
    Invalid,
    /// <summary>Nothing failed, but something could not be checked.</summary>
    Indeterminate,
}
