namespace OpenBadges.Tests.Support;

/// <summary>A fact that needs ../shared: skipped (loudly) when it is absent outside CI.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when the shared data is missing.</summary>
    public SharedDataFactAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}

/// <summary>A theory that needs ../shared: skipped (loudly) when it is absent outside CI.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets the skip reason when the shared data is missing.</summary>
    public SharedDataTheoryAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}

/// <summary>
/// The fact whose display name carries the one loud line: when ../shared is absent outside CI, dotnet test lists it as
/// skipped under a name that says so (a skipped test's reason alone does not reach dotnet test's console output).
/// </summary>
public sealed class SharedDataPresenceFactAttribute : FactAttribute
{
    /// <summary>Names and skips the fact when the shared data is missing.</summary>
    public SharedDataPresenceFactAttribute()
    {
        if (SharedData.SkipReason is { } reason)
        {
            Skip = reason;
            DisplayName = "!!!!! " + reason;
        }
    }
}
