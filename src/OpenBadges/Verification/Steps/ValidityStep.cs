using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Proofs;

namespace OpenBadges.Verification;

/// <summary>Step 12: the validity window (VC 2.0 <c>validFrom</c>/<c>validUntil</c>, VC 1.1 <c>issuanceDate</c>/<c>expirationDate</c>), with an injectable clock.</summary>
internal sealed class ValidityStep : IVerificationStep
{

    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run, run.Settings.Options);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run, CredentialVerifierOptions options)
    {
        var now = options.TimeProvider.GetUtcNow();
        var (startName, endName) = run.IsVc1 ? ("issuanceDate", "expirationDate") : ("validFrom", "validUntil");
        var startRule = $"{startName} is a date-time with a zone, not later than now (allowing {options.ClockSkew.TotalMinutes:0} min of clock skew)";
        var start = credential[startName];
        if (start is null && !run.IsVc1 && run.CredentialKind == CredentialKind.Other)
        {
            // VC 2.0 makes validFrom optional; only Open Badges require it.
            run.NotApplicable(CheckNames.ValidityStart, "The credential has no validFrom (optional in VC 2.0).", "$.validFrom", startRule);
        }
        else if (start is null)
        {
            run.Fail(CheckNames.ValidityStart, $"The credential has no {startName} (OB 3.0 requires it).", "$." + startName, startRule, ProblemCodes.DateMalformed);
        }
        else if (!TryParseDate(start, run.IsVc1, out var from))
        {
            run.Fail(CheckNames.ValidityStart, $"{startName} '{start}' is not a date-time with a time zone.", "$." + startName, startRule, ProblemCodes.DateMalformed);
        }
        else if (from > now + options.ClockSkew)
        {
            run.Fail(CheckNames.ValidityStart, $"Not valid yet: {startName} is {start} (now {now:yyyy-MM-dd'T'HH:mm:ss'Z'}).", "$." + startName, startRule);
        }
        else
        {
            run.Pass(CheckNames.ValidityStart, $"Valid from {start}.", "$." + startName, startRule);
        }

        var endRule = $"{endName}, when present, is a date-time with a zone later than now";
        var end = credential[endName];
        if (end is null)
        {
            run.NotApplicable(CheckNames.ValidityEnd, $"The credential has no {endName}: it does not expire.", "$." + endName, endRule);
        }
        else if (!TryParseDate(end, run.IsVc1, out var until))
        {
            run.Fail(CheckNames.ValidityEnd, $"{endName} '{end}' is not a date-time with a time zone.", "$." + endName, endRule, ProblemCodes.DateMalformed);
        }
        else if (until < now - options.ClockSkew)
        {
            run.Fail(CheckNames.ValidityEnd, $"Expired: {endName} was {end} (now {now:yyyy-MM-dd'T'HH:mm:ss'Z'}).", "$." + endName, endRule);
        }
        else
        {
            run.Pass(CheckNames.ValidityEnd, $"Valid until {end}.", "$." + endName, endRule);
        }
    }

    // VC 2.0 requires a zone (dateTimeStamp); VC 1.1's xsd:dateTime may lack one, which is then read as UTC.
    private static bool TryParseDate(JToken token, bool isVc1, out DateTimeOffset value)
    {
        if (DataIntegrityVerifier.TryParseDateTime(token, out value))
        {
            return true;
        }

        return isVc1 && token.Type == JTokenType.String && ((string)token!).Length >= 19 && ((string)token!)[10] == 'T' &&
            DateTimeOffset.TryParse((string)token!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
