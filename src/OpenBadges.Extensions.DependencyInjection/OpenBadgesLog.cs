using Microsoft.Extensions.Logging;

namespace OpenBadges.Extensions.DependencyInjection;

/// <summary>
/// The log events (stable ids, structured fields). What they carry is chosen: key ids, credential and issuer ids, check
/// names, verdicts and times. Never a secret, a credential's content, a learner's name, identifier or e-mail, nor a
/// check's message (messages may quote the credential).
/// </summary>
internal static partial class OpenBadgesLog
{
    // An id is the issuer's choice and may be long or hostile; the log gets a bounded piece of it.
    internal const int MaxIdLength = 200;

    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "OpenBadges signer ready: key {KeyId} ({Algorithm}), cryptosuite {Cryptosuite}.")]
    internal static partial void SignerReady(ILogger logger, string keyId, string algorithm, string cryptosuite);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Issued credential {CredentialId} of issuer {IssuerId} with {Cryptosuite} (key {KeyId}) in {ElapsedMilliseconds} ms.")]
    internal static partial void Issued(ILogger logger, string? credentialId, string? issuerId, string cryptosuite, string keyId, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Error, Message = "Issuing credential {CredentialId} of issuer {IssuerId} failed: {ErrorType}.")]
    internal static partial void IssueFailed(ILogger logger, string? credentialId, string? issuerId, string errorType);

    [LoggerMessage(EventId = 1910, Message = "Verified credential {CredentialId} of issuer {IssuerId}: {Verdict} ({Format}; failed: {FailedChecks}; could not check: {UndecidedChecks}) in {ElapsedMilliseconds} ms.")]
    internal static partial void Verified(ILogger logger, LogLevel level, string? credentialId, string? issuerId, string verdict, string? format, string failedChecks, string undecidedChecks, long elapsedMilliseconds);

    internal static string? Bounded(string? id) =>
        id is null ? null : id.Length <= MaxIdLength ? id : string.Concat(id.AsSpan(0, MaxIdLength), "…");
}
