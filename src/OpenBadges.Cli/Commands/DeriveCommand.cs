using System.CommandLine;
using Newtonsoft.Json;
using OpenBadges.Json;
using OpenBadges.Proofs;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges derive FILE [--disclose POINTER]... [--out FILE]</c>: an ecdsa-sd-2023 presentation from a base credential.</summary>
internal static class DeriveCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A credential with an ecdsa-sd-2023 base proof (from sign --suite ecdsa-sd-2023)." };
        var disclose = new Option<string[]>("--disclose") { Description = "A JSON Pointer to disclose besides the issuer's mandatory statements, e.g. /credentialSubject/name (repeat the option). Default: none." };
        var output = new Option<string?>("--out") { Description = "Write the derived credential here (atomically) instead of stdout." };
        var command = new Command("derive", "Derive an ecdsa-sd-2023 proof that discloses the mandatory statements and the chosen ones (the holder's step).")
        {
            file, disclose, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var credential = JsonInput.Parse(CliContext.ReadFile(parse.GetValue(file)!)) as Newtonsoft.Json.Linq.JObject
                ?? throw new CliInputException("the credential must be a JSON object.");
            var derived = EcdsaSd2023.Derive(credential, parse.GetValue(disclose) ?? []);
            context.WriteOutput(derived.ToString(Formatting.Indented) + Environment.NewLine, parse.GetValue(output));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
