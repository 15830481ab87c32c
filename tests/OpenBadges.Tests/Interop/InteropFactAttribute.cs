namespace OpenBadges.Tests.Interop;

/// <summary>
/// A fact that needs the JavaScript reference stack (node + <c>npm ci</c> in this folder) and ../shared:
/// skipped, with one loud line, when either is missing outside CI; under CI=true it runs and fails instead.
/// </summary>
public sealed class InteropFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason when the reference stack or the shared data is missing.</summary>
    public InteropFactAttribute()
    {
        Skip = ReferenceStack.SkipReason;
    }
}

/// <summary>A theory that needs the JavaScript reference stack; see <see cref="InteropFactAttribute"/>.</summary>
public sealed class InteropTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets the skip reason when the reference stack or the shared data is missing.</summary>
    public InteropTheoryAttribute()
    {
        Skip = ReferenceStack.SkipReason;
    }
}
