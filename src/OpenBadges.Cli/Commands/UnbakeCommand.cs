using System.CommandLine;
using OpenBadges.Baking;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges unbake IMAGE [--out FILE]</c>: prints the credential baked into a PNG or SVG.</summary>
internal static class UnbakeCommand
{
    public static Command Create(CliContext context)
    {
        var image = new Argument<string>("IMAGE") { Description = "A PNG or SVG badge image with a baked credential." };
        var output = new Option<string?>("--out") { Description = "Write the credential here (atomically) instead of stdout." };
        var command = new Command("unbake", "Print the credential baked into a PNG or SVG badge image.")
        {
            image, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var path = parse.GetValue(image)!;
            string text;
            try
            {
                var (credential, kind) = CredentialInput.ReadText(path);
                text = kind is null ? throw new CliInputException($"'{path}' is neither a PNG nor an SVG image.") : credential;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BakingException)
            {
                throw new CliInputException($"cannot unbake '{path}': {e.Message}");
            }

            context.WriteOutput(text.TrimEnd() + Environment.NewLine, parse.GetValue(output));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
