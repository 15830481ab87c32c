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
        var key = new Option<string>("--key") { Description = "The key file (openbadges keygen): an Ed25519 or P-256/P-384 Multikey key file, or for --suite jwt a private JWK (P-256, RSA) or an Ed25519 key file.", Required = true };
        var suite = new Option<string>("--suite") { Description = "eddsa-rdfc-2022 (default), eddsa-jcs-2022, Ed25519Signature2020 (Ed25519 key); ecdsa-rdfc-2019, ecdsa-jcs-2019 (P-256/P-384 key); ecdsa-sd-2023 (P-256 key: a base proof for the holder to derive from); or jwt (a VC-JWT; the algorithm follows the key: EdDSA, ES256 or RS256).", DefaultValueFactory = _ => "eddsa-rdfc-2022" };
        suite.AcceptOnlyFromAmong("eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020", "ecdsa-rdfc-2019", "ecdsa-jcs-2019", "ecdsa-sd-2023", "jwt");
        var created = new Option<string?>("--created") { Description = "The proof's created time (ISO 8601 with a zone). Default: now." };
        var verificationMethod = new Option<string?>("--verification-method") { Description = "The verification method id to name in the proof. Default: the key file's id. It must name the signing key: did:key, did:jwk and controller#z6Mk… ids are checked offline; any other needs --trust-verification-method." };
        var trustMethod = new Option<bool>("--trust-verification-method") { Description = "Name a --verification-method that cannot be checked offline (did:web, https): you vouch that it is published with the signing key." };
        var file = new Argument<string>("FILE") { Description = "The credential to sign (JSON)." };
        var output = new Option<string?>("--out") { Description = "Write the signed credential here (atomically) instead of stdout." };
        var mandatory = new Option<string[]>("--mandatory") { Description = "ecdsa-sd-2023 only: a JSON Pointer every derived presentation must disclose (repeat the option). Default: everything but the learner's identity and results (issuer, validity, achievement, ...).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("sign", "Add a Data Integrity proof (Ed25519 or ECDSA P-256/P-384) to a credential, or issue it as a VC-JWT.")
        {
            key, suite, created, verificationMethod, trustMethod, file, output, mandatory,
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

            var method = parse.GetValue(verificationMethod);
            void RequireIssuerControls(string keyController) =>
                RequireIssuerControlsKey(document, method is null ? keyController : ControllerOf(method), method ?? keyController);

            var options = new ProofOptions
            {
                Created = ParseCreated(parse.GetValue(created)),
                VerificationMethod = parse.GetValue(verificationMethod),
            };
            var cryptosuite = Cryptosuites.FromName(parse.GetValue(suite)!)!;
            Newtonsoft.Json.Linq.JObject signed;
            var mandatoryPointers = parse.GetValue(mandatory) is { Length: > 0 } given ? given : null;
            if (mandatoryPointers is not null && cryptosuite != Cryptosuites.EcdsaSd2023)
            {
                throw new CliInputException("--mandatory applies to --suite ecdsa-sd-2023 only.");
            }

            if (cryptosuite == Cryptosuites.EcdsaSd2023)
            {
                using var sdKey = LoadEcdsaKey(parse.GetValue(key)!, cryptosuite.Name!);
                RequireIssuerControls(sdKey.Controller);
                RequireOwnMethod(method, sdKey.Id, parse.GetValue(trustMethod));
                signed = EcdsaSd2023.SignBaseAsync(document, sdKey.CreateSigner(), mandatoryPointers, options).GetAwaiter().GetResult();
            }
            else if (cryptosuite.Name?.StartsWith("ecdsa-", StringComparison.Ordinal) == true)
            {
                using var ecdsaKey = LoadEcdsaKey(parse.GetValue(key)!, cryptosuite.Name);
                RequireIssuerControls(ecdsaKey.Controller);
                RequireOwnMethod(method, ecdsaKey.Id, parse.GetValue(trustMethod));
                signed = DataIntegritySigner.SignAsync(document, ecdsaKey.CreateSigner(), cryptosuite, options).GetAwaiter().GetResult();
            }
            else
            {
                using var keyFile = LoadKey(parse.GetValue(key)!);
                if (method is not null)
                {
                    CheckVerificationMethod(method, keyFile, parse.GetValue(trustMethod));
                }

                RequireIssuerControls(keyFile.Controller);

                signed = DataIntegritySigner.SignAsync(document, keyFile.CreateSigner(), cryptosuite, options).GetAwaiter().GetResult();
            }

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

        if (EcdsaKeyFile.IsEcdsaKeyFile(keyJson))
        {
            throw new CliInputException($"'{keyPath}' is a P-256/P-384 Multikey file for the Data Integrity ecdsa suites; an ES256 VC-JWT needs a JWK key file (openbadges keygen --type p256 --format jwk).");
        }

        using var keyFile = LoadKey(keyPath);
        RequireIssuerControlsKey(credential, keyFile.Controller, keyFile.Controller);
        return new OpenBadges.Proofs.Jose.VcJwtIssuer(keyFile.CreateSigner()).IssueAsync(credential).GetAwaiter().GetResult();
    }

    internal static EcdsaKeyFile LoadEcdsaKey(string path, string suite)
    {
        try
        {
            return EcdsaKeyFile.Load(path);
        }
        catch (FormatException e)
        {
            throw new CliInputException($"{suite} needs a P-256 or P-384 key file (openbadges keygen --type p256|p384): {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read the key file '{path}': {e.Message}");
        }
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

    // The ECDSA key files carry their own method id; another one is not checked offline here, so it needs the same
    // explicit trust as an Ed25519 method that cannot be resolved offline.
    private static void RequireOwnMethod(string? method, string keyId, bool trusted)
    {
        if (method is not null && method != keyId && !trusted)
        {
            throw new CliInputException($"--verification-method '{method}' is not the key file's own id ('{keyId}') and is not checked against an ECDSA key offline; if it is published with this key, add --trust-verification-method.");
        }
    }

    private static string ControllerOf(string verificationMethod)
    {
        var hash = verificationMethod.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? verificationMethod : verificationMethod[..hash];
    }

    /// <summary>
    /// A proof naming a key that did not make it fails at every verifier, or — worse — points at a key the signer does
    /// not hold. The named method must resolve, offline, to the signing key's public key; one that cannot be resolved
    /// offline is accepted only with <c>--trust-verification-method</c>.
    /// </summary>
    private static void CheckVerificationMethod(string method, Ed25519KeyFile keyFile, bool trusted)
    {
        if (method == keyFile.Id)
        {
            return; // the key file's own id: the key file binds it to this key
        }

        Ed25519PublicKey? named = null;
        if (method.StartsWith(DidJwk.Prefix, StringComparison.Ordinal))
        {
            if (!DidJwk.TryParse(method, out var jwk, out _, out var error) || !Jwk.TryParsePublicKey(jwk, out named, out error))
            {
                throw new CliInputException($"--verification-method '{method}' is not a usable did:jwk: {error}.");
            }
        }
        else
        {
            var resolution = KeyResolvers.OfflineTrustingKeyFragments.ResolveVerificationMethodAsync(method).AsTask().GetAwaiter().GetResult();
            named = resolution.PublicKey;
            if (named is null && method.StartsWith("did:key:", StringComparison.Ordinal))
            {
                throw new CliInputException($"--verification-method '{method}' is not a usable did:key method: {resolution.Reason}.");
            }
        }

        if (named is null)
        {
            if (!trusted)
            {
                throw new CliInputException(
                    $"--verification-method '{method}' cannot be checked against the signing key offline (did:key, did:jwk and controller#z6Mk… can); " +
                    "if it is published with this key, add --trust-verification-method.");
            }

            return;
        }

        if (named != keyFile.PublicKey)
        {
            throw new CliInputException($"--verification-method '{method}' names a different key than the one signing: every verifier would reject the proof.");
        }
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
