namespace OpenBadges.Tests.Interop;

/// <summary>
/// The fact whose display name carries the one loud line for the interop tests: when node or the harness's packages
/// are missing outside CI, dotnet test lists it as skipped under a name that says what is missing (a skip reason alone
/// does not reach dotnet test's console output). Under CI=true it runs and fails instead.
/// </summary>
public sealed class ReferenceStackPresenceFactAttribute : FactAttribute
{
    /// <summary>Names and skips the fact when the reference stack cannot run.</summary>
    public ReferenceStackPresenceFactAttribute()
    {
        if (ReferenceStack.SkipReason is { } reason)
        {
            Skip = reason;
            DisplayName = "!!!!! " + reason;
        }
    }
}

/// <summary>Says, once and visibly, whether the JavaScript reference stack is there.</summary>
public sealed class ReferenceStackPresenceTests
{
    [ReferenceStackPresenceFact]
    public void Node_and_the_harness_packages_are_present()
    {
        Assert.True(ReferenceStack.UnavailableReason is null, ReferenceStack.UnavailableReason);
    }
}
