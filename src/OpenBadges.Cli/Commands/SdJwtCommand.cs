using System.CommandLine;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.SdJwt;
using OpenBadges.Verification;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges sdjwt issue|present|verify</c>: the European wallet profile (SD-JWT VC <c>urn:eudi:micro_credential:1</c>, or
/// the OB 3.0 credential as <c>vc+sd-jwt</c>), a holder's presentation of chosen claims, and verification of the
/// <c>~</c>-separated form. Verify exits 0 valid, 1 invalid, 2 undecided.
/// </summary>
internal static class SdJwtCommand
{
    public static Command Create(CliContext context) => new("sdjwt", "SD-JWT VC (European wallets): issue, present selected claims, verify.")
    {
        CreateIssue(context),
        CreatePresent(context),
        CreateVerify(context),
    };

    private static Command CreateIssue(CliContext context)
    {
        var key = new Option<string>("--key") { Description = "The issuer's key file: a P-256 JWK (ES256, what EUDI wallets take) or an Ed25519 key file.", Required = true };
        var format = new Option<string>("--format") { Description = "sd-jwt-vc (urn:eudi:micro_credential:1, default) or vc+sd-jwt (the OB 3.0 credential, VC-JOSE-COSE).", DefaultValueFactory = _ => "sd-jwt-vc" };
        format.AcceptOnlyFromAmong("sd-jwt-vc", "vc+sd-jwt");
        var holder = new Option<string?>("--holder-key") { Description = "The holder's key file (JWK or Ed25519 key file): its public key goes into cnf, so presentations need a KB-JWT." };
        var statusUri = new Option<string?>("--status-uri") { Description = "The Token Status List this credential is listed in (status.status_list.uri)." };
        var statusIndex = new Option<int?>("--status-index") { Description = "Its index in that list (status.status_list.idx)." };
        var file = new Argument<string>("FILE") { Description = "The credential (JSON; an embedded proof is dropped). Its issuer id must be the key's DID." };
        var output = new Option<string?>("--out") { Description = "Write the SD-JWT here instead of stdout." };
        var command = new Command("issue", "Issue a credential as an SD-JWT VC (the learner's data selectively disclosable).")
        {
            key, format, holder, statusUri, statusIndex, file, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var credential = JsonInput.Parse(CliContext.ReadFile(parse.GetValue(file)!)) as JObject ?? throw new CliInputException("the credential must be a JSON object.");
            (string, int)? status = null;
            if (parse.GetValue(statusUri) is { } uri)
            {
                status = (uri, parse.GetValue(statusIndex) ?? throw new CliInputException("--status-uri needs --status-index."));
            }

            JObject? holderJwk = null;
            if (parse.GetValue(holder) is { } holderPath)
            {
                var (holderSigner, holderKey, publicJwk) = LoadSigner(holderPath);
                using (holderKey)
                {
                    _ = holderSigner;
                    holderJwk = publicJwk;
                }
            }

            var (signer, keyHolder, _) = LoadSigner(parse.GetValue(key)!);
            using (keyHolder)
            {
                var token = parse.GetValue(format) == "vc+sd-jwt"
                    ? VcSdJwtIssuer.IssueAsync(credential, signer, null, holderJwk).GetAwaiter().GetResult()
                    : MicroCredentialSdJwtVc.IssueAsync(credential, signer, holderJwk, status).GetAwaiter().GetResult();
                context.WriteOutput(token + Environment.NewLine, parse.GetValue(output));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>present</c>: also registered at the top level (<c>openbadges present --disclose PATH…</c>).</summary>
    internal static Command CreatePresent(CliContext context)
    {
        var disclose = new Option<string[]>("--disclose") { Description = "A claim path to disclose (e.g. credentialSubject.identifier[0]); repeat for more. Nothing else selectively disclosable is shown.", AllowMultipleArgumentsPerToken = true };
        var list = new Option<bool>("--list") { Description = "List the selectively disclosable paths instead of presenting." };
        var holder = new Option<string?>("--holder-key") { Description = "The holder's key file: adds a KB-JWT (needs --audience and --nonce)." };
        var audience = new Option<string?>("--audience") { Description = "The verifier the presentation is for (KB-JWT aud)." };
        var nonce = new Option<string?>("--nonce") { Description = "The verifier's nonce (KB-JWT nonce)." };
        var file = new Argument<string>("FILE") { Description = "The SD-JWT as issued (the ~-separated form)." };
        var output = new Option<string?>("--out") { Description = "Write the presentation here instead of stdout." };
        var command = new Command("present", "Present chosen claims of an SD-JWT, optionally key-bound.")
        {
            disclose, list, holder, audience, nonce, file, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var token = ParseToken(CliContext.ReadFile(parse.GetValue(file)!));
            if (parse.GetValue(list))
            {
                foreach (var (path, disclosure) in SdJwtPresenter.MapDisclosures(token).OrderBy(p => p.Key.ToString(), StringComparer.Ordinal))
                {
                    context.Out.WriteLine($"{path}\t{disclosure.Value.ToString(Formatting.None)}");
                }

                return ExitCodes.Ok;
            }

            var paths = (parse.GetValue(disclose) ?? []).Select(ParsePath).ToList();
            var presentation = SdJwtPresenter.Select(token, paths);
            if (parse.GetValue(holder) is { } holderPath)
            {
                var aud = parse.GetValue(audience) ?? throw new CliInputException("a key-bound presentation needs --audience.");
                var n = parse.GetValue(nonce) ?? throw new CliInputException("a key-bound presentation needs --nonce.");
                var (signer, key, _) = LoadSigner(holderPath);
                using (key)
                {
                    presentation = SdJwtPresenter.AddKeyBindingAsync(presentation, signer, aud, n).GetAwaiter().GetResult();
                }
            }

            context.WriteOutput(presentation + Environment.NewLine, parse.GetValue(output));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CreateVerify(CliContext context)
    {
        var audience = new Option<string?>("--audience") { Description = "Require the KB-JWT's aud to be this (without it, aud is reported as not checked)." };
        var nonce = new Option<string?>("--nonce") { Description = "Require the KB-JWT's nonce to be this (without it, nonce is reported as not checked)." };
        var statusList = new Option<string[]>("--status-list") { Description = "URI=FILE: a status list token held offline for that URI; repeatable.", AllowMultipleArgumentsPerToken = true };
        var now = new Option<string?>("--now") { Description = "Verify as of this time (ISO 8601 with a zone)." };
        var allowFetch = new Option<bool>("--allow-fetch") { Description = "Use the network (HTTPS): did:web keys, JWT VC Issuer Metadata, status list tokens." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var file = new Argument<string>("FILE") { Description = "The SD-JWT or SD-JWT+KB (the ~-separated form)." };
        var command = new Command("verify", "Verify an SD-JWT (VC); exit 0 valid, 1 invalid, 2 undecided.")
        {
            audience, nonce, statusList, now, allowFetch, json, file,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var text = CliContext.ReadFile(parse.GetValue(file)!).Trim();
            var held = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(statusList) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliInputException($"--status-list takes URI=FILE; got '{pair}'.");
                }

                held[pair[..eq]] = CliContext.ReadFile(pair[(eq + 1)..]).Trim();
            }

            using var http = parse.GetValue(allowFetch) ? new HttpClient { Timeout = TimeSpan.FromSeconds(15) } : null;
            var options = new SdJwtVerificationOptions
            {
                ExpectedAudience = parse.GetValue(audience),
                ExpectedNonce = parse.GetValue(nonce),
                StatusListTokens = held,
                KeyResolver = http is null ? KeyResolvers.Offline : KeyResolvers.Online(http),
                Fetcher = http is null ? null : DocumentFetchers.Http(http),
                TimeProvider = parse.GetValue(now) is { } at ? new FixedClock(ParseTime(at)) : TimeProvider.System,
            };
            var result = SdJwtVerifier.VerifyAsync(text, options).GetAwaiter().GetResult();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(new JObject
                {
                    ["verdict"] = result.Verdict.ToString(),
                    ["profile"] = result.Profile.ToString(),
                    ["checks"] = new JArray(result.Checks.Select(c => new JObject
                    {
                        ["name"] = c.Name,
                        ["status"] = c.Status.ToString(),
                        ["message"] = c.Message,
                        ["path"] = c.JsonPath,
                        ["rule"] = c.Rule,
                    })),
                    ["claims"] = result.Claims,
                }.ToString(Formatting.Indented));
            }
            else
            {
                context.Out.WriteLine($"{result.Verdict} ({result.Profile}{(result.IsKeyBound ? ", key-bound" : string.Empty)})");
                foreach (var check in result.Checks)
                {
                    context.Out.WriteLine($"  {Mark(check.Status)} {check.Name}: {check.Message}");
                }

                if (result.Claims is not null)
                {
                    context.Out.WriteLine("Disclosed: " + string.Join(", ", result.DisclosedPaths.Select(p => p.ToString())));
                }
            }

            return result.Verdict switch
            {
                Verdict.Valid => ExitCodes.Ok,
                Verdict.Invalid => ExitCodes.Invalid,
                _ => ExitCodes.UsageOrInput,
            };
        }));
        return command;
    }

    private static string Mark(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "ok  ",
        CheckStatus.Failed => "FAIL",
        CheckStatus.CouldNotCheck => "??  ",
        _ => "--  ",
    };

    private static SdJwtToken ParseToken(string text) =>
        SdJwtToken.TryParse(text.Trim(), out var token, out var error) ? token : throw new CliInputException("not an SD-JWT: " + error + ".");

    private static ClaimPath ParsePath(string text)
    {
        try
        {
            return ClaimPath.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10)
            ? time
            : throw new CliInputException($"--now '{text}' is not an ISO 8601 date-time with a zone.");

    /// <summary>A signer and its public JWK from a P-256 JWK key file or an Ed25519 key file.</summary>
    private static (ISigner Signer, IDisposable Key, JObject PublicJwk) LoadSigner(string path)
    {
        var json = JsonInput.Parse(CliContext.ReadFile(path)) as JObject ?? throw new CliInputException($"the key file '{path}' is not a JSON object.");
        if (JwkKeyFiles.IsJwk(json))
        {
            var (signer, key) = JwkKeyFiles.Load(json, path);
            var publicJwk = new JObject();
            foreach (var member in new[] { "kty", "crv", "x", "y", "n", "e" })
            {
                if (json[member] is { } value)
                {
                    publicJwk[member] = value.DeepClone();
                }
            }

            return (signer, key, publicJwk);
        }

        var keyFile = SignCommand.LoadKey(path);
        return (keyFile.CreateSigner(), keyFile, Jwk.FromPublicKey(keyFile.PublicKey));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
