using System.CommandLine;
using Newtonsoft.Json;
using OpenBadges.Issuer.Hosting;
using OpenBadges.Keys;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges did-web --key KEYFILE [--out FILE]</c>: the did.json a did:web issuer publishes for its key.</summary>
internal static class DidWebCommand
{
    public static Command Create(CliContext context)
    {
        var key = new Option<string>("--key") { Description = "The key file (openbadges keygen --controller did:web:your.host); only its public part is written.", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the DID document here (atomically) instead of stdout." };
        var command = new Command("did-web", "Write the did:web DID document (did.json) for a key file; publish it at the URL the DID maps to.")
        {
            key, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var path = parse.GetValue(key)!;
            Ed25519KeyFile file;
            try
            {
                file = Ed25519KeyFile.Load(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"cannot read '{path}': {e.Message}");
            }

            using (file)
            {
                var document = DidDocuments.ForKey(file);
                context.WriteOutput(document.ToString(Formatting.Indented) + Environment.NewLine, parse.GetValue(output));
                context.Error.WriteLine($"Publish it at {DidWeb.GetDocumentUrl(file.Controller)}");
                return ExitCodes.Ok;
            }
        }));
        return command;
    }
}
