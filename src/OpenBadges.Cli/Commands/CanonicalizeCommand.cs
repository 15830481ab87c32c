using System.CommandLine;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.JsonLd;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges canonicalize [--algorithm rdfc-1.0|jcs] [--unsafe] FILE</c>: the canonical form a signature covers.</summary>
internal static class CanonicalizeCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A JSON-LD document (e.g. a credential)." };
        var algorithm = new Option<string>("--algorithm") { Description = "rdfc-1.0 (JSON-LD → RDF → canonical N-Quads) or jcs (RFC 8785).", DefaultValueFactory = _ => "rdfc-1.0" };
        algorithm.AcceptOnlyFromAmong("rdfc-1.0", "jcs");
        var unsafeMode = new Option<bool>("--unsafe") { Description = "Drop undefined terms and relative IRIs silently instead of failing (never do this when signing)." };
        var command = new Command("canonicalize", "Print the canonical form of a document: what a Data Integrity signature covers.")
        {
            file, algorithm, unsafeMode,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var document = JsonInput.Parse(CliContext.ReadFile(parse.GetValue(file)!));
            var text = parse.GetValue(algorithm) == "jcs"
                ? Jcs.Canonicalize(document) + "\n"
                : JsonLdCanonicalizer.Canonicalize(document, new JsonLdOptions { SafeMode = !parse.GetValue(unsafeMode) });
            context.Out.Write(text);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
