using OpenBadges.Checks;

namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>
/// The ProblemDetails <c>type</c> URLs the exchange endpoint answers with (VCALM §3.8 Error Handling): the VC Data
/// Model's own for a presentation that does not parse, is malformed, or does not verify; this package's for the state of
/// the exchange itself.
/// </summary>
public static class VcApiProblems
{
    /// <summary>400: the body is not JSON, or not a JSON object.</summary>
    public const string ParsingError = ProblemCodes.ParsingErrorType;

    /// <summary>400: the message or the presentation lacks something the DIDAuthentication response format requires.</summary>
    public const string MalformedValueError = ProblemCodes.MalformedValueErrorType;

    /// <summary>400: the holder's proof does not verify (signature, purpose, challenge, domain, or a key the holder does not control).</summary>
    public const string CryptographicSecurityError = ProblemCodes.CryptographicSecurityErrorType;

    /// <summary>404: no exchange has this id (or it expired and was swept).</summary>
    public const string ExchangeNotFound = ProblemCodes.OpenBadgesTypeBase + "EXCHANGE_NOT_FOUND";

    /// <summary>410: the exchange expired, completed (single use) or was invalidated.</summary>
    public const string ExchangeClosed = ProblemCodes.OpenBadgesTypeBase + "EXCHANGE_CLOSED";

    /// <summary>409: another presentation for this exchange is being processed.</summary>
    public const string ExchangeBusy = ProblemCodes.OpenBadgesTypeBase + "EXCHANGE_BUSY";

    /// <summary>409: the award is not ready to be issued yet; the exchange stays open.</summary>
    public const string AwardPending = ProblemCodes.OpenBadgesTypeBase + "AWARD_PENDING";

    /// <summary>500: the award could not be signed as stored; the exchange stays open.</summary>
    public const string IssuanceFailed = ProblemCodes.OpenBadgesTypeBase + "ISSUANCE_FAILED";

    /// <summary>413: the body is larger than <see cref="VcApiExchangeOptions.MaxRequestBytes"/>.</summary>
    public const string RequestTooLarge = ProblemCodes.OpenBadgesTypeBase + "REQUEST_TOO_LARGE";
}
