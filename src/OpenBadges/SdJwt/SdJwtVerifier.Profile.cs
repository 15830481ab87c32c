using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

public static partial class SdJwtVerifier
{
    /// <summary>The SD-JWT VC claims that must stay in the clear (SD-JWT VC §3.2.2).</summary>
    private static readonly string[] PlainVcClaims = ["iss", "nbf", "exp", "cnf", "vct", "status"];

    /// <summary>9999-12-31T23:59:59Z: the last second <see cref="DateTimeOffset"/> can hold.</summary>
    private const long MaxNumericDate = 253402300799;

    private static void CheckProfile(JObject payload, JObject? claims, SdJwtVerificationOptions options, Run run)
    {
        switch (run.Profile)
        {
            case SdJwtProfile.SdJwtVc:
                CheckVct(payload, run);
                CheckPlainClaims(run);
                CheckNumericTimes(payload, options, run);
                break;
            case SdJwtProfile.VcSdJwt:
                CheckValidityPeriod(claims, options, run);
                break;
            default:
                CheckNumericTimes(payload, options, run);
                break;
        }
    }

    private static void CheckVct(JObject payload, Run run)
    {
        const string Rule = "SD-JWT VC §3.2.2.1.1: 'vct' is a string naming the credential type, in the issuer-signed payload";
        if (payload["vct"] is JValue { Type: JTokenType.String } vct && ((string?)vct)!.Length > 0)
        {
            run.Pass(SdJwtChecks.VcType, (string)vct!, "$.vct", Rule);
        }
        else
        {
            run.Fail(SdJwtChecks.VcType, payload["vct"] is null ? "the payload has no 'vct'" : "'vct' is not a non-empty string", "$.vct", Rule);
        }
    }

    private static void CheckPlainClaims(Run run)
    {
        const string Rule = "SD-JWT VC §3.2.2.2: iss, nbf, exp, cnf, vct and status are never selectively disclosed";
        var disclosed = run.Disclosed.Where(p => p.Count == 1 && p.Segments[0] is string name && PlainVcClaims.Contains(name)).Select(p => p.ToString()).ToList();
        if (disclosed.Count == 0)
        {
            run.Pass(SdJwtChecks.VcPlainClaims, "none of them is selectively disclosed", "$", Rule);
        }
        else
        {
            run.Fail(SdJwtChecks.VcPlainClaims, "selectively disclosed: " + string.Join(", ", disclosed), "$", Rule);
        }
    }

    private static void CheckNumericTimes(JObject payload, SdJwtVerificationOptions options, Run run)
    {
        var now = options.TimeProvider.GetUtcNow();
        CheckTime(payload, "iat", SdJwtChecks.TimeIssuedAt, t => t <= now + options.ClockSkew, "in the future",
            "RFC 7519 §4.1.6 / SD-JWT VC §3.2.2.2: 'iat', when present, is a NumericDate not in the future", run);
        CheckTime(payload, "nbf", SdJwtChecks.TimeNotBefore, t => t <= now + options.ClockSkew, "not yet reached",
            "RFC 7519 §4.1.5: the credential is not accepted before 'nbf'", run);
        CheckTime(payload, "exp", SdJwtChecks.TimeExpiration, t => now - options.ClockSkew < t, "passed: the credential has expired",
            "RFC 7519 §4.1.4: the credential is not accepted at or after 'exp'", run);
    }

    private static void CheckTime(JObject payload, string claim, string check, Func<DateTimeOffset, bool> holds, string failure, string rule, Run run)
    {
        switch (payload[claim])
        {
            case null:
                run.NotApplicable(check, $"no '{claim}'", "$." + claim, rule);
                return;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } value:
                var seconds = Convert.ToDouble(value.Value, CultureInfo.InvariantCulture);
                if (double.IsNaN(seconds) || seconds < 0 || seconds > MaxNumericDate)
                {
                    run.Fail(check, $"'{claim}' {seconds} is not a usable NumericDate", "$." + claim, rule);
                    return;
                }

                var time = DateTimeOffset.FromUnixTimeSeconds((long)seconds);
                if (holds(time))
                {
                    run.Pass(check, $"{claim} {time:O}", "$." + claim, rule);
                }
                else
                {
                    run.Fail(check, $"'{claim}' {time:O} is {failure}", "$." + claim, rule);
                }

                return;
            default:
                run.Fail(check, $"'{claim}' is not a NumericDate (a number of seconds)", "$." + claim, rule);
                return;
        }
    }

    private static void CheckValidityPeriod(JObject? claims, SdJwtVerificationOptions options, Run run)
    {
        if (claims is null)
        {
            run.NotApplicable(SdJwtChecks.TimeNotBefore, "not checked: the claims could not be processed", "$.validFrom", "VC 2.0 §4.9");
            run.NotApplicable(SdJwtChecks.TimeExpiration, "not checked: the claims could not be processed", "$.validUntil", "VC 2.0 §4.9");
            return;
        }

        var now = options.TimeProvider.GetUtcNow();
        CheckDate(claims, "validFrom", SdJwtChecks.TimeNotBefore, t => t <= now + options.ClockSkew, "in the future", run);
        CheckDate(claims, "validUntil", SdJwtChecks.TimeExpiration, t => now - options.ClockSkew < t, "passed: the credential has expired", run);
    }

    private static void CheckDate(JObject claims, string member, string check, Func<DateTimeOffset, bool> holds, string failure, Run run)
    {
        const string Rule = "VC 2.0 §4.9: a credential is valid from 'validFrom' until 'validUntil'";
        var token = claims[member];
        if (token is null)
        {
            run.NotApplicable(check, $"no '{member}'", "$." + member, Rule);
            return;
        }

        if (!VcJwtClaims.TryReadDate(token, out var date))
        {
            run.Fail(check, $"'{member}' is not a date-time with a time zone", "$." + member, Rule);
        }
        else if (holds(date))
        {
            run.Pass(check, $"{member} {date:O}", "$." + member, Rule);
        }
        else
        {
            run.Fail(check, $"'{member}' {date:O} is {failure}", "$." + member, Rule);
        }
    }
}
