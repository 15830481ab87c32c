using Newtonsoft.Json.Linq;

namespace OpenBadges.Proofs.Jose;

public static partial class VcJwtVerifier
{
    private const string ClaimRule = "OB 3.0 §8.2.6 / VC 1.1 §6.3.1: a registered claim, when present, equals the credential property it stands for";

    /// <summary>The credential: the payload without registered claims (OB 3.0), or the <c>vc</c> claim (VC 1.1).</summary>
    private static JObject? ExtractCredential(JObject payload, Run run)
    {
        const string Rule = "the payload is a verifiable credential (OB 3.0 §8.2.4), or carries one in a 'vc' claim (VC 1.1 JWT)";
        JObject credential;
        if (payload.TryGetValue(VcJwtClaims.Vc, out var vc))
        {
            if (vc is not JObject vcObject)
            {
                run.Fail(VcJwtChecks.Credential, "the 'vc' claim is not a JSON object", "$.payload.vc", Rule);
                return null;
            }

            run.IsVcClaimForm = true;
            credential = (JObject)vcObject.DeepClone();
        }
        else
        {
            // DESIGN §4: no context defines the registered claims, so they must not reach JSON-LD processing.
            credential = (JObject)payload.DeepClone();
            foreach (var name in VcJwtClaims.Registered)
            {
                credential.Remove(name);
            }
        }

        var types = credential["type"] switch
        {
            JValue { Type: JTokenType.String } one => [(string)one!],
            JArray many => many.Select(VcJwtClaims.String).ToArray(),
            _ => [],
        };
        if (!types.Contains("VerifiableCredential"))
        {
            run.Fail(VcJwtChecks.Credential, "the credential's 'type' does not include \"VerifiableCredential\": this token is not a credential",
                run.IsVcClaimForm ? "$.payload.vc.type" : "$.payload.type", Rule);
            return null;
        }

        run.Pass(VcJwtChecks.Credential, run.IsVcClaimForm ? "VC 1.1 form: the credential is the 'vc' claim" : "OB 3.0 form: the payload is the credential", null, Rule);
        return credential;
    }

    private static void CheckClaims(JObject payload, JObject credential, Run run)
    {
        var vcForm = run.IsVcClaimForm;

        CheckStringClaim(run, payload, VcJwtClaims.Iss, VcJwtChecks.Issuer, "issuer id", "$.issuer", VcJwtClaims.IssuerId(credential), vcForm,
            value =>
            {
                if (credential["issuer"] is JObject profile)
                {
                    profile["id"] = value;
                }
                else
                {
                    credential["issuer"] = value;
                }
            });

        CheckStringClaim(run, payload, VcJwtClaims.Sub, VcJwtChecks.Subject, "credentialSubject.id", "$.credentialSubject.id", VcJwtClaims.SubjectId(credential), vcForm,
            value =>
            {
                if (VcJwtClaims.Subject(credential) is { } subject)
                {
                    subject["id"] = value;
                }
                else if (credential["credentialSubject"] is null)
                {
                    credential["credentialSubject"] = new JObject { ["id"] = value };
                }
            });

        CheckStringClaim(run, payload, VcJwtClaims.Jti, VcJwtChecks.JwtId, "id", "$.id", VcJwtClaims.String(credential["id"]), vcForm,
            value => credential["id"] = value);

        var (fromName, untilName) = DateProperties(credential, vcForm);
        CheckDateClaim(run, payload, VcJwtClaims.Nbf, VcJwtChecks.NotBefore, fromName, credential, vcForm);
        CheckDateClaim(run, payload, VcJwtClaims.Exp, VcJwtChecks.Expiration, untilName, credential, vcForm);
    }

    /// <summary>Which properties hold the dates: VC 2.0 <c>validFrom</c>/<c>validUntil</c>, or VC 1.1 <c>issuanceDate</c>/<c>expirationDate</c>.</summary>
    private static (string From, string Until) DateProperties(JObject credential, bool vcForm) =>
        vcForm && credential["validFrom"] is null && credential["validUntil"] is null
            ? ("issuanceDate", "expirationDate")
            : ("validFrom", "validUntil");

    private static void CheckStringClaim(
        Run run, JObject payload, string claim, string checkName, string property, string path, string? credentialValue, bool vcForm, Action<string> fill)
    {
        var claimPath = "$.payload." + claim;
        if (!payload.TryGetValue(claim, out var token))
        {
            if (claim == VcJwtClaims.Iss)
            {
                // OB 3.0 §8.2.4 (and VC 1.1 §6.3.1): iss MUST be present and be the issuer's id.
                run.Fail(checkName, "no 'iss' claim: a VC-JWT must name its issuer in 'iss'", claimPath, "OB 3.0 §8.2.4: 'iss' is required and equals the credential's issuer id");
                return;
            }

            run.NotApplicable(checkName, $"no '{claim}' claim", claimPath, ClaimRule);
            return;
        }

        var value = VcJwtClaims.String(token);
        if (value is null)
        {
            run.Fail(checkName, $"'{claim}' is not a string", claimPath, ClaimRule);
            return;
        }

        if (credentialValue is null)
        {
            if (vcForm)
            {
                // VC 1.1 §6.3.1: the claim stands in for the property the 'vc' object leaves out.
                fill(value);
                run.Pass(checkName, $"'{claim}' {Printable.Quote(value)} supplies the credential's {property}", path, ClaimRule);
            }
            else
            {
                run.Fail(checkName, $"'{claim}' is {Printable.Quote(value)}, but the credential has no {property}", path, ClaimRule);
            }

            return;
        }

        if (string.Equals(value, credentialValue, StringComparison.Ordinal))
        {
            run.Pass(checkName, $"'{claim}' equals the credential's {property} {Printable.Quote(value)}", path, ClaimRule);
        }
        else
        {
            run.Fail(checkName, $"'{claim}' is {Printable.Quote(value)}, but the credential's {property} is {Printable.Quote(credentialValue)}", path, ClaimRule);
        }
    }

    private static void CheckDateClaim(Run run, JObject payload, string claim, string checkName, string property, JObject credential, bool vcForm)
    {
        var claimPath = "$.payload." + claim;
        var path = "$." + property;
        if (!payload.TryGetValue(claim, out var token))
        {
            run.NotApplicable(checkName, $"no '{claim}' claim", claimPath, ClaimRule);
            return;
        }

        if (!VcJwtClaims.TryReadNumericDate(token, out var seconds) || !VcJwtClaims.IsInCalendar(seconds))
        {
            run.Fail(checkName, $"'{claim}' is {Printable.Quote(token.ToString(Newtonsoft.Json.Formatting.None))}: not a NumericDate this verifier supports (a JSON number of seconds since 1970-01-01T00:00:00Z, within the years 0001-9999); an unsupported claim value", claimPath, "RFC 7519 §2, §4.1");
            return;
        }

        var propertyToken = credential[property];
        if (propertyToken is null)
        {
            if (vcForm)
            {
                credential[property] = VcJwtClaims.FormatNumericDate(seconds);
                run.Pass(checkName, $"'{claim}' ({VcJwtClaims.FormatNumericDate(seconds)}) supplies the credential's {property}", path, ClaimRule);
            }
            else
            {
                run.Fail(checkName, $"'{claim}' is {VcJwtClaims.FormatNumericDate(seconds)}, but the credential has no {property}", path, ClaimRule);
            }

            return;
        }

        if (!VcJwtClaims.TryReadDate(propertyToken, out var date))
        {
            run.Fail(checkName, $"the credential's {property} is not a date-time with a time zone", path, "VC Data Model: dates are XML Schema dateTime values with a time zone");
            return;
        }

        if (VcJwtClaims.ToNumericDate(date) == seconds)
        {
            run.Pass(checkName, $"'{claim}' equals the credential's {property} ({VcJwtClaims.FormatNumericDate(seconds)})", path, ClaimRule);
        }
        else
        {
            run.Fail(checkName, $"'{claim}' is {VcJwtClaims.FormatNumericDate(seconds)}, but the credential's {property} is {VcJwtClaims.FormatNumericDate(VcJwtClaims.ToNumericDate(date))}", path, ClaimRule);
        }
    }

    /// <summary>The token is used within [nbf − skew, exp + skew); without the claims, the credential's own dates count.</summary>
    private static void CheckTimeWindow(JObject payload, JObject credential, VcJwtVerificationOptions options, Run run)
    {
        var now = options.TimeProvider.GetUtcNow();
        var skew = options.ClockSkew;
        var (fromName, untilName) = DateProperties(credential, run.IsVcClaimForm);
        var notBefore = Instant(payload[VcJwtClaims.Nbf], credential[fromName]);
        var expires = Instant(payload[VcJwtClaims.Exp], credential[untilName]);

        const string NbfRule = "RFC 7519 §4.1.5: the token is not accepted before 'nbf' (validFrom), allowing for clock skew";
        if (notBefore is null)
        {
            run.NotApplicable(VcJwtChecks.TimeNotBefore, "no readable 'nbf' or " + fromName, "$.payload.nbf", NbfRule);
        }
        else if (now + skew < notBefore)
        {
            run.Fail(VcJwtChecks.TimeNotBefore, $"not valid before {notBefore:yyyy-MM-dd'T'HH:mm:ss'Z'}; it is now {now:yyyy-MM-dd'T'HH:mm:ss'Z'} (skew {skew})", "$.payload.nbf", NbfRule);
        }
        else
        {
            run.Pass(VcJwtChecks.TimeNotBefore, $"valid from {notBefore:yyyy-MM-dd'T'HH:mm:ss'Z'}", "$.payload.nbf", NbfRule);
        }

        const string ExpRule = "RFC 7519 §4.1.4: the token is not accepted on or after 'exp' (validUntil), allowing for clock skew";
        if (expires is null)
        {
            run.NotApplicable(VcJwtChecks.TimeExpiration, "no 'exp' or " + untilName + ": the credential does not expire", "$.payload.exp", ExpRule);
        }
        else if (now - skew >= expires)
        {
            run.Fail(VcJwtChecks.TimeExpiration, $"expired at {expires:yyyy-MM-dd'T'HH:mm:ss'Z'}; it is now {now:yyyy-MM-dd'T'HH:mm:ss'Z'} (skew {skew})", "$.payload.exp", ExpRule);
        }
        else
        {
            run.Pass(VcJwtChecks.TimeExpiration, $"valid until {expires:yyyy-MM-dd'T'HH:mm:ss'Z'}", "$.payload.exp", ExpRule);
        }
    }

    private static DateTimeOffset? Instant(JToken? claim, JToken? property)
    {
        if (claim is not null)
        {
            return VcJwtClaims.TryReadNumericDate(claim, out var seconds) && seconds is >= -62135596800 and <= 253402300799
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }

        return VcJwtClaims.TryReadDate(property, out var date) ? date : null;
    }
}
