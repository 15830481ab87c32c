using Newtonsoft.Json.Linq;

namespace OpenBadges.SdJwt;

/// <summary>The SD-JWT VC claims and key binding of one credential (SD-JWT VC §3.2.2).</summary>
public sealed record SdJwtVcIssueOptions
{
    /// <summary>The credential type (<c>vct</c>), e.g. <c>urn:eudi:micro_credential:1</c>. Required.</summary>
    public required string Vct { get; init; }

    /// <summary>The issuer (<c>iss</c>): a DID or HTTPS URL. Required.</summary>
    public required string Issuer { get; init; }

    /// <summary>The time of issuance (<c>iat</c>); default now.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>Not valid before (<c>nbf</c>).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Not valid after (<c>exp</c>).</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>The holder's public JWK (<c>cnf.jwk</c>): presentations then need a KB-JWT.</summary>
    public JObject? HolderPublicJwk { get; init; }

    /// <summary>The Token Status List entry (<c>status.status_list</c>: <c>uri</c>, <c>idx</c>).</summary>
    public (string Uri, int Index)? Status { get; init; }

    /// <summary>Decoys per <c>_sd</c> array. Default 1.</summary>
    public int DecoysPerObject { get; init; } = 1;

    /// <summary>More header parameters (e.g. <c>x5c</c>); <c>typ</c> is <c>dc+sd-jwt</c>.</summary>
    public JObject? Header { get; init; }

    /// <summary>Write <c>kid</c> = the signer's key id. Default true.</summary>
    public bool IncludeKeyId { get; init; } = true;
}
