namespace OpenBadges.Tests.Support;

/// <summary>
/// Where the shared test data lives: ../shared (relative to the repository root). Under CI a missing
/// folder fails the run; elsewhere the tests that need it are skipped, and this says so once, loudly.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);
    private static int _warned;

    /// <summary>The repository root (the folder holding OpenBadges.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>True when running under CI (<c>CI=true</c>).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>../shared, or null if absent.</summary>
    public static string? SharedRoot => Root.Value;

    /// <summary>../shared/conformance/<paramref name="relative"/>; fails under CI if missing.</summary>
    public static string Conformance(string relative) => Path.Combine(RequireShared(), "conformance", relative);

    /// <summary>../shared/contexts/<paramref name="relative"/>; fails under CI if missing.</summary>
    public static string Contexts(string relative) => Path.Combine(RequireShared(), "contexts", relative);

    /// <summary>Null when the shared data is present (or CI requires it); otherwise the skip reason.</summary>
    public static string? SkipReason
    {
        get
        {
            if (Root.Value is not null || IsCi)
            {
                return null;
            }

            const string message = "../shared/conformance is missing: conformance and vector tests are SKIPPED (under CI=true they fail).";
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                Console.Error.WriteLine("!!!!! " + message);
            }

            return message;
        }
    }

    private static string RequireShared() =>
        Root.Value ?? throw new InvalidOperationException(
            $"../shared (expected at {Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"))}) is missing; conformance tests need it.");

    private static string? FindRoot()
    {
        var shared = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(shared, "conformance")) ? shared : null;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenBadges.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find OpenBadges.sln above " + AppContext.BaseDirectory);
    }
}
