using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace OpenBadges.Analyzers;

/// <summary>
/// Exceptions are built in one place per layer, the error catalogue (a static class whose name ends in
/// <c>Errors</c>, e.g. <c>JsonLdErrors.DocumentTooDeep(limit, path)</c>), so each message is written once and names
/// the field and the rule. Building one anywhere else is reported:
/// OBE0001 for the library's own exception types (on by default, in every project that references this analyzer);
/// OBE0002 for any exception type (off by default; the library and the projects that have their own catalogue turn
/// it on in ErrorCatalogue.globalconfig).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ErrorCatalogueAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The name of the assembly whose exception types OBE0001 guards.</summary>
    public const string LibraryAssemblyName = "OpenBadges";

    public static readonly DiagnosticDescriptor LibraryExceptionOutsideCatalogue = new(
        "OBE0001",
        "A library exception is built outside an error catalogue",
        "'{0}' is built directly; add a named factory to this layer's error catalogue (a static class named *Errors) and throw what it returns",
        "Design",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Every message of the library's exceptions lives in an error catalogue, so it is written once and names the field and the rule (docs/architecture.md).");

    public static readonly DiagnosticDescriptor ExceptionOutsideCatalogue = new(
        "OBE0002",
        "An exception is built outside an error catalogue",
        "'{0}' is built directly; add a named factory to this layer's error catalogue (a static class named *Errors) and throw what it returns",
        "Design",
        DiagnosticSeverity.Error,
        isEnabledByDefault: false,
        description: "In a project with an error catalogue every exception message lives there (docs/architecture.md).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(LibraryExceptionOutsideCatalogue, ExceptionOutsideCatalogue);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var exception = start.Compilation.GetTypeByMetadataName("System.Exception");
            if (exception is null)
            {
                return;
            }

            start.RegisterOperationAction(c => Check(c, exception), OperationKind.ObjectCreation);
        });
    }

    private static void Check(OperationAnalysisContext context, INamedTypeSymbol exception)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || !DerivesFrom(type, exception) || InCatalogue(context.ContainingSymbol))
        {
            return;
        }

        var rule = type.ContainingAssembly?.Name == LibraryAssemblyName ? LibraryExceptionOutsideCatalogue : ExceptionOutsideCatalogue;
        context.ReportDiagnostic(Diagnostic.Create(rule, creation.Syntax.GetLocation(), type.Name));
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True inside a catalogue: a static class named *Errors.
    /// </summary>
    private static bool InCatalogue(ISymbol? symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsStatic && type.Name.EndsWith("Errors", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
