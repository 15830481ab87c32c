using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Benchmarks;

/// <summary>The fixtures: ../shared/conformance/reference-stack, found from the repository root.</summary>
internal static class BenchmarkData
{
    public const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    public static string ReferenceStack(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenBadges.sln")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository (OpenBadges.sln not found).");
        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "reference-stack", file));
        return File.Exists(path) ? path : throw new FileNotFoundException("The benchmark fixture is missing: ../shared/conformance must sit beside the repository.", path);
    }

    public static JObject ReadObject(string file) => JsonInput.ParseObject(File.ReadAllText(ReferenceStack(file)));
}
