using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.SdJwt;

/// <summary>
/// The holder's side (RFC 9901 §6): choose which Disclosures to present, and add a Key Binding JWT. Nothing is verified
/// here — a holder checks what it received with <see cref="SdJwtVerifier"/>.
/// </summary>
public static class SdJwtPresenter
{
    /// <summary>
    /// Where each Disclosure of <paramref name="token"/> lands in the payload: the claim path of every Disclosure the
    /// issuer-signed JWT references (directly or through another Disclosure). Array elements keep their index in the
    /// issued array.
    /// </summary>
    /// <exception cref="FormatException">The JWT or a Disclosure cannot be decoded.</exception>
    public static IReadOnlyDictionary<ClaimPath, Disclosure> MapDisclosures(SdJwtToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = DecodePayload(token.IssuerSignedJwt);
        var byDigest = new Dictionary<string, Disclosure>(StringComparer.Ordinal);
        foreach (var disclosure in token.DecodeDisclosures())
        {
            byDigest.TryAdd(disclosure.Digest, disclosure);
        }

        var map = new Dictionary<ClaimPath, Disclosure>();
        Walk(payload, null, byDigest, map, 0);
        return map;
    }

    /// <summary>
    /// A presentation of <paramref name="token"/> with only the Disclosures needed for <paramref name="disclose"/>: every
    /// Disclosure at or under a chosen path, and those of the objects and arrays on the way to it. No KB-JWT (add one with
    /// <see cref="AddKeyBindingAsync"/>).
    /// </summary>
    /// <exception cref="FormatException">The JWT or a Disclosure cannot be decoded.</exception>
    public static SdJwtToken Select(SdJwtToken token, IEnumerable<ClaimPath> disclose)
    {
        ArgumentNullException.ThrowIfNull(disclose);
        var chosen = disclose.ToList();
        var map = MapDisclosures(token);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, disclosure) in map)
        {
            if (chosen.Any(c => path.IsWithin(c) || c.IsWithin(path)))
            {
                keep.Add(disclosure.Encoded);
            }
        }

        return new SdJwtToken(token.IssuerSignedJwt, token.Disclosures.Where(keep.Contains));
    }

    /// <summary>
    /// Appends a Key Binding JWT (RFC 9901 §4.3): header <c>typ</c> "kb+jwt" and the holder's <c>alg</c>; payload <c>iat</c>,
    /// <c>aud</c>, <c>nonce</c> and <c>sd_hash</c> over the presentation without KB-JWT. Signed by <paramref name="holder"/>,
    /// whose public key the issuer put in <c>cnf</c>.
    /// </summary>
    public static async Task<SdJwtToken> AddKeyBindingAsync(
        SdJwtToken presentation,
        ISigner holder,
        string audience,
        string nonce,
        DateTimeOffset? issuedAt = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        var unbound = presentation.WithKeyBinding(null);
        var payload = new JObject
        {
            ["iat"] = (issuedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["aud"] = audience,
            ["nonce"] = nonce,
            [SdJwtNames.SdHash] = SdJwtDigest.Of(unbound.ToString()),
        };
        var kb = await JwsSigning.SignAsync(holder, new JObject { ["typ"] = SdJwtNames.KeyBindingType }, payload, cancellationToken).ConfigureAwait(false);
        return unbound.WithKeyBinding(kb);
    }

    internal static JObject DecodePayload(string jwt)
    {
        if (!CompactJws.TryParse(jwt, JsonLimits.Default, out var jws, out _, out var error))
        {
            throw SdJwtErrors.IssuerJwtUndecodable(error);
        }

        return jws.Payload;
    }

    private static void Walk(JToken node, ClaimPath? path, Dictionary<string, Disclosure> byDigest, Dictionary<ClaimPath, Disclosure> map, int depth)
    {
        if (depth > JsonLimits.Default.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (property.Name == SdJwtNames.Digests && property.Value is JArray digests)
                    {
                        foreach (var digest in digests.OfType<JValue>().Select(d => d.Value as string))
                        {
                            if (digest is not null && byDigest.TryGetValue(digest, out var disclosure) && disclosure.ClaimName is { } name)
                            {
                                var childPath = path is null ? ClaimPath.Root(name) : path.Member(name);
                                map.TryAdd(childPath, disclosure);
                                Walk(disclosure.RawValue, childPath, byDigest, map, depth + 1);
                            }
                        }
                    }
                    else
                    {
                        Walk(property.Value, path is null ? ClaimPath.Root(property.Name) : path.Member(property.Name), byDigest, map, depth + 1);
                    }
                }

                break;

            case JArray array when path is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    var elementPath = path.Index(i);
                    if (array[i] is JObject { Count: 1 } element && element[SdJwtNames.ArrayDigest] is JValue { Value: string digest })
                    {
                        if (byDigest.TryGetValue(digest, out var disclosure) && disclosure.IsArrayElement)
                        {
                            map.TryAdd(elementPath, disclosure);
                            Walk(disclosure.RawValue, elementPath, byDigest, map, depth + 1);
                        }
                    }
                    else
                    {
                        Walk(array[i], elementPath, byDigest, map, depth + 1);
                    }
                }

                break;
        }
    }

}
