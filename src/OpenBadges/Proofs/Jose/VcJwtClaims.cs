using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// How the JWT registered claims (RFC 7519 §4.1) line up with credential properties (OB 3.0 §8.2.4; VC 1.1 JWT §6.3.1):
/// <c>iss</c> ↔ issuer id, <c>sub</c> ↔ credentialSubject.id, <c>jti</c> ↔ id, <c>nbf</c> ↔ validFrom / issuanceDate,
/// <c>exp</c> ↔ validUntil / expirationDate. Shared by the issuer and the verifier so both read dates the same way.
/// </summary>
internal static partial class VcJwtClaims
{
    public const string Iss = "iss";
    public const string Sub = "sub";
    public const string Jti = "jti";
    public const string Nbf = "nbf";
    public const string Exp = "exp";
    public const string Iat = "iat";
    public const string Vc = "vc";

    /// <summary>Every registered claim name: none is defined by an OB or VC context, so none may stay in the credential.</summary>
    public static readonly string[] Registered = [Iss, Sub, "aud", Exp, Nbf, "iat", Jti];

    /// <summary>The issuer id: <c>issuer</c> as a string, or <c>issuer.id</c>.</summary>
    public static string? IssuerId(JObject credential) => credential["issuer"] switch
    {
        JValue { Type: JTokenType.String } id => (string?)id,
        JObject profile => String(profile["id"]),
        _ => null,
    };

    /// <summary>The subject id: <c>credentialSubject.id</c> (a one-element array counts as the object).</summary>
    public static string? SubjectId(JObject credential) => Subject(credential) is JObject subject ? String(subject["id"]) : null;

    /// <summary>The credential subject object, if there is exactly one.</summary>
    public static JObject? Subject(JObject credential) => credential["credentialSubject"] switch
    {
        JObject subject => subject,
        JArray { Count: 1 } array => array[0] as JObject,
        _ => null,
    };

    /// <summary>A string value, or null.</summary>
    public static string? String(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    /// <summary>
    /// Reads an XML Schema dateTime with a time zone (VC Data Model §4.5 / §4.6), as a string or a date token
    /// (Newtonsoft's default date parsing). A date without zone is refused: it names no instant.
    /// </summary>
    public static bool TryReadDate(JToken? token, out DateTimeOffset value)
    {
        value = default;
        switch (token)
        {
            case JValue { Type: JTokenType.Date, Value: DateTimeOffset offset }:
                value = offset;
                return true;
            case JValue { Type: JTokenType.Date, Value: DateTime { Kind: not DateTimeKind.Unspecified } dateTime }:
                value = new DateTimeOffset(dateTime);
                return true;
            case JValue { Type: JTokenType.String } text:
                var match = DateTimeWithZone().Match((string)text!);
                if (!match.Success)
                {
                    return false;
                }

                // .NET parses at most 7 fractional digits; the extra ones are below a NumericDate's resolution anyway.
                var fraction = match.Groups["fraction"].Value;
                var normalized = match.Groups["main"].Value + (fraction.Length > 8 ? fraction[..8] : fraction) + match.Groups["zone"].Value;
                return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
            default:
                return false;
        }
    }

    /// <summary>The NumericDate (RFC 7519 §2: whole seconds since the epoch, UTC) of an instant; fractions are dropped.</summary>
    public static long ToNumericDate(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    /// <summary>Reads a NumericDate claim: a JSON number (a fraction is allowed by RFC 7519 and truncated).</summary>
    public static bool TryReadNumericDate(JToken? token, out long seconds)
    {
        seconds = 0;
        switch (token)
        {
            case JValue { Type: JTokenType.Integer, Value: long integer }:
                seconds = integer;
                return true;
            case JValue { Type: JTokenType.Float, Value: double real } when double.IsFinite(real) && Math.Abs(real) < 1e15:
                seconds = (long)Math.Floor(real);
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="seconds"/> falls within the years 0001-9999, the range dates (and IdentityModel) can hold.</summary>
    public static bool IsInCalendar(long seconds) => seconds is >= -62135596800 and <= 253402300799;

    /// <summary>
    /// The first registered date claim (<c>exp</c>, <c>nbf</c>, <c>iat</c>) whose value is not a NumericDate within the
    /// calendar: IdentityModel cannot read such a token at all, so its signature is left to be judged by nothing else.
    /// </summary>
    public static string? FirstUnreadableDateClaim(JObject payload)
    {
        foreach (var name in (ReadOnlySpan<string>)[Exp, Nbf, Iat])
        {
            if (payload[name] is { } token && (!TryReadNumericDate(token, out var seconds) || !IsInCalendar(seconds)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>A NumericDate as an XML Schema dateTime in UTC, for messages and for VC 1.1 claims copied into the credential.</summary>
    public static string FormatNumericDate(long seconds) =>
        seconds is >= -62135596800 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : seconds.ToString(CultureInfo.InvariantCulture) + " (out of the calendar's range)";

    [GeneratedRegex(@"^(?<main>-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?<fraction>\.[0-9]+)?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateTimeWithZone();
}
