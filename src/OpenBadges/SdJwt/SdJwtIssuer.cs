using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

/// <summary>
/// Issues an SD-JWT (RFC 9901 §4): the claims named by the disclosable paths are replaced by salted digests — object
/// properties in the enclosing object's <c>_sd</c> array, array elements by <c>{"...": digest}</c> — inner ones first, so a
/// disclosable object can itself hold disclosable members (recursive disclosures, §4.2.6). <c>_sd_alg</c> is
/// <c>sha-256</c>; decoys are added; <c>cnf.jwk</c> carries the holder key when given. Signed through <see cref="ISigner"/>
/// (EdDSA, ES256, RS256). Thread-safe.
/// </summary>
public sealed class SdJwtIssuer
{
    private const int MaxDecoys = 16;

    /// <summary>Issues with <paramref name="signer"/>.</summary>
    /// <exception cref="ArgumentException">The signer's algorithm has no JWS name.</exception>
    public SdJwtIssuer(ISigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Algorithm = JwsSigning.AlgorithmOf(signer);
        Signer = signer;
    }

    /// <summary>The signer.</summary>
    public ISigner Signer { get; }

    /// <summary>The JWS <c>alg</c>.</summary>
    public string Algorithm { get; }

    /// <summary>
    /// The payload the issuer signs and the Disclosures that go with it, without signing: <paramref name="claims"/> with
    /// every claim at a path in <paramref name="disclosable"/> made selectively disclosable.
    /// </summary>
    /// <exception cref="ArgumentException">A path that names nothing in the claims, a claim already named <c>_sd</c>, <c>...</c> or <c>_sd_alg</c>, or bad options.</exception>
    public static (JObject Payload, IReadOnlyList<Disclosure> Disclosures) CreatePayload(JObject claims, IEnumerable<ClaimPath> disclosable, SdJwtIssueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(disclosable);
        options ??= SdJwtIssueOptions.Default;
        if (options.DecoysPerObject is < 0 or > MaxDecoys)
        {
            throw SdJwtErrors.DecoysOutOfRange(nameof(options), options.DecoysPerObject, MaxDecoys);
        }

        var paths = disclosable.ToList();
        foreach (var path in paths)
        {
            if (path.Count == 0 || path.Find(claims) is null && !path.Segments.Contains(null))
            {
                throw SdJwtErrors.PathNamesNoClaim(nameof(disclosable), path);
            }
        }

        CheckReservedNames(claims, "$");
        var disclosures = new List<Disclosure>();
        var payload = (JObject)Transform(claims, null, paths, options, disclosures);
        if (payload.ContainsKey(SdJwtNames.HashAlgorithm) || payload.ContainsKey(SdJwtNames.Confirmation) && options.HolderPublicJwk is not null)
        {
            throw SdJwtErrors.ClaimsCarrySdAlgOrCnf(nameof(claims));
        }

        payload[SdJwtNames.HashAlgorithm] = SdJwtNames.Sha256;
        if (options.HolderPublicJwk is { } holder)
        {
            if (!JosePublicKey.TryParse(holder, out var holderKey, out var error))
            {
                throw SdJwtErrors.HolderJwkNotAcceptable(nameof(options), error);
            }

            holderKey.Dispose();
            payload[SdJwtNames.Confirmation] = new JObject { ["jwk"] = holder.DeepClone() };
        }

        return (payload, disclosures);
    }

    /// <summary>Issues <paramref name="claims"/> as an SD-JWT with the claims at <paramref name="disclosable"/> selectively disclosable.</summary>
    /// <exception cref="ArgumentException">See <see cref="CreatePayload"/>.</exception>
    public async Task<SdJwtToken> IssueAsync(JObject claims, IEnumerable<ClaimPath> disclosable, SdJwtIssueOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= SdJwtIssueOptions.Default;
        var (payload, disclosures) = CreatePayload(claims, disclosable, options);
        var header = new JObject();
        if (options.Type is not null)
        {
            header["typ"] = options.Type;
        }

        if (options.IncludeKeyId)
        {
            header["kid"] = Signer.KeyId;
        }

        if (options.Header is not null)
        {
            foreach (var property in options.Header.Properties())
            {
                header[property.Name] = property.Value.DeepClone();
            }
        }

        var jwt = await JwsSigning.SignAsync(Signer, header, payload, cancellationToken).ConfigureAwait(false);
        return new SdJwtToken(jwt, disclosures.Select(d => d.Encoded));
    }

    private static JToken Transform(JToken node, ClaimPath? path, List<ClaimPath> disclosable, SdJwtIssueOptions options, List<Disclosure> disclosures)
    {
        switch (node)
        {
            case JObject obj:
                var result = new JObject();
                var digests = new List<string>();
                foreach (var property in obj.Properties())
                {
                    var childPath = path is null ? ClaimPath.Root(property.Name) : path.Member(property.Name);
                    var value = Transform(property.Value, childPath, disclosable, options, disclosures);
                    if (IsDisclosable(childPath, disclosable))
                    {
                        var disclosure = Disclosure.ForProperty(property.Name, value);
                        disclosures.Add(disclosure);
                        digests.Add(disclosure.Digest);
                    }
                    else
                    {
                        result[property.Name] = value;
                    }
                }

                if (digests.Count > 0)
                {
                    for (var i = 0; i < options.DecoysPerObject; i++)
                    {
                        digests.Add(SdJwtDigest.Decoy());
                    }

                    // RFC 9901 §4.2.4.1: sorted, so the order does not reveal the original order of the claims.
                    digests.Sort(StringComparer.Ordinal);
                    result[SdJwtNames.Digests] = new JArray(digests);
                }

                return result;

            case JArray array when path is not null:
                var elements = new JArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var elementPath = path.Index(i);
                    var value = Transform(array[i], elementPath, disclosable, options, disclosures);
                    if (IsDisclosable(elementPath, disclosable))
                    {
                        var disclosure = Disclosure.ForArrayElement(value);
                        disclosures.Add(disclosure);
                        elements.Add(new JObject { [SdJwtNames.ArrayDigest] = disclosure.Digest });
                    }
                    else
                    {
                        elements.Add(value);
                    }
                }

                return elements;

            default:
                return node.DeepClone();
        }
    }

    private static bool IsDisclosable(ClaimPath path, List<ClaimPath> disclosable)
    {
        foreach (var candidate in disclosable)
        {
            if (candidate.Count == path.Count && path.IsWithin(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckReservedNames(JToken node, string where)
    {
        switch (node)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (property.Name is SdJwtNames.Digests or SdJwtNames.ArrayDigest or SdJwtNames.HashAlgorithm)
                    {
                        throw SdJwtErrors.ClaimsCarryReservedName("claims", property.Name, where);
                    }

                    CheckReservedNames(property.Value, where + "." + property.Name);
                }

                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckReservedNames(array[i], $"{where}[{i}]");
                }

                break;
        }
    }
}
