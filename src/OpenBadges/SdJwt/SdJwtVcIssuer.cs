using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;

namespace OpenBadges.SdJwt;

/// <summary>
/// Issues an SD-JWT VC (SD-JWT VC §3): header <c>typ</c> <c>dc+sd-jwt</c>; payload the claims plus <c>vct</c>, <c>iss</c>,
/// <c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>cnf</c> and <c>status</c> — those never selectively disclosable (§3.2.2.2).
/// Thread-safe.
/// </summary>
public sealed class SdJwtVcIssuer
{
    private static readonly string[] Reserved = ["iss", "nbf", "exp", "cnf", "vct", "status", "iat"];

    private readonly SdJwtIssuer _issuer;

    /// <summary>Issues with <paramref name="signer"/> (ES256 is what EUDI wallets take; EdDSA works too).</summary>
    public SdJwtVcIssuer(ISigner signer) => _issuer = new SdJwtIssuer(signer);

    /// <summary>The claims <c>vct</c>, <c>iss</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c> and <c>status</c> added to a copy of <paramref name="claims"/>.</summary>
    /// <exception cref="ArgumentException">The claims already carry one of them.</exception>
    public static JObject CreateClaims(JObject claims, SdJwtVcIssueOptions options)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Vct);
        ArgumentException.ThrowIfNullOrEmpty(options.Issuer);
        foreach (var name in Reserved)
        {
            if (claims.ContainsKey(name))
            {
                throw SdJwtErrors.ClaimsCarryIssuerClaim(nameof(claims), name);
            }
        }

        var result = new JObject
        {
            ["iss"] = options.Issuer,
            ["iat"] = (options.IssuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
        };
        if (options.NotBefore is { } nbf)
        {
            result["nbf"] = nbf.ToUnixTimeSeconds();
        }

        if (options.Expires is { } exp)
        {
            result["exp"] = exp.ToUnixTimeSeconds();
        }

        result["vct"] = options.Vct;
        if (options.Status is { } status)
        {
            if (status.Index < 0 || !Uri.TryCreate(status.Uri, UriKind.Absolute, out _))
            {
                throw SdJwtErrors.StatusEntryInvalid(nameof(options));
            }

            result["status"] = new JObject { ["status_list"] = new JObject { ["idx"] = status.Index, ["uri"] = status.Uri } };
        }

        foreach (var property in claims.Properties())
        {
            result[property.Name] = property.Value.DeepClone();
        }

        return result;
    }

    /// <summary>Issues <paramref name="claims"/> as an SD-JWT VC with the claims at <paramref name="disclosable"/> selectively disclosable.</summary>
    /// <exception cref="ArgumentException">A disclosable path names a claim that must stay in the clear, or see <see cref="SdJwtIssuer.CreatePayload"/>.</exception>
    public Task<SdJwtToken> IssueAsync(JObject claims, IEnumerable<ClaimPath> disclosable, SdJwtVcIssueOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disclosable);
        var paths = disclosable.ToList();
        foreach (var path in paths)
        {
            if (path.Count == 1 && path.Segments[0] is string name && Reserved.Where(r => r != "iat").Contains(name))
            {
                throw SdJwtErrors.NeverDisclosable(nameof(disclosable), name);
            }
        }

        var full = CreateClaims(claims, options);
        var header = new JObject();
        if (options.Header is not null)
        {
            foreach (var property in options.Header.Properties())
            {
                header[property.Name] = property.Value.DeepClone();
            }
        }

        return _issuer.IssueAsync(full, paths, new SdJwtIssueOptions
        {
            Type = SdJwtVerifier.SdJwtVcType,
            HolderPublicJwk = options.HolderPublicJwk,
            DecoysPerObject = options.DecoysPerObject,
            IncludeKeyId = options.IncludeKeyId,
            Header = header,
        }, cancellationToken);
    }
}
