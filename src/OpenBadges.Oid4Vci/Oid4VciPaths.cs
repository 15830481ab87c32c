namespace OpenBadges.Oid4Vci;

/// <summary>The paths the endpoints are mapped under (relative to the Credential Issuer Identifier).</summary>
public static class Oid4VciPaths
{
    /// <summary>Credential Issuer Metadata (§12.2.2).</summary>
    public const string IssuerMetadata = "/.well-known/openid-credential-issuer";

    /// <summary>OAuth Authorization Server Metadata (RFC 8414) of the built-in pre-authorized code token endpoint.</summary>
    public const string AuthorizationServerMetadata = "/.well-known/oauth-authorization-server";

    /// <summary>Token Endpoint (§6).</summary>
    public const string Token = "/token";

    /// <summary>Nonce Endpoint (§7).</summary>
    public const string Nonce = "/nonce";

    /// <summary>Credential Endpoint (§8).</summary>
    public const string Credential = "/credential";

    /// <summary>Deferred Credential Endpoint (§9).</summary>
    public const string DeferredCredential = "/deferred_credential";

    /// <summary>Notification Endpoint (§11).</summary>
    public const string Notification = "/notification";

    /// <summary>Credential Offers served by reference (§4.1.3), followed by <c>/{id}</c>.</summary>
    public const string CredentialOffer = "/credential-offer";
}
