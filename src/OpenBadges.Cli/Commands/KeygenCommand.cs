using System.CommandLine;
using OpenBadges.Keys;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges keygen [--type ed25519|p256|p384|rsa] [--format multikey|jwk] [--seed HEX64] [--controller ID] [--out FILE]</c>:
/// a new signing key, as a Multikey key file (Ed25519, P-256, P-384) or a private JWK (P-256, RSA) for VC-JWT.
/// </summary>
internal static class KeygenCommand
{
    public static Command Create(CliContext context)
    {
        var seed = new Option<string?>("--seed") { Description = "ed25519 only: a 32-byte seed as 64 hex digits (a deterministic key, for tests and vectors). Default: a random key." };
        var controller = new Option<string?>("--controller") { Description = "The key's controller (e.g. did:web:uni.example). Default: the key's own did:key." };
        var output = new Option<string?>("--out") { Description = "Write the key file here (refuses to overwrite). Default: stdout." };
        var type = new Option<string>("--type") { Description = "ed25519 (default; Data Integrity eddsa suites, EdDSA JWTs), p256 or p384 (Data Integrity ecdsa suites; p256 also ES256 JWTs with --format jwk), or rsa (RS256 JWTs, always a JWK).", DefaultValueFactory = _ => "ed25519" };
        type.AcceptOnlyFromAmong("ed25519", "p256", "p384", "rsa");
        var format = new Option<string?>("--format") { Description = "multikey (the key file: id, type, controller, publicKeyMultibase, secretKeyMultibase; default except for rsa) or jwk (a private JWK for VC-JWT; p256 and rsa)." };
        format.AcceptOnlyFromAmong("multikey", "jwk");
        var command = new Command("keygen", "Generate a signing key: a Multikey key file (Ed25519, P-256, P-384) or a private JWK for VC-JWT.")
        {
            seed, controller, output, type, format,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var keyType = parse.GetValue(type)!;
            var keyFormat = parse.GetValue(format) ?? (keyType == "rsa" ? "jwk" : "multikey");
            return (keyType, keyFormat) switch
            {
                ("ed25519", "multikey") => Run(context, parse.GetValue(seed), parse.GetValue(controller), parse.GetValue(output)),
                ("p256" or "p384", "multikey") => RunEcdsa(context, keyType, parse.GetValue(seed), parse.GetValue(controller), parse.GetValue(output)),
                ("p256" or "rsa", "jwk") => RunJwk(context, keyType, parse.GetValue(seed), parse.GetValue(controller), parse.GetValue(output)),
                _ => throw new CliInputException($"a {keyType} key cannot be written as {keyFormat}: use --format {(keyType == "rsa" ? "jwk" : "multikey")}."),
            };
        }));
        return command;
    }

    private static int RunEcdsa(CliContext context, string type, string? seed, string? controller, string? outputPath)
    {
        if (seed is not null)
        {
            throw new CliInputException($"--seed applies to ed25519 keys only; a {type} key is random.");
        }

        EcdsaKeyFile file;
        try
        {
            file = EcdsaKeyFile.Generate(type == "p256" ? EcdsaCurve.P256 : EcdsaCurve.P384, controller);
        }
        catch (ArgumentException e)
        {
            throw new CliInputException(e.Message);
        }

        using (file)
        {
            if (outputPath is null)
            {
                context.Out.WriteLine(file.ToJson());
                return ExitCodes.Ok;
            }

            try
            {
                file.Save(outputPath);
            }
            catch (IOException e)
            {
                throw new CliInputException($"cannot write the key file '{outputPath}' (an existing file is never overwritten): {e.Message}");
            }

            context.Error.WriteLine($"Wrote {file.Id} to {outputPath} (owner-only). Keep this file secret: it holds the signing key.");
            return ExitCodes.Ok;
        }
    }

    private static int Run(CliContext context, string? seedHex, string? controller, string? outputPath)
    {
        using var file = seedHex is null
            ? Ed25519KeyFile.Generate(controller)
            : Ed25519KeyFile.Create(FromSeed(seedHex), controller);
        if (outputPath is null)
        {
            context.Out.WriteLine(file.ToJson());
            return ExitCodes.Ok;
        }

        try
        {
            file.Save(outputPath);
        }
        catch (IOException e)
        {
            throw new CliInputException($"cannot write the key file '{outputPath}' (an existing file is never overwritten): {e.Message}");
        }

        context.Error.WriteLine($"Wrote {file.Id} to {outputPath} (owner-only). Keep this file secret: it holds the signing key.");
        return ExitCodes.Ok;
    }

    private static int RunJwk(CliContext context, string type, string? seed, string? controller, string? outputPath)
    {
        if (seed is not null || controller is not null)
        {
            throw new CliInputException($"--seed and --controller apply to ed25519 keys only; a {type} key is random and controlled by its did:jwk.");
        }

        var json = JwkKeyFiles.ToJson(type == "p256" ? JwkKeyFiles.GenerateP256() : JwkKeyFiles.GenerateRsa()) + Environment.NewLine;
        if (outputPath is null)
        {
            context.Out.Write(json);
            return ExitCodes.Ok;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(new FileStream(outputPath, options));
            writer.Write(json);
        }
        catch (IOException e)
        {
            throw new CliInputException($"cannot write the key file '{outputPath}' (an existing file is never overwritten): {e.Message}");
        }

        context.Error.WriteLine($"Wrote a {type} key to {outputPath} (owner-only). Keep this file secret: it holds the signing key.");
        return ExitCodes.Ok;
    }

    private static Ed25519Key FromSeed(string seedHex)
    {
        if (seedHex.Length != 64 || !seedHex.All(Uri.IsHexDigit))
        {
            throw new CliInputException("--seed must be exactly 64 hex digits (a 32-byte Ed25519 seed).");
        }

        return Ed25519Key.FromSeed(Convert.FromHexString(seedHex), allowSecretExport: true);
    }
}
