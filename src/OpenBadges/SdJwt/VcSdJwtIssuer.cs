using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.SdJwt;

/// <summary>
/// Secures an OB 3.0 credential with SD-JWT as VC-JOSE-COSE §3.2 describes (<c>application/vc+sd-jwt</c>): the payload is the
/// credential itself (no JWT claims, embedded <c>proof</c> removed), header <c>typ</c> <c>vc+sd-jwt</c> and <c>cty</c> <c>vc</c>;
/// the selected claims become Disclosures. <c>@context</c>, <c>type</c>, <c>id</c>, <c>issuer</c>, <c>validFrom</c> and
/// <c>validUntil</c> stay in the clear. Thread-safe.
/// </summary>
public static class VcSdJwtIssuer
{
    private static readonly string[] InClear = ["@context", "type", "id", "issuer", "validFrom", "validUntil", "credentialStatus", "credentialSchema"];

    /// <summary>The default disclosable paths: every member of <c>credentialSubject</c> but <c>achievement</c>, <c>type</c> and <c>result</c>.</summary>
    public static IReadOnlyList<ClaimPath> LearnerPaths(JObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return credential["credentialSubject"] is JObject subject
            ? subject.Properties().Where(p => p.Name is not ("achievement" or "type" or "result")).Select(p => ClaimPath.Root("credentialSubject").Member(p.Name)).ToList()
            : [];
    }

    /// <summary>Issues <paramref name="credential"/> (its issuer id = the signer key's controller) with <paramref name="disclosable"/> (default: <see cref="LearnerPaths"/>).</summary>
    /// <exception cref="ArgumentException">A path names a member that must stay in the clear.</exception>
    public static Task<SdJwtToken> IssueAsync(JObject credential, ISigner signer, IEnumerable<ClaimPath>? disclosable = null, JObject? holderPublicJwk = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(signer);
        var claims = (JObject)credential.DeepClone();
        claims.Remove("proof");
        var paths = disclosable?.ToList() ?? [.. LearnerPaths(claims)];
        foreach (var path in paths)
        {
            if (path.Segments[0] is string top && InClear.Contains(top))
            {
                throw SdJwtErrors.PathStaysInClear(nameof(disclosable), path);
            }
        }

        return new SdJwtIssuer(signer).IssueAsync(claims, paths, new SdJwtIssueOptions
        {
            Type = SdJwtVerifier.VcSdJwtType,
            HolderPublicJwk = holderPublicJwk,
            Header = new JObject { ["cty"] = "vc" },
        }, cancellationToken);
    }
}
