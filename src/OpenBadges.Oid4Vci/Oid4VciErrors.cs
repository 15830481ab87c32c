namespace OpenBadges.Oid4Vci;

/// <summary>
/// The error codes OpenID4VCI 1.0 and OAuth 2.0 name, exactly as the wallet expects them in the <c>error</c> member.
/// </summary>
public static class Oid4VciErrors
{
    /// <summary>§8.3.1.2: the Credential Request is missing a parameter, repeats one, or is malformed.</summary>
    public const string InvalidCredentialRequest = "invalid_credential_request";

    /// <summary>§8.3.1.2: the requested Credential Configuration is unknown.</summary>
    public const string UnknownCredentialConfiguration = "unknown_credential_configuration";

    /// <summary>§8.3.1.2: the requested Credential identifier is unknown.</summary>
    public const string UnknownCredentialIdentifier = "unknown_credential_identifier";

    /// <summary>§8.3.1.2: <c>proofs</c> is missing, a key proof is invalid, or a key proof carries no <c>c_nonce</c>.</summary>
    public const string InvalidProof = "invalid_proof";

    /// <summary>§8.3.1.2: a key proof carries a <c>c_nonce</c> this issuer did not issue, or one already used or expired.</summary>
    public const string InvalidNonce = "invalid_nonce";

    /// <summary>§8.3.1.2: the Credential Request has not been accepted; the wallet should not retry.</summary>
    public const string CredentialRequestDenied = "credential_request_denied";

    /// <summary>§9.3: the deferred <c>transaction_id</c> is unknown or already used.</summary>
    public const string InvalidTransactionId = "invalid_transaction_id";

    /// <summary>§9.2 (deferred): the credential is not ready yet; ask again after <c>interval</c> seconds.</summary>
    public const string IssuancePending = "issuance_pending";

    /// <summary>§11.3: the <c>notification_id</c> is unknown.</summary>
    public const string InvalidNotificationId = "invalid_notification_id";

    /// <summary>§11.3: the Notification Request is malformed.</summary>
    public const string InvalidNotificationRequest = "invalid_notification_request";

    /// <summary>RFC 6749 §5.2 / OpenID4VCI §6.3: a request parameter is missing or not allowed (e.g. a missing or unexpected <c>tx_code</c>).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>RFC 6749 §5.2 / OpenID4VCI §6.3: the pre-authorized code is unknown, used, expired, or the <c>tx_code</c> is wrong.</summary>
    public const string InvalidGrant = "invalid_grant";

    /// <summary>RFC 6749 §5.2: the grant type is not supported here.</summary>
    public const string UnsupportedGrantType = "unsupported_grant_type";

    /// <summary>RFC 6750 §3.1: the access token is missing, unknown or expired.</summary>
    public const string InvalidToken = "invalid_token";
}
