using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

/// <summary>
/// Verifies an SD-JWT or SD-JWT+KB (RFC 9901 §7.1 and §7.3) and, by its header <c>typ</c> and payload, the SD-JWT VC
/// profile (<c>dc+sd-jwt</c>: <c>vct</c>, <c>iss</c>, time, claims that are never disclosable, Token Status List) or a W3C
/// credential secured with SD-JWT (VC-JOSE-COSE <c>vc+sd-jwt</c>: issuer binding, validity period). Every rule is a
/// named check (<see cref="SdJwtChecks"/>); nothing throws for any input, and nothing undecided is Valid.
/// </summary>
public static partial class SdJwtVerifier
{
    /// <summary>The <c>typ</c> of an SD-JWT VC (SD-JWT VC §3.2.1).</summary>
    public const string SdJwtVcType = "dc+sd-jwt";

    /// <summary>The <c>typ</c> of a W3C credential secured with SD-JWT (VC-JOSE-COSE §3.2, media type <c>application/vc+sd-jwt</c>).</summary>
    public const string VcSdJwtType = "vc+sd-jwt";

    /// <summary>Verifies <paramref name="sdJwt"/>.</summary>
    /// <exception cref="ArgumentException">Unusable options (negative skew, non-positive limits).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<SdJwtVerificationResult> VerifyAsync(string sdJwt, SdJwtVerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= SdJwtVerificationOptions.Default;
        CheckOptions(options);
        var run = new Run();
        try
        {
            await VerifyCoreAsync(sdJwt, options, run, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug, not the input's fault: still a report, never Valid.
            run.Fail(SdJwtChecks.Internal, $"verification stopped on an unexpected {e.GetType().Name}: {e.Message}", null, "verification completes");
        }

        return run.Result();
    }

    private static async Task VerifyCoreAsync(string? text, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string SizeRule = "an SD-JWT is a non-empty string within the configured size limit";
        if (string.IsNullOrEmpty(text))
        {
            run.Fail(SdJwtChecks.Size, "the SD-JWT is missing or empty", null, SizeRule);
            return;
        }

        if (text.Length > options.MaxLength)
        {
            run.Fail(SdJwtChecks.Size, $"the SD-JWT is {text.Length} characters; the limit is {options.MaxLength}", null, SizeRule);
            return;
        }

        run.Pass(SdJwtChecks.Size, $"{text.Length} characters", null, SizeRule);

        const string StructureRule = "RFC 9901 §4: <issuer-signed JWT>~<Disclosure>~…~ optionally followed by a KB-JWT";
        if (text.AsSpan().Count(SdJwtNames.Separator) > options.MaxDisclosures + 1)
        {
            run.Fail(SdJwtChecks.Structure, $"more than {options.MaxDisclosures} Disclosures", null, StructureRule);
            return;
        }

        if (!SdJwtToken.TryParse(text.Trim(), out var token, out var structureError))
        {
            run.Fail(SdJwtChecks.Structure, structureError, null, StructureRule);
            return;
        }

        run.Pass(SdJwtChecks.Structure, $"issuer-signed JWT, {token.Disclosures.Count} Disclosure(s){(token.KeyBindingJwt is null ? string.Empty : ", KB-JWT")}", null, StructureRule);

        var limits = new JsonLimits { MaxInputLength = options.MaxLength, MaxDepth = options.MaxJsonDepth };
        if (!CompactJws.TryParse(token.IssuerSignedJwt, limits, out var jws, out _, out var jwsError))
        {
            run.Fail(SdJwtChecks.JwtStructure, jwsError, null, "RFC 7515 §7.1: three base64url segments; header and payload are JSON objects without duplicate member names");
            return;
        }

        run.Pass(SdJwtChecks.JwtStructure, "a compact JWS", null, "RFC 7515 §7.1");
        run.Header = jws.Header;
        run.Payload = jws.Payload;
        run.Profile = DetectProfile(jws.Header, jws.Payload);

        var alg = CheckHeader(jws.Header, run.Profile, run);

        using (var found = await FindIssuerKeyAsync(jws.Header, jws.Payload, run.Profile, options, run, cancellationToken).ConfigureAwait(false))
        {
            VerifyIssuerSignature(token.IssuerSignedJwt, jws.Signature, alg, found, run);
            CheckIssuerBinding(found, jws.Payload, run.Profile, options, run);
        }

        var processed = ProcessDisclosures(token, jws.Payload, limits, run);
        run.Claims = processed;

        CheckProfile(jws.Payload, processed, options, run);
        await CheckKeyBindingAsync(token, jws.Payload, limits, options, run, cancellationToken).ConfigureAwait(false);
        await CheckStatusAsync(jws.Payload, jws.Header, run.Profile, options, run, cancellationToken).ConfigureAwait(false);
    }

    private static SdJwtProfile DetectProfile(JObject header, JObject payload)
    {
        var typ = header["typ"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        if (typ == SdJwtVcType || (typ != VcSdJwtType && payload.ContainsKey("vct")))
        {
            return SdJwtProfile.SdJwtVc;
        }

        if (typ == VcSdJwtType)
        {
            // "vc+sd-jwt" was also the typ of SD-JWT VC before draft 06; a vct and no @context says which.
            return payload.ContainsKey("vct") && !payload.ContainsKey("@context") ? SdJwtProfile.SdJwtVc : SdJwtProfile.VcSdJwt;
        }

        return payload.ContainsKey("@context") ? SdJwtProfile.VcSdJwt : SdJwtProfile.Plain;
    }

    private static string? CheckHeader(JObject header, SdJwtProfile profile, Run run)
    {
        var algToken = header["alg"];
        var alg = algToken is JValue { Type: JTokenType.String } a ? (string?)a : null;
        string? accepted = null;
        const string AlgRule = "RFC 9901 §7.1 step 2.2: the 'none' algorithm is never accepted; accepted here are EdDSA, ES256 and RS256";
        if (JoseAlgorithms.IsSupported(alg))
        {
            accepted = alg;
            run.Pass(SdJwtChecks.Algorithm, alg!, "$.header.alg", AlgRule);
        }
        else
        {
            run.Fail(SdJwtChecks.Algorithm, algToken is null || alg is not null ? JoseAlgorithms.Explain(alg) : "'alg' is not a string", "$.header.alg", AlgRule);
        }

        var typ = header["typ"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        switch (profile)
        {
            case SdJwtProfile.SdJwtVc when typ == SdJwtVcType:
                run.Pass(SdJwtChecks.Type, typ, "$.header.typ", "SD-JWT VC §3.2.1: typ is \"dc+sd-jwt\"");
                break;
            case SdJwtProfile.SdJwtVc when typ == VcSdJwtType:
                run.Pass(SdJwtChecks.Type, typ + " (the SD-JWT VC typ before draft 06, accepted during the transition)", "$.header.typ",
                    "SD-JWT VC §3.2.1: typ is \"dc+sd-jwt\"; verifiers accept \"vc+sd-jwt\" during a transition period");
                break;
            case SdJwtProfile.SdJwtVc:
                run.Fail(SdJwtChecks.Type, $"the payload has a 'vct', but 'typ' is {Printable.Quote(typ ?? header["typ"]?.ToString())}", "$.header.typ", "SD-JWT VC §3.2.1: typ is \"dc+sd-jwt\"");
                break;
            case SdJwtProfile.VcSdJwt when typ == VcSdJwtType:
                run.Pass(SdJwtChecks.Type, typ, "$.header.typ", "VC-JOSE-COSE §3.2: typ is \"vc+sd-jwt\"");
                break;
            case SdJwtProfile.VcSdJwt:
                run.Fail(SdJwtChecks.Type, $"the payload is a credential (it has '@context'), but 'typ' is {Printable.Quote(typ ?? header["typ"]?.ToString())}", "$.header.typ",
                    "VC-JOSE-COSE §3.2: an SD-JWT-secured credential has typ \"vc+sd-jwt\"");
                break;
            default:
                run.Pass(SdJwtChecks.Type, typ is null ? "no 'typ' (a plain SD-JWT)" : typ, "$.header.typ", "RFC 9901 §9.11: explicit typing is recommended, not required");
                break;
        }

        const string CritRule = "RFC 7515 §4.1.11: a 'crit' naming an extension the verifier does not understand makes the JWS invalid; this verifier understands none";
        if (header["crit"] is null)
        {
            run.Pass(SdJwtChecks.Critical, "no critical extensions", "$.header.crit", CritRule);
        }
        else
        {
            run.Fail(SdJwtChecks.Critical, "'crit' requires extensions this verifier does not understand: " + header["crit"]!.ToString(Newtonsoft.Json.Formatting.None), "$.header.crit", CritRule);
        }

        return accepted;
    }

    private static void CheckOptions(SdJwtVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.KeyResolver, "options.KeyResolver");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        if (options.ClockSkew < TimeSpan.Zero || options.KeyBindingMaxAge < TimeSpan.Zero)
        {
            throw SdJwtErrors.DurationsNegative(nameof(options));
        }

        if (options.MaxLength <= 0 || options.MaxDisclosures <= 0 || options.MaxJsonDepth <= 0 || options.MaxStatusListBytes <= 0)
        {
            throw SdJwtErrors.LimitsNotPositive(nameof(options));
        }
    }

    /// <summary>The checks of one verification and what was decoded so far.</summary>
    private sealed class Run
    {
        private readonly List<VerificationCheck> _checks = [];

        public JObject? Header { get; set; }

        public JObject? Payload { get; set; }

        public JObject? Claims { get; set; }

        public SdJwtProfile Profile { get; set; }

        public List<ClaimPath> Disclosed { get; } = [];

        public bool KeyBound { get; set; }

        public void Add(VerificationCheck check) => _checks.Add(check);

        public void Pass(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.Pass(name, message, path, rule));

        public void Fail(string name, string message, string? path, string rule, string? code = null) => _checks.Add(VerificationCheck.Fail(name, message, path, rule, code));

        public void Undecided(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.Undecided(name, message, path, rule));

        public void NotApplicable(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.NotApplicable(name, message, path, rule));

        public SdJwtVerificationResult Result() =>
            new(_checks.ToArray(), Profile, (JObject?)Header?.DeepClone(), (JObject?)Payload?.DeepClone(), (JObject?)Claims?.DeepClone(), Disclosed.ToArray(), KeyBound);
    }
}
