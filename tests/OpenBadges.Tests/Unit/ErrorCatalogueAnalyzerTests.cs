using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OpenBadges.Analyzers;
using OpenBadges.Json;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// The rule behind the error catalogues (docs/architecture.md, "Errors"): the build of src/ runs it, so these tests
/// show it reports what it must (a deliberately added direct throw) and lets the catalogue itself through.
/// </summary>
public sealed class ErrorCatalogueAnalyzerTests
{
    [Fact]
    public async Task A_direct_throw_of_a_library_exception_is_reported()
    {
        const string code = """
            namespace OpenBadges.Keys;
            static class KeyFiles
            {
                public static void Read(string path) =>
                    throw new OpenBadges.Json.JsonInputException($"'{path}' is not a key file.");
            }
            """;

        var diagnostics = await Analyze(code, enableAllExceptions: false);

        var found = Assert.Single(diagnostics);
        Assert.Equal("OBE0001", found.Id);
        Assert.Contains("JsonInputException", found.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Building_a_library_exception_to_throw_later_is_reported_too()
    {
        const string code = """
            static class Later
            {
                public static System.Exception Make() => new OpenBadges.JsonLd.JsonLdException("code", "message");
            }
            """;

        Assert.Equal(["OBE0001"], (await Analyze(code, enableAllExceptions: false)).Select(d => d.Id));
    }

    [Fact]
    public async Task The_catalogue_may_build_library_exceptions()
    {
        const string code = """
            namespace OpenBadges.Keys;
            internal static class KeyErrors
            {
                internal static OpenBadges.Json.JsonInputException NotAKeyFile(string path) =>
                    new($"'{path}' is not a key file.");
            }
            static class KeyFiles
            {
                public static void Read(string path) => throw KeyErrors.NotAKeyFile(path);
            }
            """;

        Assert.Empty(await Analyze(code, enableAllExceptions: true));
    }

    [Fact]
    public async Task A_free_text_throw_helper_is_not_a_catalogue()
    {
        const string code = """
            namespace OpenBadges.Internal;
            internal static class Throw
            {
                public static System.ArgumentException Argument(string paramName, string problem) => new(problem, paramName);
            }
            """;

        Assert.Equal(["OBE0002"], (await Analyze(code, enableAllExceptions: true)).Select(d => d.Id));
    }

    [Fact]
    public async Task Other_exceptions_are_reported_only_where_the_project_turns_OBE0002_on()
    {
        const string code = """
            static class Options
            {
                public static void Check(int limit)
                {
                    if (limit < 0) throw new System.ArgumentOutOfRangeException(nameof(limit), limit, "at least 0");
                }
            }
            """;

        Assert.Empty(await Analyze(code, enableAllExceptions: false));
        Assert.Equal(["OBE0002"], (await Analyze(code, enableAllExceptions: true)).Select(d => d.Id));
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string code, bool enableAllExceptions)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(JsonInputException).Assembly.Location));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(enableAllExceptions
                ? new Dictionary<string, ReportDiagnostic> { ["OBE0002"] = ReportDiagnostic.Error }
                : []);
        var compilation = CSharpCompilation.Create("Sample", [CSharpSyntaxTree.ParseText(code)], references, options);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        return await compilation
            .WithAnalyzers([new ErrorCatalogueAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
    }
}
