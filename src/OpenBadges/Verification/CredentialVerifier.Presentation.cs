using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>
/// Presentations (VC Data Model 2.0 §4.13, VC Data Integrity: proof purpose <c>authentication</c> with challenge and
/// domain): the work behind <see cref="PresentationVerifier"/>, kept here to share parsing and JSON-LD with credentials.
/// </summary>
public sealed partial class CredentialVerifier
{
    internal async Task<VerificationReport> VerifyPresentationAsync(ReadOnlyMemory<byte>? bytes, string? text, JObject? presentation, PresentationVerifierOptions options, CancellationToken cancellationToken)
    {
        var run = new Run(VerificationReportKind.Presentation, location: null, depth: 0, _options.Strict);
        try
        {
            var parsed = bytes is { } input ? ParseBytes(input.Span, run) : text is not null ? ParseText(text, run, imageFormat: null) : ParseObject(presentation, run);
            if (parsed is null)
            {
                return run.Report();
            }

            var vp = parsed.Credential;
            var isJwt = false;
            if (vp is null)
            {
                vp = PresentationOfJwt(parsed.Token!);
                if (vp is null)
                {
                    run.Fail(CheckNames.Parse, "The compact JWS does not carry a presentation (neither a 'vp' claim nor a VerifiablePresentation payload).", null, ParseRule);
                    return run.Report();
                }

                isJwt = true;
            }

            run.Credential = vp;
            CheckJsonLd(vp, run, cancellationToken);
            CheckPresentationStructure(vp, run);
            if (isJwt)
            {
                // The holder's JWS is not verified by this version: said so, never taken as verified; the credentials
                // inside are still verified, each on its own proof.
                run.Undecided(CheckNames.Proof, "The presentation is a VP-JWT; its holder signature is not verified by this version (the credentials inside are).", null,
                    "the holder's proof verifies, with purpose authentication and the challenge and domain this verifier expects", ProblemCodes.UnsupportedProof);
                run.NotApplicable(CheckNames.PresentationHolder, "Not checked: the VP-JWT signature was not verified.", "$.holder", "every holder proof's key is controlled by the presentation's holder");
            }
            else
            {
                var proofPassed = await CheckHolderProofAsync(vp, options, run, cancellationToken).ConfigureAwait(false);
                await CheckHolderAsync(vp, run, proofPassed, cancellationToken).ConfigureAwait(false);
            }

            await CheckPresentedCredentialsAsync(vp, options, run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            run.Stopped(e, cancellationToken);
        }

        return run.Report();
    }

    /// <summary>The presentation a VP-JWT carries: its <c>vp</c> claim (VC-JWT 1.1), or the payload itself when it is one; null otherwise.</summary>
    private JObject? PresentationOfJwt(string token)
    {
        var parts = token.Split('.');
        try
        {
            var payload = JsonInput.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])), _options.JsonLimits) as JObject;
            if (payload?["vp"] is JObject claim)
            {
                return claim;
            }

            return payload is not null && Strings(payload["type"]).Contains("VerifiablePresentation") ? payload : null;
        }
        catch (Exception e) when (e is FormatException or JsonInputException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="text"/> (JSON or a compact JWS) is a presentation: for routing by type.</summary>
    internal static bool LooksLikePresentation(string text, JsonLimits limits)
    {
        var trimmed = text.AsSpan().Trim();
        try
        {
            JObject? document = null;
            if (trimmed.StartsWith("{", StringComparison.Ordinal))
            {
                document = JsonInput.Parse(text, limits) as JObject;
            }
            else if (LooksLikeCompactJws(trimmed))
            {
                var payload = JsonInput.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(trimmed.ToString().Split('.')[1])), limits) as JObject;
                document = payload?["vp"] as JObject ?? payload;
            }

            return document is not null && Strings(document["type"]).Contains("VerifiablePresentation");
        }
        catch (Exception e) when (e is FormatException or JsonInputException)
        {
            return false;
        }
    }

    private static void CheckPresentationStructure(JObject vp, Run run)
    {
        const string rule = "@context starts with the VC context; type includes VerifiablePresentation";
        var first = FirstContext(vp);
        if (first is not (EmbeddedContexts.CredentialsV2 or EmbeddedContexts.CredentialsV1))
        {
            run.Fail(CheckNames.PresentationStructure, $"The first @context is '{first}', not the VC context.", "$.@context", rule);
        }
        else if (!Strings(vp["type"]).Contains("VerifiablePresentation"))
        {
            run.Fail(CheckNames.PresentationStructure, "type does not include VerifiablePresentation.", "$.type", rule);
        }
        else
        {
            run.Pass(CheckNames.PresentationStructure, "A VerifiablePresentation.", "$", rule);
        }
    }

    private async Task<bool> CheckHolderProofAsync(JObject vp, PresentationVerifierOptions options, Run run, CancellationToken cancellationToken)
    {
        const string rule = "the holder's proof verifies, with purpose authentication and the challenge and domain this verifier expects";
        var proofOptions = _proofOptions with
        {
            ExpectedProofPurpose = "authentication",
            ExpectedChallenge = options.ExpectedChallenge,
            ExpectedDomain = options.ExpectedDomain,
            RequireControllerToBeIssuer = false, // a presentation has a holder, not an issuer: checked below
        };
        var result = await DataIntegrityVerifier.VerifyAsync(vp, proofOptions, cancellationToken).ConfigureAwait(false);
        var checks = result.AllChecks.ToList();
        run.Checks.AddRange(checks);
        return Summarize(checks, run, "holder proof", "$.proof", rule);
    }

    private async Task CheckHolderAsync(JObject vp, Run run, bool proofPassed, CancellationToken cancellationToken)
    {
        const string rule = "every holder proof's key is controlled by the presentation's holder";
        var holder = vp["holder"] switch
        {
            JValue { Type: JTokenType.String } value => (string?)value,
            JObject profile when profile["id"] is JValue { Type: JTokenType.String } id => (string?)id,
            _ => null,
        };
        if (holder is null)
        {
            run.NotApplicable(CheckNames.PresentationHolder, "The presentation names no holder: the proof shows only that the key's controller presented it.", "$.holder", rule);
            return;
        }

        if (!proofPassed)
        {
            run.NotApplicable(CheckNames.PresentationHolder, "Not checked: the holder proof did not pass.", "$.holder", rule);
            return;
        }

        var proofs = vp["proof"] switch
        {
            JObject single => [single],
            JArray array => array.OfType<JObject>().ToList(),
            _ => new List<JObject>(),
        };
        foreach (var proof in proofs)
        {
            var method = proof["verificationMethod"]?.Type == JTokenType.String ? (string)proof["verificationMethod"]! : string.Empty;
            KeyResolution resolution = await _options.KeyResolver.ResolveVerificationMethodAsync(method, cancellationToken).ConfigureAwait(false);
            if (!resolution.IsResolved)
            {
                run.Undecided(CheckNames.PresentationHolder, $"Cannot resolve '{method}': {resolution.Reason}", "$.proof", rule);
                return;
            }

            if (!string.Equals(resolution.Controller, holder, StringComparison.Ordinal))
            {
                run.Fail(CheckNames.PresentationHolder, $"The proof's key is controlled by '{resolution.Controller}', not by the holder '{holder}'.", "$.holder", rule);
                return;
            }
        }

        run.Pass(CheckNames.PresentationHolder, $"The holder {holder} controls the proof's key.", "$.holder", rule);
    }

    private async Task CheckPresentedCredentialsAsync(JObject vp, PresentationVerifierOptions options, Run run, CancellationToken cancellationToken)
    {
        var rule = $"every credential in verifiableCredential verifies (at most {options.MaxCredentials})";
        var items = new List<(JToken Item, string Path)>();
        switch (vp["verifiableCredential"])
        {
            case null:
                run.NotApplicable(CheckNames.PresentationCredentials, "The presentation carries no credentials.", "$.verifiableCredential", rule);
                return;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add((array[i], $"$.verifiableCredential[{i}]"));
                }

                break;
            case var single:
                items.Add((single, "$.verifiableCredential"));
                break;
        }

        foreach (var (item, path) in items.Take(options.MaxCredentials))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Credentials.Add(await VerifyEmbeddedAsync(item, VerificationReportKind.Credential, path, 0, cancellationToken).ConfigureAwait(false));
        }

        var valid = run.Credentials.Count(c => c.Verdict == Verdict.Valid);
        var invalid = run.Credentials.Count(c => c.Verdict == Verdict.Invalid);
        var skipped = items.Count - run.Credentials.Count;
        var summary = $"{items.Count} credential(s): {valid} valid, {invalid} invalid, {run.Credentials.Count - valid - invalid} indeterminate" + (skipped > 0 ? $", {skipped} not verified (limit)." : ".");
        if (invalid > 0)
        {
            run.Fail(CheckNames.PresentationCredentials, summary, run.Credentials.First(c => c.Verdict == Verdict.Invalid).Location, rule);
        }
        else if (valid < items.Count)
        {
            run.Undecided(CheckNames.PresentationCredentials, summary, "$.verifiableCredential", rule);
        }
        else
        {
            run.Pass(CheckNames.PresentationCredentials, summary, "$.verifiableCredential", rule);
        }
    }
}
