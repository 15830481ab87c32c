using Newtonsoft.Json.Linq;

namespace OpenBadges.SdJwt;

/// <summary>How <see cref="SdJwtIssuer"/> shapes an SD-JWT. The defaults: header <c>typ</c> "sd+jwt", <c>kid</c> = the signer's key id, one decoy per <c>_sd</c> array.</summary>
public sealed record SdJwtIssueOptions
{
    /// <summary>The defaults.</summary>
    public static SdJwtIssueOptions Default { get; } = new();

    /// <summary>The header <c>typ</c> (RFC 9901 §9.11 recommends explicit typing); null leaves it out.</summary>
    public string? Type { get; init; } = "sd+jwt";

    /// <summary>The holder's public JWK: written as <c>cnf.jwk</c>, so presentations must carry a KB-JWT signed with it.</summary>
    public JObject? HolderPublicJwk { get; init; }

    /// <summary>Decoy digests added to every <c>_sd</c> array (RFC 9901 §4.2.5), hiding how many claims are disclosable. 0 to 16.</summary>
    public int DecoysPerObject { get; init; } = 1;

    /// <summary>Write <c>kid</c> = <see cref="Keys.ISigner.KeyId"/> in the header. Default true.</summary>
    public bool IncludeKeyId { get; init; } = true;

    /// <summary>More header parameters (e.g. <c>x5c</c>, <c>cty</c>); <c>alg</c> is always the signer's.</summary>
    public JObject? Header { get; init; }
}
