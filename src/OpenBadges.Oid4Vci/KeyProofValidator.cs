using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs.Jose;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// Checks a <c>jwt</c> key proof (OpenID4VCI 1.0 Appendix F.1 and F.4) and names the holder it proves: the DID of the
/// key that signed it. Every failure is <c>invalid_proof</c>, except a nonce this issuer did not issue, already used,
/// or let expire, which is <c>invalid_nonce</c>. The nonce is consumed only by an otherwise valid proof. Thread-safe.
/// </summary>
public sealed class KeyProofValidator
{
    /// <summary>The <c>typ</c> a key proof must carry (F.1).</summary>
    public const string ProofType = "openid4vci-proof+jwt";

    private const int MaxProofLength = 16 * 1024;
    private static readonly JsonLimits Limits = new() { MaxInputLength = MaxProofLength, MaxDepth = 16 };

    private readonly Oid4VciIssuerOptions _options;
    private readonly NonceStore _nonces;

    /// <summary>A validator for proofs addressed to <paramref name="options"/>' issuer, with nonces from <paramref name="nonces"/>.</summary>
    public KeyProofValidator(Oid4VciIssuerOptions options, NonceStore nonces)
    {
        _options = options;
        _nonces = nonces;
    }

    /// <summary>Validates <paramref name="jwt"/>; never throws for bad input.</summary>
    public async Task<KeyProofResult> ValidateAsync(string? jwt)
    {
        if (string.IsNullOrEmpty(jwt))
        {
            return KeyProofResult.Invalid("proofs.jwt holds no key proof JWT.");
        }

        if (jwt.Length > MaxProofLength)
        {
            return KeyProofResult.Invalid($"the key proof JWT is longer than {MaxProofLength} characters.");
        }

        // F.1: a compact JWS: three segments, header and payload JSON objects.
        var segments = jwt.Split('.');
        if (segments.Length != 3 || segments[2].Length == 0)
        {
            return KeyProofResult.Invalid("the key proof is not a signed compact JWS (three segments, a signature).");
        }

        if (!TryDecode(segments[0], out var header) || !TryDecode(segments[1], out var payload))
        {
            return KeyProofResult.Invalid("the key proof's header or payload is not base64url-encoded JSON object.");
        }

        // F.1: typ MUST be openid4vci-proof+jwt.
        if (header["typ"] is not JValue { Type: JTokenType.String, Value: ProofType })
        {
            return KeyProofResult.Invalid($"header 'typ' must be '{ProofType}' (F.1).");
        }

        // F.1: alg is an asymmetric algorithm, never none or a MAC; here an allow-list.
        var alg = header["alg"] is JValue { Type: JTokenType.String } a ? (string)a! : null;
        if (alg is null || !OpenBadgeCredentialConfigurations.ProofAlgorithms.Contains(alg, StringComparer.Ordinal))
        {
            return KeyProofResult.Invalid(
                $"header 'alg' {(alg is null ? "is missing" : $"'{alg}' is not accepted")}: use one of {string.Join(", ", OpenBadgeCredentialConfigurations.ProofAlgorithms)} (F.1, proof_signing_alg_values_supported).");
        }

        // F.1: the key is given by kid (a DID URL) or jwk, not both; x5c is not supported here.
        if (!TryReadKey(header, out var key, out var holder, out var keyError))
        {
            return KeyProofResult.Invalid(keyError);
        }

        using (key)
        {
            if (!key.Accepts(alg))
            {
                return KeyProofResult.Invalid($"header 'alg' '{alg}' does not fit the {key.Describe()} (F.1).");
            }

            // F.4 item 1: the signature verifies with that key.
            if (!await VerifySignatureAsync(jwt, key, alg).ConfigureAwait(false))
            {
                return KeyProofResult.Invalid($"the key proof's signature does not verify with the {key.Describe()} it names (F.4).");
            }
        }

        // F.1: aud is the Credential Issuer Identifier.
        if (!AudienceIsUs(payload["aud"]))
        {
            return KeyProofResult.Invalid($"claim 'aud' must be the Credential Issuer Identifier '{_options.IssuerIdentifier}' (F.1).");
        }

        // F.1: iat is required; F.4: within an acceptable window.
        if (payload["iat"] is not JValue { Type: JTokenType.Integer or JTokenType.Float } iatValue)
        {
            return KeyProofResult.Invalid("claim 'iat' (a NumericDate) is required (F.1).");
        }

        var now = _options.TimeProvider.GetUtcNow();
        var iat = DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor((double)iatValue));
        if (iat > now + _options.ClockSkew)
        {
            return KeyProofResult.Invalid("claim 'iat' lies in the future (F.4).");
        }

        if (iat < now - _options.ProofMaxAge)
        {
            return KeyProofResult.Invalid($"claim 'iat' is older than {(int)_options.ProofMaxAge.TotalSeconds} seconds (F.4).");
        }

        if (payload["exp"] is JValue { Type: JTokenType.Integer or JTokenType.Float } expValue
            && DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor((double)expValue)) <= now - _options.ClockSkew)
        {
            return KeyProofResult.Invalid("the key proof has expired (claim 'exp').");
        }

        // F.1: nonce is the c_nonce from the nonce endpoint; without one, invalid_proof (§8.3.1.2).
        if (payload["nonce"] is not JValue { Type: JTokenType.String } nonceValue || ((string)nonceValue!).Length == 0)
        {
            return KeyProofResult.Invalid("claim 'nonce' (a c_nonce from the Nonce Endpoint) is required (F.1, §8.3.1.2).");
        }

        // Last, so a proof that fails any other rule does not use up the wallet's nonce.
        if (!_nonces.TryConsume((string)nonceValue!))
        {
            return KeyProofResult.BadNonce("claim 'nonce' is not a c_nonce this issuer gave out, or it was used or has expired: get a new one from the Nonce Endpoint (§7, §8.3.1.2).");
        }

        return new KeyProofResult(holder, null, null);
    }

    private bool AudienceIsUs(JToken? aud)
    {
        var expected = _options.IssuerIdentifier;
        return aud switch
        {
            JValue { Type: JTokenType.String } single => SameIssuer((string)single!, expected),
            JArray many => many.Count == 1 && many[0] is JValue { Type: JTokenType.String } only && SameIssuer((string)only!, expected),
            _ => false,
        };
    }

    // Compared as strings (§12.2.1 identifiers are compared exactly); a trailing slash is tolerated.
    private static bool SameIssuer(string aud, string expected) =>
        string.Equals(aud.TrimEnd('/'), expected, StringComparison.Ordinal);

    private static bool TryReadKey(JObject header, out JosePublicKey key, out string holder, out string error)
    {
        key = null!;
        holder = null!;
        var kid = header["kid"];
        var jwk = header["jwk"];
        if (header["x5c"] is not null)
        {
            error = "header 'x5c' is not supported by this issuer: give the key as 'kid' (did:key or did:jwk) or 'jwk' (F.1).";
            return false;
        }

        if ((kid is null) == (jwk is null))
        {
            error = "the header must carry exactly one of 'kid' (a did:key or did:jwk DID URL) and 'jwk' (F.1).";
            return false;
        }

        if (jwk is not null)
        {
            if (jwk is not JObject jwkObject || !JosePublicKey.TryParse(jwkObject, out var parsed, out var jwkError))
            {
                error = $"header 'jwk' is not an acceptable public key{(jwk is JObject ? "" : " (not a JSON object)")} (F.1).";
                return false;
            }

            key = parsed;
            holder = HolderDidOf(parsed, jwkObject);
            error = null!;
            return true;
        }

        if (kid is not JValue { Type: JTokenType.String } kidValue)
        {
            error = "header 'kid' must be a string DID URL (F.1).";
            return false;
        }

        var url = (string)kidValue!;
        if (url.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            if (DidKeyP256.IsCandidate(url))
            {
                if (DidKeyP256.TryParse(url, out var p256Jwk, out var p256Did, out var p256Error) && JosePublicKey.TryParse(p256Jwk, out var p256Key, out _))
                {
                    key = p256Key;
                    holder = p256Did;
                    error = null!;
                    return true;
                }

                error = $"header 'kid' is not a P-256 did:key: {p256Error ?? "unusable key"} (F.1).";
                return false;
            }

            if (DidKey.TryParse(url, out var ed25519, out var didKeyError))
            {
                key = JosePublicKey.FromEd25519(ed25519);
                holder = ed25519.ToDidKey();
                error = null!;
                return true;
            }

            error = $"header 'kid' is not a usable did:key: {didKeyError} (F.1).";
            return false;
        }

        if (url.StartsWith(DidJwk.Prefix, StringComparison.Ordinal))
        {
            if (DidJwk.TryParse(url, out var didJwk, out var did, out var didJwkError) && JosePublicKey.TryParse(didJwk, out var jwkKey, out didJwkError))
            {
                key = jwkKey;
                holder = did;
                error = null!;
                return true;
            }

            error = $"header 'kid' is not a usable did:jwk: {didJwkError} (F.1).";
            return false;
        }

        error = "header 'kid' must be a did:key or did:jwk DID URL: other DID methods are not resolved by this issuer (cryptographic_binding_methods_supported).";
        return false;
    }

    // A key given as a bare JWK is bound by its did:key where the method has one (Ed25519, P-256), else its did:jwk.
    private static string HolderDidOf(JosePublicKey key, JObject jwk)
    {
        if (key.Ed25519 is { } ed25519)
        {
            return ed25519.ToDidKey();
        }

        return key.KeyType == "EC" ? DidKeyP256.Create(jwk) : DidJwk.Create(PublicMembers(jwk));
    }

    private static JObject PublicMembers(JObject jwk)
    {
        var copy = new JObject();
        foreach (var name in new[] { "kty", "crv", "x", "y", "n", "e" })
        {
            if (jwk[name] is { } value)
            {
                copy[name] = value.DeepClone();
            }
        }

        return copy;
    }

    private static bool TryDecode(string segment, out JObject json)
    {
        json = null!;
        try
        {
            var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(segment);
            json = JsonInput.ParseObject(Encoding.UTF8.GetString(bytes), Limits);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or JsonInputException or Newtonsoft.Json.JsonException)
        {
            return false;
        }
    }

    private static async Task<bool> VerifySignatureAsync(string jwt, JosePublicKey key, string alg)
    {
        // Only the signature is checked here: typ, aud, iat and nonce are checked above by the spec's rules.
        if (JwsSignature.TryVerifyEd25519(jwt, key, alg, out var ed25519Valid))
        {
            return ed25519Valid;
        }

        try
        {
            return (await JwsSignature.ValidateAsync(jwt, key, alg, MaxProofLength).ConfigureAwait(false)).IsValid;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
