using System.Text.RegularExpressions;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// The library's namespaces form the layers of DESIGN.md §2: each uses only the ones below it. A back-edge (a lower
/// layer naming a higher one) is the seam every later feature pays for, so the build's tests refuse it.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Bottom to top. A folder of src/OpenBadges not listed here fails the test: place it deliberately.</summary>
    public static readonly IReadOnlyList<string> Layers =
    [
        "Internal", "Checks", "Json", "Rdf", "JsonLd", "Canonicalization", "Keys", "Proofs", "SdJwt", "Schemas", "Model",
        "Status", "Baking", "Elm", "Verification",
    ];

    [Fact]
    public void The_library_has_no_back_edge_between_its_layers()
    {
        var source = Path.Combine(SharedData.RepositoryRoot, "src", "OpenBadges");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(source, f))
            .Select(f => (Folder: Path.GetRelativePath(source, f).Split(Path.DirectorySeparatorChar)[0], Text: File.ReadAllText(f)))
            .Where(f => f.Folder.EndsWith(".cs", StringComparison.Ordinal) is false)
            .ToList();

        Assert.NotEmpty(files);
        var unplaced = files.Select(f => f.Folder).Distinct().Where(f => !Layers.Contains(f)).ToList();
        Assert.True(unplaced.Count == 0, $"folders with no place in the layer order (add them to {nameof(Layers)}): {string.Join(", ", unplaced)}");

        var backEdges = files.SelectMany(f => BackEdges(f.Folder, f.Text)).Distinct().Order().ToList();
        Assert.True(backEdges.Count == 0, "back-edges (a layer using one above it): " + string.Join("; ", backEdges));
    }

    [Fact]
    public void A_deliberate_back_edge_is_found()
    {
        // The check itself must be able to fail: Proofs naming Verification, through a using and through a qualified name.
        const string withUsing = "using OpenBadges.Verification;\nnamespace OpenBadges.Proofs;\nclass X { }";
        const string qualified = "namespace OpenBadges.Keys;\nclass X { OpenBadges.Model.Achievement? A; }";
        const string alias = "using V = OpenBadges.Status.BitstringStatusList;\nnamespace OpenBadges.Json;";
        const string downward = "using OpenBadges.Json;\nusing OpenBadges.Checks;\nnamespace OpenBadges.Proofs;\n// OpenBadges.Verification in a comment is no edge\nclass X { string R = \"OpenBadges.Status.x\"; }";
        // Inside an OpenBadges namespace, a sibling namespace is named relative to OpenBadges: Status.X is OpenBadges.Status.X.
        const string relative = "namespace OpenBadges.Json;\nclass X { Status.BitstringStatusList? L; }";
        const string relativeInCall = "using System;\nnamespace OpenBadges.Keys;\nclass X { object M() => Model.Profiles.European; }";
        const string memberAccess = "namespace OpenBadges.Proofs;\nclass X { object M(Y y) => y.Verification.Status; }";

        Assert.Equal(["Proofs -> Verification"], BackEdges("Proofs", withUsing));
        Assert.Equal(["Keys -> Model"], BackEdges("Keys", qualified));
        Assert.Equal(["Json -> Status"], BackEdges("Json", alias));
        Assert.Empty(BackEdges("Proofs", downward));
        Assert.Equal(["Json -> Status"], BackEdges("Json", relative));
        Assert.Equal(["Keys -> Model"], BackEdges("Keys", relativeInCall));
        Assert.Empty(BackEdges("Proofs", memberAccess));
    }

    /// <summary>The edges from <paramref name="folder"/> to a layer above it that <paramref name="text"/> names.</summary>
    public static IEnumerable<string> BackEdges(string folder, string text)
    {
        var from = IndexOf(folder);
        var code = LineComment().Replace(StringLiteral().Replace(text, "\"\""), string.Empty);
        var relative = code.Contains("namespace OpenBadges", StringComparison.Ordinal) ? RelativeNamespaceReference.Matches(code) : null;
        foreach (var match in NamespaceReference().Matches(code).Concat(relative ?? Enumerable.Empty<Match>()))
        {
            var target = match.Groups["layer"].Value;
            var to = IndexOf(target);
            if (to > from && from >= 0)
            {
                yield return $"{folder} -> {target}";
            }
        }
    }

    private static int IndexOf(string layer)
    {
        for (var i = 0; i < Layers.Count; i++)
        {
            if (Layers[i] == layer)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsBuildOutput(string source, string file)
    {
        var first = Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    // A resource name such as "OpenBadges.Contexts.x.jsonld" is data, not a use of a namespace.
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\bOpenBadges\.(?<layer>[A-Z][A-Za-z]*)\b")]
    private static partial Regex NamespaceReference();

    // A layer's name followed by a type or namespace, not after a dot (y.Status.X is a member access): inside namespace
    // OpenBadges.*, Json.X means OpenBadges.Json.X. A member named like a layer above its own would read as an edge too;
    // none exists, and renaming it is the fix (it would read ambiguously to people as well).
    private static readonly Regex RelativeNamespaceReference = new(
        @"(?<![\w.])(?<layer>" + string.Join("|", Layers) + @")\.(?=[A-Z])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
