using System.Text;

namespace OpenBadges.Fuzz;

/// <summary>Seed corpora, read at run time from ../shared/conformance and the repository's samples (never copied).</summary>
internal static class Seeds
{
    /// <summary>The repository root: the folder holding OpenBadges.sln, from the working directory or the binary upwards.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/conformance beside the repository.</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance"));

    /// <summary>Up to <paramref name="max"/> files under <paramref name="folder"/> (relative to the conformance folder) matching <paramref name="pattern"/>.</summary>
    public static IEnumerable<byte[]> Files(string folder, string pattern, int max = 200)
    {
        var path = Path.Combine(Conformance, folder);
        if (!Directory.Exists(path))
        {
            return [];
        }

        return Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Take(max)
            .Select(File.ReadAllBytes)
            .Where(bytes => bytes.Length <= 256 * 1024)
            .ToList();
    }

    /// <summary>Files of the repository itself (samples/specs).</summary>
    public static IEnumerable<byte[]> RepositoryFiles(string folder, string pattern) =>
        Directory.Exists(Path.Combine(RepositoryRoot, folder))
            ? Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList()
            : [];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OpenBadges.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
