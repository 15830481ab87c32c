using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

public static partial class SdJwtVerifier
{
    /// <summary>RFC 9901 §7.3: the KB-JWT, when required or present.</summary>
    private static Task CheckKeyBindingAsync(SdJwtToken token, JObject payload, JsonLimits limits, SdJwtVerificationOptions options, Run run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var required = options.RequireKeyBinding ?? payload.ContainsKey(SdJwtNames.Confirmation);
        const string PresenceRule = "RFC 9901 §7.3 step 1: when key binding is required (the issuer put a holder key in 'cnf'), the presentation ends in a KB-JWT";
        string[] later = [SdJwtChecks.Confirmation, SdJwtChecks.KeyBindingStructure, SdJwtChecks.KeyBindingSignature, SdJwtChecks.KeyBindingIssuedAt,
            SdJwtChecks.KeyBindingAudience, SdJwtChecks.KeyBindingNonce, SdJwtChecks.KeyBindingSdHash];
        if (token.KeyBindingJwt is null)
        {
            if (required)
            {
                run.Fail(SdJwtChecks.KeyBinding, payload.ContainsKey(SdJwtNames.Confirmation)
                    ? "the credential is bound to a holder key ('cnf'), but the presentation has no KB-JWT"
                    : "key binding is required, but the presentation has no KB-JWT", null, PresenceRule);
            }
            else
            {
                run.NotApplicable(SdJwtChecks.KeyBinding, "no KB-JWT, and none is required", null, PresenceRule);
            }

            return Task.CompletedTask;
        }

        run.Pass(SdJwtChecks.KeyBinding, "a KB-JWT is present", null, PresenceRule);

        // Step 2: the holder's key from cnf.
        const string CnfRule = "RFC 9901 §7.3 step 2 / RFC 7800: the holder's public key is in the issuer-signed 'cnf.jwk'";
        if (payload[SdJwtNames.Confirmation]?["jwk"] is not JObject cnfJwk)
        {
            run.Fail(SdJwtChecks.Confirmation, "the KB-JWT cannot be checked: the issuer-signed payload has no 'cnf.jwk'", "$.cnf", CnfRule);
            SkipAll(run, later[1..], "no holder key");
            return Task.CompletedTask;
        }

        if (!JosePublicKey.TryParse(cnfJwk, out var holderKey, out var cnfError))
        {
            run.Fail(SdJwtChecks.Confirmation, "'cnf.jwk' is not an acceptable public key: " + cnfError, "$.cnf.jwk", CnfRule);
            SkipAll(run, later[1..], "no holder key");
            return Task.CompletedTask;
        }

        using (holderKey)
        {
            run.Pass(SdJwtChecks.Confirmation, holderKey.Describe(), "$.cnf.jwk", CnfRule);

            // Step 3: structure, typ, alg, signature.
            const string StructureRule = "RFC 9901 §4.3: the KB-JWT is a JWS with typ \"kb+jwt\" and an accepted 'alg' (never 'none')";
            if (!CompactJws.TryParse(token.KeyBindingJwt, limits, out var kb, out _, out var kbError))
            {
                run.Fail(SdJwtChecks.KeyBindingStructure, kbError, "$.kb", StructureRule);
                SkipAll(run, later[2..], "the KB-JWT cannot be read");
                return Task.CompletedTask;
            }

            var typ = kb.Header["typ"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
            var alg = kb.Header["alg"] is JValue { Type: JTokenType.String } a ? (string?)a : null;
            if (typ != SdJwtNames.KeyBindingType)
            {
                run.Fail(SdJwtChecks.KeyBindingStructure, $"the KB-JWT's typ is {Printable.Quote(typ)}, not \"kb+jwt\"", "$.kb.header.typ", StructureRule);
            }
            else if (!JoseAlgorithms.IsSupported(alg))
            {
                run.Fail(SdJwtChecks.KeyBindingStructure, "the KB-JWT's " + JoseAlgorithms.Explain(alg), "$.kb.header.alg", StructureRule);
            }
            else
            {
                run.Pass(SdJwtChecks.KeyBindingStructure, $"kb+jwt, {alg}", "$.kb.header", StructureRule);
            }

            const string SignatureRule = "RFC 9901 §7.3 step 3: the KB-JWT's signature verifies with the 'cnf' key";
            var signatureOk = alg is not null && JoseAlgorithms.IsSupported(alg) && holderKey.Accepts(alg)
                && JwsSignatureCheck.Verify(holderKey, alg, token.KeyBindingJwt, kb.Signature);
            if (signatureOk)
            {
                run.Pass(SdJwtChecks.KeyBindingSignature, $"{alg} signature verifies with the holder's {holderKey.Describe()}", "$.kb", SignatureRule);
            }
            else
            {
                run.Fail(SdJwtChecks.KeyBindingSignature, $"the KB-JWT's signature does not verify with the holder's {holderKey.Describe()} (alg {Printable.Quote(alg)})", "$.kb", SignatureRule);
            }

            // Step 4: iat, aud, nonce.
            CheckKbIssuedAt(kb.Payload, options, run);
            CheckKbString(kb.Payload, "aud", options.ExpectedAudience, SdJwtChecks.KeyBindingAudience, "audience", run);
            CheckKbString(kb.Payload, "nonce", options.ExpectedNonce, SdJwtChecks.KeyBindingNonce, "nonce", run);

            // Step 5: sd_hash over the presentation without the KB-JWT.
            const string HashRule = "RFC 9901 §7.3 step 5: 'sd_hash' is base64url(SHA-256) of the presentation up to and including the '~' before the KB-JWT";
            var expected = SdJwtDigest.Of(token.WithoutKeyBinding());
            var sdHashOk = kb.Payload[SdJwtNames.SdHash] is JValue { Type: JTokenType.String } sdHash && SdJwtDigest.Equal((string)sdHash!, expected);
            if (sdHashOk)
            {
                run.Pass(SdJwtChecks.KeyBindingSdHash, "sd_hash matches the presentation", "$.kb.sd_hash", HashRule);
            }
            else
            {
                run.Fail(SdJwtChecks.KeyBindingSdHash, kb.Payload[SdJwtNames.SdHash] is null
                    ? "the KB-JWT has no 'sd_hash'"
                    : "'sd_hash' does not match the presented SD-JWT: the Disclosures or the issuer-signed JWT are not the ones the holder signed", "$.kb.sd_hash", HashRule);
            }

            run.KeyBound = signatureOk && sdHashOk;
        }

        return Task.CompletedTask;
    }

    private static void CheckKbIssuedAt(JObject kbPayload, SdJwtVerificationOptions options, Run run)
    {
        const string Rule = "RFC 9901 §7.3 step 4: the KB-JWT's 'iat' is within the verifier's acceptable window (not in the future, not older than KeyBindingMaxAge)";
        if (kbPayload["iat"] is not JValue { Type: JTokenType.Integer or JTokenType.Float } iatToken)
        {
            run.Fail(SdJwtChecks.KeyBindingIssuedAt, "the KB-JWT has no numeric 'iat'", "$.kb.iat", Rule);
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        var seconds = Convert.ToDouble(iatToken.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsNaN(seconds) || seconds < 0 || seconds > MaxNumericDate)
        {
            run.Fail(SdJwtChecks.KeyBindingIssuedAt, $"'iat' {seconds} is not a usable NumericDate", "$.kb.iat", Rule);
            return;
        }

        var iat = DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
        if (iat > now + options.ClockSkew)
        {
            run.Fail(SdJwtChecks.KeyBindingIssuedAt, $"'iat' {iat:O} is in the future", "$.kb.iat", Rule);
        }
        else if (iat < now - options.KeyBindingMaxAge - options.ClockSkew)
        {
            run.Fail(SdJwtChecks.KeyBindingIssuedAt, $"'iat' {iat:O} is older than {options.KeyBindingMaxAge}: the presentation may be replayed", "$.kb.iat", Rule);
        }
        else
        {
            run.Pass(SdJwtChecks.KeyBindingIssuedAt, $"{iat:O}", "$.kb.iat", Rule);
        }
    }

    private static void CheckKbString(JObject kbPayload, string claim, string? expected, string check, string what, Run run)
    {
        var rule = $"RFC 9901 §7.3 step 4: the KB-JWT's '{claim}' is the {what} the verifier expects";
        var actual = kbPayload[claim] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        if (actual is null)
        {
            run.Fail(check, $"the KB-JWT has no '{claim}' string (RFC 9901 §4.3 requires it)", "$.kb." + claim, rule);
        }
        else if (expected is null)
        {
            run.NotApplicable(check, $"not checked: no expected {what} was given ('{claim}' is {Printable.Quote(actual)})", "$.kb." + claim, rule);
        }
        else if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            run.Fail(check, $"'{claim}' is {Printable.Quote(actual)}, not the expected {Printable.Quote(expected)}", "$.kb." + claim, rule);
        }
        else
        {
            run.Pass(check, Printable.Quote(actual), "$.kb." + claim, rule);
        }
    }

    private static void SkipAll(Run run, IEnumerable<string> checks, string why)
    {
        foreach (var check in checks)
        {
            run.NotApplicable(check, "not checked: " + why, null, "RFC 9901 §7.3");
        }
    }
}
