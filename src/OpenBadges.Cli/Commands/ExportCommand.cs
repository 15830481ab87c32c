using System.CommandLine;
using Newtonsoft.Json;
using OpenBadges.Checks;
using OpenBadges.Elm;
using OpenBadges.Keys;
using OpenBadges.Verification;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges export --format elm FILE --given-name G --family-name F</c>: the micro-credential as a European
/// Learning Model (ELM 3.2) <c>EuropeanDigitalCredential</c>, unsealed (sealing is the institution's eIDAS service).
/// The credential must verify (offline) first, so a forged or tampered badge is never turned into an ELM credential;
/// <c>--unverified</c> exports an unsigned one (e.g. straight from <c>build</c>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A credential: a JSON file, or a PNG/SVG image with a baked credential." };
        var format = new Option<string>("--format") { Description = "The export format: elm (European Learning Model 3.2).", Required = true };
        format.AcceptOnlyFromAmong("elm");
        var givenName = new Option<string?>("--given-name") { Description = "The learner's given name (ELM needs it; the badge holds at most a hash)." };
        var familyName = new Option<string?>("--family-name") { Description = "The learner's family name." };
        var setting = new Option<string?>("--learning-setting") { Description = "formal or non-formal (ELM learningSetting; not written when absent)." };
        setting.AcceptOnlyFromAmong("formal", "non-formal");
        var language = new Option<string?>("--language") { Description = "ISO 639-1 language of the texts when the credential has no inLanguage." };
        var id = new Option<string?>("--id") { Description = "The ELM credential's id (an absolute IRI; default a new urn:uuid)." };
        var unverified = new Option<bool>("--unverified") { Description = "Export without verifying the credential first (for an unsigned credential)." };
        var output = new Option<string?>("--out") { Description = "Write the ELM credential here instead of stdout." };
        var command = new Command("export", "Export a micro-credential as a European Learning Model (ELM 3.2) credential for Europass (unsealed).")
        {
            file, format, givenName, familyName, setting, language, id, unverified, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            Newtonsoft.Json.Linq.JObject credential;
            if (parse.GetValue(unverified))
            {
                credential = CredentialInput.ReadObject(path);
            }
            else
            {
                // The verifier reads every form (JSON, VC-JWT, baked PNG/SVG); what it verified is what is exported.
                var report = new CredentialVerifier(new CredentialVerifierOptions { KeyResolver = KeyResolvers.Offline })
                    .VerifyAsync(ReadBytes(path)).GetAwaiter().GetResult();
                if (report.Verdict != Verdict.Valid || report.Credential is null)
                {
                    throw new CliInputException($"'{path}' does not verify ({report.Verdict}): run 'openbadges verify {path}' for the checks, or export an unsigned credential with --unverified.");
                }

                credential = report.Credential;
            }

            var given = parse.GetValue(givenName);
            var family = parse.GetValue(familyName);
            var options = new ElmExportOptions
            {
                Learner = given is null && family is null ? null : new ElmLearner(given ?? "", family ?? ""),
                LearningSetting = parse.GetValue(setting) switch
                {
                    "formal" => ElmLearningSetting.Formal,
                    "non-formal" => ElmLearningSetting.NonFormal,
                    _ => null,
                },
                Language = parse.GetValue(language),
                CredentialId = parse.GetValue(id),
            };
            try
            {
                var elm = ElmExport.ToElm(credential, options);
                context.WriteOutput(elm.ToString(Formatting.Indented) + Environment.NewLine, parse.GetValue(output));
                return ExitCodes.Ok;
            }
            catch (ElmExportException e)
            {
                context.Error.WriteLine($"error: '{path}' cannot be exported to ELM ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}):");
                foreach (var problem in e.Problems)
                {
                    context.Error.WriteLine($"  {problem.Element,-4} {problem.JsonPath}: {problem.Rule}");
                }

                if (e.Problems.Any(p => p.Element == "M1"))
                {
                    context.Error.WriteLine("  (give the learner's name with --given-name and --family-name)");
                }

                return ExitCodes.UsageOrInput;
            }
        }));
        return command;
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read a credential from '{path}': {e.Message}");
        }
    }
}
