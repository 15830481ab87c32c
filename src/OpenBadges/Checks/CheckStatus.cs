namespace OpenBadges.Checks;

/// <summary>The outcome of one named verification check.</summary>
public enum CheckStatus
{
    /// <summary>Checked, and it holds.</summary>
    Passed,
    /// <summary>Checked, and it does not hold: the credential is not valid.</summary>
    Failed,
    /// <summary>Could not be decided (a key that cannot be resolved, a context that cannot be loaded, a status list out of reach).</summary>
    CouldNotCheck,
    /// <summary>Not run: it did not apply, or an earlier check it depends on did not pass.</summary>
    Skipped,
}
