using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.SdJwt;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// The European wallet profile on the command line. <c>openbadges present --disclose PATH… FILE</c>: a holder's presentation
/// of chosen claims, optionally key-bound. <c>openbadges sdjwt issue</c>: an already-built credential (JSON) as SD-JWT VC
/// (<c>urn:eudi:micro_credential:1</c>) or as <c>vc+sd-jwt</c>; <c>openbadges issue --format sd-jwt-vc</c> does the same from a
/// spec. Verification is <c>openbadges verify</c>, which reads the <c>~</c>-separated form (<c>--audience</c>, <c>--nonce</c>).
/// </summary>
internal static class SdJwtCommand
{
    /// <summary>The SD-JWT formats of <c>issue --format</c> and <c>sdjwt issue --format</c>.</summary>
    public const string SdJwtVcFormat = "sd-jwt-vc";

    /// <summary>The OB 3.0 credential secured with SD-JWT (VC-JOSE-COSE).</summary>
    public const string VcSdJwtFormat = "vc+sd-jwt";

    public static Command Create(CliContext context) => new("sdjwt", "SD-JWT VC (European wallets): issue an already-built credential, present selected claims. Verify with 'openbadges verify'.")
    {
        CreateIssue(context),
        CreatePresent(context),
    };

    /// <summary>The options <c>issue</c> and <c>sdjwt issue</c> share for SD-JWT.</summary>
    internal sealed class IssueOptions
    {
        public Option<string?> HolderKey { get; } = new("--holder-key") { Description = "SD-JWT formats: the holder's key file (P-256 JWK or Ed25519 key file); its public key goes into cnf, so presentations need a KB-JWT." };

        public Option<string?> StatusUri { get; } = new("--status-uri") { Description = "sd-jwt-vc: the Token Status List this credential is listed in (status.status_list.uri)." };

        public Option<int?> StatusIndex { get; } = new("--status-index") { Description = "sd-jwt-vc: its index in that list (status.status_list.idx)." };

        public IEnumerable<Option> All => [HolderKey, StatusUri, StatusIndex];

        public bool AnyGiven(ParseResult parse) => parse.GetValue(HolderKey) is not null || parse.GetValue(StatusUri) is not null || parse.GetValue(StatusIndex) is not null;

        /// <summary>Issues <paramref name="credential"/> (unsigned or signed; a proof is dropped) in <paramref name="format"/>, signed by <paramref name="issuer"/>.</summary>
        public string Issue(ParseResult parse, JObject credential, string format, JoseKeyFiles.Loaded issuer)
        {
            (string, int)? status = null;
            if (parse.GetValue(StatusUri) is { } uri)
            {
                status = (uri, parse.GetValue(StatusIndex) ?? throw new CliInputException("--status-uri needs --status-index."));
            }
            else if (parse.GetValue(StatusIndex) is not null)
            {
                throw new CliInputException("--status-index needs --status-uri.");
            }

            JObject? holderJwk = null;
            if (parse.GetValue(HolderKey) is { } holderPath)
            {
                using var holder = JoseKeyFiles.LoadHolder(holderPath);
                holderJwk = holder.PublicJwk;
            }

            if (format == VcSdJwtFormat)
            {
                if (status is not null)
                {
                    throw new CliInputException("--status-uri is for sd-jwt-vc (a Token Status List); a vc+sd-jwt credential carries its status in credentialStatus.");
                }

                return VcSdJwtIssuer.IssueAsync(credential, issuer.Signer, null, holderJwk).GetAwaiter().GetResult().ToString();
            }

            return MicroCredentialSdJwtVc.IssueAsync(credential, issuer.Signer, holderJwk, status).GetAwaiter().GetResult().ToString();
        }
    }

    private static Command CreateIssue(CliContext context)
    {
        var key = new Option<string>("--key") { Description = "The issuer's key file: a P-256 JWK or P-256 key file (ES256, what EUDI wallets take) or an Ed25519 key file (EdDSA).", Required = true };
        var format = new Option<string>("--format") { Description = "sd-jwt-vc (urn:eudi:micro_credential:1, default) or vc+sd-jwt (the OB 3.0 credential, VC-JOSE-COSE).", DefaultValueFactory = _ => SdJwtVcFormat };
        format.AcceptOnlyFromAmong(SdJwtVcFormat, VcSdJwtFormat);
        var shared = new IssueOptions();
        var file = new Argument<string>("FILE") { Description = "The credential (JSON; an embedded proof is dropped). Its issuer id must be the key's controller." };
        var output = new Option<string?>("--out") { Description = "Write the SD-JWT here instead of stdout." };
        var command = new Command("issue", "Issue an already-built credential as an SD-JWT VC (the learner's data selectively disclosable); from a spec, use 'openbadges issue --format sd-jwt-vc'.")
        {
            key, format, file, output,
        };
        foreach (var option in shared.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => context.Guard(() =>
        {
            var credential = JsonInput.Parse(CliContext.ReadFile(parse.GetValue(file)!)) as JObject ?? throw new CliInputException("the credential must be a JSON object.");
            using var issuer = JoseKeyFiles.Load(parse.GetValue(key)!);
            context.WriteOutput(shared.Issue(parse, credential, parse.GetValue(format)!, issuer) + Environment.NewLine, parse.GetValue(output));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>present</c>: registered at the top level (<c>openbadges present --disclose PATH…</c>) and as <c>sdjwt present</c>.</summary>
    internal static Command CreatePresent(CliContext context)
    {
        var disclose = new Option<string[]>("--disclose") { Description = "A claim path to disclose (e.g. credentialSubject.identifier[0]); repeat, or give several after one --disclose. Nothing else selectively disclosable is shown.", AllowMultipleArgumentsPerToken = true };
        var list = new Option<bool>("--list") { Description = "List the selectively disclosable paths instead of presenting." };
        var holder = new Option<string?>("--holder-key") { Description = "The holder's key file: adds a KB-JWT (needs --audience and --nonce)." };
        var audience = new Option<string?>("--audience") { Description = "The verifier the presentation is for (KB-JWT aud)." };
        var nonce = new Option<string?>("--nonce") { Description = "The verifier's nonce (KB-JWT nonce)." };
        var file = new Argument<string>("FILE") { Description = "The SD-JWT as issued (the ~-separated form)." };
        var output = new Option<string?>("--out") { Description = "Write the presentation here instead of stdout." };
        var command = new Command("present", "Present chosen claims of an SD-JWT (holder), optionally key-bound to a verifier's audience and nonce.")
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
            var disclosable = SdJwtPresenter.MapDisclosures(token).Keys.ToList();
            foreach (var path in paths.Where(p => !disclosable.Any(d => d.IsWithin(p) || p.IsWithin(d))))
            {
                // Not an error: the claim may be in the clear (always shown); but a misspelt path would otherwise pass unnoticed.
                context.Error.WriteLine($"note: '{path}' names no selectively disclosable claim (it is in the clear, or absent); see --list.");
            }

            var presentation = SdJwtPresenter.Select(token, paths);
            if (parse.GetValue(holder) is { } holderPath)
            {
                var aud = parse.GetValue(audience) ?? throw new CliInputException("a key-bound presentation needs --audience.");
                var n = parse.GetValue(nonce) ?? throw new CliInputException("a key-bound presentation needs --nonce.");
                using var key = JoseKeyFiles.LoadHolder(holderPath);
                presentation = SdJwtPresenter.AddKeyBindingAsync(presentation, key.Signer, aud, n).GetAwaiter().GetResult();
            }
            else if (parse.GetValue(audience) is not null || parse.GetValue(nonce) is not null)
            {
                throw new CliInputException("--audience and --nonce go into a KB-JWT: give --holder-key too.");
            }

            context.WriteOutput(presentation + Environment.NewLine, parse.GetValue(output));
            return ExitCodes.Ok;
        }));
        return command;
    }

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
}
