using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;

namespace OpenBadges.Cli.Commands;

/// <summary><c>openbadges sign --key KEYFILE [--suite …] [--created ISO] [--verification-method ID] FILE [--out FILE]</c>.</summary>
internal static class SignCommand
{
    public static Command Create(CliContext context)
    {
        var key = new Option<string>("--key") { Description = "The key file (the keygen format).", Required = true };
        var suite = new Option<string>("--suite") { Description = "eddsa-rdfc-2022 (default), eddsa-jcs-2022, Ed25519Signature2020, or jwt (a VC-JWT; the algorithm follows the key: EdDSA, ES256 or RS256).", DefaultValueFactory = _ => "eddsa-rdfc-2022" };
        suite.AcceptOnlyFromAmong("eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020", "jwt");
        var created = new Option<string?>("--created") { Description = "The proof's created time (ISO 8601 with a zone). Default: now." };
        var verificationMethod = new Option<string?>("--verification-method") { Description = "The verification method id to name in the proof. Default: the key file's id." };
        var file = new Argument<string>("FILE") { Description = "The credential to sign (JSON)." };
        var output = new Option<string?>("--out") { Description = "Write the signed credential here (atomically) instead of stdout." };
        var command = new Command("sign", "Add a Data Integrity proof (Ed25519) to a credential.")
        {
            key, suite, created, verificationMethod, file, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var document = JsonInput.Parse(CliContext.ReadFile(parse.GetValue(file)!)) as Newtonsoft.Json.Linq.JObject
                ?? throw new CliInputException("the credential must be a JSON object.");
            if (parse.GetValue(suite) == "jwt")
            {
                context.WriteOutput(SignJwt(parse.GetValue(key)!, document) + Environment.NewLine, parse.GetValue(output));
                return ExitCodes.Ok;
            }

            using var keyFile = LoadKey(parse.GetValue(key)!);
            var method = parse.GetValue(verificationMethod);
            RequireIssuerControlsKey(document, method is null ? keyFile.Controller : ControllerOf(method), method ?? keyFile.Controller);
            var options = new ProofOptions
            {
                Created = ParseCreated(parse.GetValue(created)),
                VerificationMethod = parse.GetValue(verificationMethod),
            };
            var signed = DataIntegritySigner.SignAsync(document, keyFile.CreateSigner(), Cryptosuites.FromName(parse.GetValue(suite)!)!, options)
                .GetAwaiter().GetResult();
            context.WriteOutput(signed.ToString(Formatting.Indented) + Environment.NewLine, parse.GetValue(output));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string SignJwt(string keyPath, Newtonsoft.Json.Linq.JObject credential)
    {
        var keyJson = JsonInput.Parse(CliContext.ReadFile(keyPath)) as Newtonsoft.Json.Linq.JObject
            ?? throw new CliInputException($"the key file '{keyPath}' is not a JSON object.");
        if (JwkKeyFiles.IsJwk(keyJson))
        {
            var (signer, keyHolder) = JwkKeyFiles.Load(keyJson, keyPath);
            using (keyHolder)
            {
                return new OpenBadges.Proofs.Jose.VcJwtIssuer(signer).IssueAsync(credential).GetAwaiter().GetResult();
            }
        }

        using var keyFile = LoadKey(keyPath);
        RequireIssuerControlsKey(credential, keyFile.Controller, keyFile.Controller);
        return new OpenBadges.Proofs.Jose.VcJwtIssuer(keyFile.CreateSigner()).IssueAsync(credential).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Refuses to sign a credential whose issuer is not the key's controller: verifiers require them to be equal, so the
    /// result could never verify (it used to be written anyway, with exit 0).
    /// </summary>
    private static void RequireIssuerControlsKey(Newtonsoft.Json.Linq.JObject credential, string controller, string key)
    {
        var issuer = credential["issuer"] switch
        {
            Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.String } value => (string?)value,
            Newtonsoft.Json.Linq.JObject profile => profile["id"]?.Type == Newtonsoft.Json.Linq.JTokenType.String ? (string?)profile["id"] : null,
            _ => null,
        };
        if (issuer is not null && !string.Equals(issuer, controller, StringComparison.Ordinal))
        {
            throw new CliInputException($"the credential's issuer '{issuer}' is not the controller '{controller}' of the signing key ({key}); verifiers require them to be equal, so the signed credential could never verify. Set issuer.id to '{controller}' or sign with the issuer's key.");
        }
    }

    private static string ControllerOf(string verificationMethod)
    {
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? verificationMethod : verificationMethod[..hash];
    }

    internal static Ed25519KeyFile LoadKey(string path)
    {
        try
        {
            return Ed25519KeyFile.Load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read the key file '{path}': {e.Message}");
        }
    }

    private static DateTimeOffset? ParseCreated(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var hasZone = text.EndsWith('Z') || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-'));
        if (!hasZone || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var created))
        {
            throw new CliInputException($"--created '{text}' is not an ISO 8601 date-time with a zone (e.g. 2025-01-31T12:00:00Z).");
        }

        return created;
    }
}
