using System.CommandLine;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Rendering;
using OpenBadges.Verification;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges render FILE --out badge.html</c>: the certificate page (OpenBadges.Rendering) for a credential, verified
/// offline as <c>verify</c> does. The page is written whatever the verdict (it shows it); exit codes as <c>verify</c>.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A credential: a JSON file, a VC-JWT, or a PNG/SVG image with a baked credential." };
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write.", Required = true };
        var verifyUrl = new Option<string?>("--verify-url") { Description = "An https URL where a person can verify the credential (the QR code's target). Default: the credential id, if it is an https URL." };
        var language = new Option<string?>("--language") { Description = "Label language: nl or en. Default: the credential's own language (achievement.inLanguage)." };
        var now = new Option<string?>("--now") { Description = "Verify as of this time (ISO 8601 with a zone) instead of the clock." };
        var command = new Command("render", "Write a self-contained HTML certificate page (European elements, issuer, verification result, QR code; prints on A4).")
        {
            file, output, verifyUrl, language, now,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var clock = VerifyCommand.ParseNow(parse.GetValue(now));
            var lang = parse.GetValue(language);
            if (lang is not null and not ("nl" or "en"))
            {
                throw new CliInputException($"--language must be nl or en, not '{lang}'.");
            }

            Uri? url = null;
            if (parse.GetValue(verifyUrl) is { } given && !(Uri.TryCreate(given, UriKind.Absolute, out url) && url.Scheme == Uri.UriSchemeHttps))
            {
                throw new CliInputException($"--verify-url must be an absolute https URL, not '{given}'.");
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"cannot read a credential from '{path}': {e.Message}");
            }

            var report = new CredentialVerifier(new CredentialVerifierOptions { KeyResolver = KeyResolvers.Offline, TimeProvider = clock })
                .VerifyAsync(bytes).GetAwaiter().GetResult();
            var credential = report.Credential
                ?? throw new CliInputException($"'{path}' holds no readable credential: {report.Find(CheckNames.Parse)?.Message ?? report.ToString()}");
            var html = CertificatePage.Render(credential, report, new CertificatePageOptions { VerifyUrl = url, Language = lang, CheckedAt = clock.GetUtcNow() });
            var target = parse.GetValue(output)!;
            AtomicFile.WriteText(target, html);
            context.Out.WriteLine($"wrote {target} ({report.Verdict})");
            return report.Verdict switch
            {
                Verdict.Valid => ExitCodes.Ok,
                Verdict.Invalid => ExitCodes.Invalid,
                _ => ExitCodes.UsageOrInput,
            };
        }));
        return command;
    }
}
