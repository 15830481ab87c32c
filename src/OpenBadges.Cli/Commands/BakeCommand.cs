using System.CommandLine;
using System.Text;
using OpenBadges.Baking;
using OpenBadges.Json;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges bake --image IN.png|IN.svg --credential FILE --out OUT</c>: a badge image carrying the credential (OB 3.0 baking).</summary>
internal static class BakeCommand
{
    public static Command Create(CliContext context)
    {
        var image = new Option<string>("--image") { Description = "The badge image: a PNG or an SVG.", Required = true };
        var credential = new Option<string>("--credential") { Description = "The signed credential: a JSON file, or a file holding a compact VC-JWT.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the baked image (atomically; same format as the input).", Required = true };
        var command = new Command("bake", "Bake a credential into a PNG (iTXt 'openbadgecredential') or SVG (<openbadges:credential>) badge image.")
        {
            image, credential, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var imagePath = parse.GetValue(image)!;
            var credentialText = CliContext.ReadFile(parse.GetValue(credential)!).Trim();
            CheckCredential(credentialText, parse.GetValue(credential)!);
            var bytes = InputFiles.ReadBytes(imagePath);

            byte[] baked;
            try
            {
                baked = BakedImages.Bake(bytes, credentialText);
            }
            catch (Exception e) when (e is BakingException or System.Xml.XmlException)
            {
                throw new CliInputException($"cannot bake into '{imagePath}': {e.Message}");
            }

            CliContext.WriteOutputBytes(baked, parse.GetValue(output)!);
            context.Error.WriteLine($"Baked the credential into {parse.GetValue(output)} ({(PngBaker.IsPng(baked) ? "PNG" : "SVG")}, {baked.Length} bytes).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A JSON credential must be a JSON object; anything else must have the shape of a compact JWS (three base64url parts).</summary>
    private static void CheckCredential(string text, string path)
    {
        if (text.StartsWith('{'))
        {
            if (JsonInput.Parse(text) is not Newtonsoft.Json.Linq.JObject)
            {
                throw new CliInputException($"'{path}' is not a JSON object (a credential).");
            }

            return;
        }

        var parts = text.Split('.');
        if (parts.Length != 3 || parts.Any(part => part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new CliInputException($"'{path}' is neither a JSON credential nor a compact VC-JWT (three base64url parts separated by dots).");
        }
    }
}
