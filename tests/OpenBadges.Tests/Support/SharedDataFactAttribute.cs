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
