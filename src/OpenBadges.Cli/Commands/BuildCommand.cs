using System.CommandLine;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Model;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges build SPEC.json</c>: a micro-credential spec (docs/spec-format.md) → the unsigned OB 3.0 credential on stdout.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var spec = new Argument<string>("SPEC") { Description = "The micro-credential spec (JSON; see docs/spec-format.md)." };
        var output = new Option<string?>("--out") { Description = "Write the credential here instead of stdout." };
        var command = new Command("build", "Build an unsigned Open Badges 3.0 credential with the European micro-credential elements from a spec file.")
        {
            spec, output,
        };
        command.SetAction(parse => context.Guard(() => Run(context, parse.GetValue(spec)!, parse.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, string specPath, string? outputPath)
    {
        var json = JsonInput.Parse(CliContext.ReadFile(specPath));
        if (BuildOrReport(context, specPath, json) is not { } credential)
        {
            return ExitCodes.UsageOrInput;
        }

        context.WriteOutput(credential.ToJson() + Environment.NewLine, outputPath);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The credential <paramref name="json"/> describes; or null, after listing every missing or invalid element on
    /// standard error (the caller exits with <see cref="ExitCodes.UsageOrInput"/>). Shared with <c>issue</c>.
    /// </summary>
    internal static OpenBadgeCredential? BuildOrReport(CliContext context, string specPath, JToken json)
    {
        var problems = MicroCredentialSpec.Check(json);
        if (problems.Count > 0)
        {
            context.Error.WriteLine($"error: '{specPath}' does not describe a complete micro-credential ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"  {problem.Element,-4} {problem.JsonPath}: {problem.Rule}");
            }

            return null;
        }

        return MicroCredentialSpec.Parse(json).Build();
    }
}
