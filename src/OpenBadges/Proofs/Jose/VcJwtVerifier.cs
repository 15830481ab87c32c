using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Checks;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// Verifies a VC-JWT (OB 3.0 §8.2.6; VC 1.1 JWT tokens with a <c>vc</c> claim too) and reports named checks
/// (<see cref="VcJwtChecks"/>). Never throws for any token: a bad token is a result with Failed checks. The token is
/// taken apart here under strict rules (size, segments, base64url, duplicate-free JSON, <c>alg</c> allow-list, <c>crit</c>);
/// the signature is then checked with the one algorithm the resolved key allows: EdDSA directly with NSec
/// (<see cref="JwsSignature"/>), RS256 and ES256 by Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>.
/// </summary>
public static partial class VcJwtVerifier
{
    private const string TypRule = "OB 3.0 §8.2.3: the header 'typ', when present, is \"JWT\"";

    /// <summary>Verifies <paramref name="compactJws"/>.</summary>
    /// <exception cref="ArgumentException">The options are unusable (negative skew, non-positive limits).</exception>
    /// <exception cref="OperationCanceledException">Cancelled through <paramref name="cancellationToken"/>.</exception>
    public static async Task<VcJwtVerificationResult> VerifyAsync(
        string compactJws,
        VcJwtVerificationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= VcJwtVerificationOptions.Default;
        CheckOptions(options);
        var run = new Run();
        try
        {
            return await VerifyCoreAsync(compactJws, options, run, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug, not the token's fault; still never an exception to the caller, and never a Valid verdict.
            run.Fail(VcJwtChecks.Internal, $"verification stopped on an unexpected {e.GetType().Name}: {e.Message}", null, "verification completes");
            return run.Result();
        }
    }

    private static async Task<VcJwtVerificationResult> VerifyCoreAsync(string? token, VcJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        const string SizeRule = "a VC-JWT is a non-empty compact JWS within the configured size limit";
        if (string.IsNullOrEmpty(token))
        {
            run.Fail(VcJwtChecks.Size, "the token is missing or empty", null, SizeRule);
            return run.Result();
        }

        if (token.Length > options.MaxTokenLength)
        {
            run.Fail(VcJwtChecks.Size, $"the token is {token.Length} characters; the limit is {options.MaxTokenLength}", null, SizeRule);
            return run.Result();
        }

        run.Pass(VcJwtChecks.Size, $"{token.Length} characters", null, SizeRule);

        var limits = new JsonLimits { MaxInputLength = options.MaxTokenLength, MaxDepth = options.MaxJsonDepth };
        if (!CompactJws.TryParse(token, limits, out var jws, out var failedCheck, out var error))
        {
            run.Fail(failedCheck, error, null, "RFC 7515 §7.1/§5.2: three base64url segments; header and payload are JSON objects without duplicate member names");
            return run.Result();
        }

        run.Pass(VcJwtChecks.Structure, "three base64url segments", null, "RFC 7515 §7.1");
        run.Header = jws.Header;
        run.Payload = jws.Payload;

        var alg = CheckHeader(jws.Header, run);
        var credential = ExtractCredential(jws.Payload, run);

        using var found = await FindKeyAsync(jws.Header, options, run, cancellationToken).ConfigureAwait(false);
        var keyAlgorithmOk = false;
        if (found is null)
        {
            run.NotApplicable(VcJwtChecks.KeyAlgorithm, "no key", "$.header.alg", "the algorithm matches the key type");
        }
        else if (alg is null)
        {
            run.NotApplicable(VcJwtChecks.KeyAlgorithm, "the 'alg' is not acceptable", "$.header.alg", "the algorithm matches the key type");
        }
        else if (!found.Key.Accepts(alg))
        {
            run.Fail(VcJwtChecks.KeyAlgorithm, $"'alg' is {alg}, but the key is an {found.Key.Describe()}, which is used only with {found.Key.Algorithm}", "$.header.alg",
                "RFC 8725 §3.1: the algorithm is fixed by the key, never chosen by the token (RSA → RS256, EC P-256 → ES256, Ed25519 → EdDSA)");
        }
        else
        {
            keyAlgorithmOk = true;
            run.Pass(VcJwtChecks.KeyAlgorithm, $"{alg} for an {found.Key.KeyType} key", "$.header.alg", "the algorithm matches the key type");
        }

        if (VcJwtClaims.FirstUnreadableDateClaim(jws.Payload) is { } unreadable)
        {
            // IdentityModel cannot read the token, so it would call the signature bad: the claim check names the fault.
            // Never Valid on an unchecked signature: CouldNotCheck here, and the claim itself Failed (exp, nbf below; iat here).
            run.Undecided(VcJwtChecks.Signature, $"not checked: the '{unreadable}' claim holds a value no date can have (reported as a bad claim value), so the token cannot be read for its signature", null, "the JWS signature verifies with the issuer's key");
            if (unreadable == VcJwtClaims.Iat)
            {
                run.Fail(VcJwtChecks.IssuedAt, $"'iat' is {Printable.Quote(jws.Payload[unreadable]!.ToString(Newtonsoft.Json.Formatting.None))}: not a NumericDate this verifier supports (seconds since 1970-01-01T00:00:00Z, within the years 0001-9999); an unsupported claim value", "$.payload.iat", "RFC 7519 §2, §4.1.6");
            }
        }
        else if (found is not null && keyAlgorithmOk)
        {
            run.Add(await VerifySignatureAsync(token, found.Key, alg!, options).ConfigureAwait(false));
        }
        else
        {
            run.NotApplicable(VcJwtChecks.Signature, "not checked: there is no usable key and algorithm", null, "the JWS signature verifies with the issuer's key");
        }

        if (credential is not null)
        {
            // Claims first: in the VC 1.1 form they supply the issuer id the controller check compares with.
            CheckClaims(jws.Payload, credential, run);
            CheckController(found, credential, options, run);
            CheckTimeWindow(jws.Payload, credential, options, run);
        }

        run.Credential = credential;
        return run.Result();
    }

    /// <summary>Checks <c>alg</c>, <c>typ</c> and <c>crit</c>; returns the algorithm when it is acceptable.</summary>
    private static string? CheckHeader(JObject header, Run run)
    {
        var algToken = header["alg"];
        var alg = VcJwtClaims.String(algToken);
        string? accepted = null;
        if (JoseAlgorithms.IsSupported(alg))
        {
            accepted = alg;
            run.Pass(VcJwtChecks.Algorithm, alg!, "$.header.alg", "RFC 7515 §4.1.1; OB 3.0 §8.2: one of RS256, ES256, EdDSA (or Ed25519, RFC 9864)");
        }
        else
        {
            run.Fail(VcJwtChecks.Algorithm, algToken is null || alg is not null ? JoseAlgorithms.Explain(alg) : "'alg' is not a string",
                "$.header.alg", $"RFC 7515 §4.1.1; OB 3.0 §8.2: the algorithm is one of {string.Join(", ", JoseAlgorithms.Supported)}");
        }

        switch (header["typ"])
        {
            case null:
                run.Pass(VcJwtChecks.Type, "no 'typ' (optional for verifiers)", "$.header.typ", TypRule);
                break;
            case JValue { Type: JTokenType.String } typ when string.Equals((string?)typ, "JWT", StringComparison.OrdinalIgnoreCase):
                run.Pass(VcJwtChecks.Type, "JWT", "$.header.typ", TypRule);
                break;
            case var other:
                run.Fail(VcJwtChecks.Type, $"'typ' is {Printable.Quote(other.ToString())}, not \"JWT\"", "$.header.typ", TypRule);
                break;
        }

        const string CritRule = "RFC 7515 §4.1.11: a token whose 'crit' names an extension the verifier does not understand is invalid; this verifier understands none";
        switch (header["crit"])
        {
            case null:
                run.Pass(VcJwtChecks.Critical, "no critical extensions", "$.header.crit", CritRule);
                break;
            case JArray names when names.Count > 0 && names.All(n => n.Type == JTokenType.String):
                run.Fail(VcJwtChecks.Critical, "'crit' requires extensions this verifier does not understand: "
                    + string.Join(", ", names.Select(n => Printable.Quote((string?)n))), "$.header.crit", CritRule);
                break;
            default:
                run.Fail(VcJwtChecks.Critical, "'crit' is not a non-empty array of header names", "$.header.crit", CritRule);
                break;
        }

        return accepted;
    }

    private static async Task<VerificationCheck> VerifySignatureAsync(string token, JosePublicKey key, string alg, VcJwtVerificationOptions options)
    {
        const string Rule = "RFC 7515 §5.2: the JWS signature verifies with the issuer's key and the key's algorithm";
        // Only the signature is checked here; claims and time are named checks of their own.
        if (JwsSignature.TryVerifyEd25519(token, key, alg, out var ed25519Valid))
        {
            return ed25519Valid
                ? VerificationCheck.Pass(VcJwtChecks.Signature, $"{alg} signature verifies with the {key.Describe()}", null, Rule)
                : VerificationCheck.Fail(VcJwtChecks.Signature, $"the {alg} signature does not verify with the {key.Describe()}", null, Rule);
        }

        TokenValidationResult result;
        try
        {
            result = await JwsSignature.ValidateAsync(token, key, alg, options.MaxTokenLength).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return VerificationCheck.Fail(VcJwtChecks.Signature, $"IdentityModel could not validate the token: {e.GetType().Name}", null, Rule);
        }

        if (result.IsValid)
        {
            return VerificationCheck.Pass(VcJwtChecks.Signature, $"{alg} signature verifies with the {key.Describe()}", null, Rule);
        }

        var reason = result.Exception?.Message ?? "no reason given";
        var firstLine = reason.Split('\n')[0];
        return VerificationCheck.Fail(VcJwtChecks.Signature,
            $"the {alg} signature does not verify with the {key.Describe()} (IdentityModel: {(firstLine.Length > 200 ? firstLine[..200] + "…" : firstLine)})", null, Rule);
    }

    private static void CheckOptions(VcJwtVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.KeyResolver, "options.KeyResolver");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        if (options.ClockSkew < TimeSpan.Zero)
        {
            throw ProofErrors.ClockSkewNegative(nameof(options), options.ClockSkew);
        }

        if (options.MaxTokenLength <= 0 || options.MaxKeyDocumentLength <= 0 || options.MaxJsonDepth <= 0)
        {
            throw ProofErrors.JwtLimitsNotPositive(nameof(options));
        }
    }

    /// <summary>The checks of one verification, and the parts decoded so far.</summary>
    private sealed class Run
    {
        private readonly List<VerificationCheck> _checks = [];

        public JObject? Header { get; set; }

        public JObject? Payload { get; set; }

        public JObject? Credential { get; set; }

        public bool IsVcClaimForm { get; set; }

        public void Add(VerificationCheck check) => _checks.Add(check);

        public void Pass(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.Pass(name, message, path, rule));

        public void Fail(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.Fail(name, message, path, rule));

        public void Undecided(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.Undecided(name, message, path, rule));

        public void NotApplicable(string name, string message, string? path, string rule) => _checks.Add(VerificationCheck.NotApplicable(name, message, path, rule));

        // Header, payload and credential were parsed (the credential copied) for this run alone and nothing else
        // holds them, so the result takes them as they are.
        public VcJwtVerificationResult Result() =>
            new(_checks.ToArray(), Header, Payload, Credential, IsVcClaimForm);
    }
}
