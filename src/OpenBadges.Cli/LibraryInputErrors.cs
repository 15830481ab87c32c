using System.Diagnostics;
using OpenBadges.Baking;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.JsonLd;

namespace OpenBadges.Cli;

/// <summary>
/// Which exceptions are the library refusing the user's input (reported as "error: ..." with exit code
/// <see cref="ExitCodes.UsageOrInput"/>) and which are bugs (left to crash loudly). The library's own input types
/// always are; a <see cref="FormatException"/> is malformed text by .NET's convention; an
/// <see cref="ArgumentException"/> is input only when the library raised it (its catalogues name the argument and
/// the rule), never when it comes from the tool's own code, and an <see cref="ArgumentNullException"/> never is.
/// </summary>
internal static class LibraryInputErrors
{
    private static readonly System.Reflection.Assembly Tool = typeof(LibraryInputErrors).Assembly;

    public static bool Is(Exception e) => e switch
    {
        CliInputException or JsonInputException or JsonLdException or CanonicalizationLimitException or BakingException => true,
        FormatException => true,
        ArgumentNullException => false,
        ArgumentException => RaisedInsideLibrary(e),
        _ => false,
    };

    // The library and the tool's sibling libraries (the issuing service's DID documents, the certificate page).
    private static bool RaisedInsideLibrary(Exception e) =>
        new StackTrace(e).GetFrames().Any(frame => frame.GetMethod()?.DeclaringType?.Assembly is { } assembly
            && assembly != Tool
            && assembly.GetName().Name?.StartsWith("OpenBadges", StringComparison.Ordinal) == true);
}
