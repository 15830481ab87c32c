using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;
using OpenBadges.Json;

namespace OpenBadges.Keys;

/// <summary>
/// Ed25519 keys as JSON Web Keys (RFC 8037 §2: <c>kty</c> "OKP", <c>crv</c> "Ed25519", <c>x</c> the public key and
/// <c>d</c> the seed, both base64url without padding) and their RFC 7638 thumbprints. Export is public-only unless
/// the private part is asked for explicitly, and the key allows it.
/// </summary>
public static class Jwk
{
    /// <summary>The key type of Ed25519 JWKs.</summary>
    public const string OctetKeyPair = "OKP";

    /// <summary>The curve name of Ed25519 JWKs.</summary>
    public const string Ed25519Curve = "Ed25519";

    /// <summary>The JWS algorithm name of Ed25519 (RFC 8037 §3.1).</summary>
    public const string EdDsaAlgorithm = "EdDSA";

    /// <summary>The public JWK <c>{"kty":"OKP","crv":"Ed25519","x":…}</c>, with <c>kid</c> when given.</summary>
    public static JObject FromPublicKey(Ed25519PublicKey publicKey, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var jwk = new JObject
        {
            ["kty"] = OctetKeyPair,
            ["crv"] = Ed25519Curve,
            ["x"] = Base64Url(publicKey.Bytes),
        };
        if (keyId is not null)
        {
            jwk["kid"] = keyId;
        }

        return jwk;
    }

    /// <summary>
    /// The JWK of <paramref name="key"/>: public only, unless <paramref name="includePrivateKey"/> is true, which
    /// adds <c>d</c> (the seed) and requires a key created with allowSecretExport.
    /// </summary>
    /// <exception cref="InvalidOperationException">The private key was requested and the key does not allow export.</exception>
    public static JObject FromKey(Ed25519Key key, bool includePrivateKey = false, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var jwk = FromPublicKey(key.PublicKey, keyId);
        if (includePrivateKey)
        {
            Span<byte> seed = stackalloc byte[Ed25519Key.SeedSize];
            try
            {
                key.ExportSeed(seed);
                jwk["d"] = Base64Url(seed);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }

        return jwk;
    }

    /// <summary>
    /// Reads the public key of an Ed25519 JWK. A JWK carrying <c>d</c> is refused: where a public key is expected
    /// (a JWT header, a DID document) a private key means someone published a secret.
    /// </summary>
    public static bool TryParsePublicKey(
        JObject? jwk,
        [NotNullWhen(true)] out Ed25519PublicKey? publicKey,
        [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        if (!CheckHeader(jwk, out error))
        {
            return false;
        }

        if (jwk.ContainsKey("d"))
        {
            error = "the JWK contains a private key ('d') where a public key is expected";
            return false;
        }

        return TryReadX(jwk, out publicKey, out error);
    }

    /// <summary>Reads the public key of an Ed25519 JWK.</summary>
    /// <exception cref="FormatException">Not an acceptable public Ed25519 JWK; the message names the member and rule.</exception>
    public static Ed25519PublicKey ParsePublicKey(JObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        return TryParsePublicKey(jwk, out var key, out var error) ? key : throw KeyErrors.NotPublicEd25519Jwk(error);
    }

    /// <summary>Reads the public key of an Ed25519 JWK given as JSON text.</summary>
    /// <exception cref="FormatException">Not an acceptable public Ed25519 JWK.</exception>
    public static Ed25519PublicKey ParsePublicKey(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParsePublicKey(ParseJson(json));
    }

    /// <summary>Reads a private Ed25519 JWK (with <c>d</c>); <c>x</c> must be the public key that <c>d</c> derives.</summary>
    public static bool TryParseKey(
        JObject? jwk,
        [NotNullWhen(true)] out Ed25519Key? key,
        [NotNullWhen(false)] out string? error,
        bool allowSecretExport = false)
    {
        key = null;
        if (!CheckHeader(jwk, out error) || !TryReadX(jwk, out var publicKey, out error))
        {
            return false;
        }

        if (jwk["d"] is not JValue { Type: JTokenType.String } dToken)
        {
            error = "the JWK has no private key: member 'd' (a base64url string) is missing";
            return false;
        }

        Span<byte> seed = stackalloc byte[Ed25519Key.SeedSize + 2];
        try
        {
            if (!Multibase.TryDecodeBase64Url((string)dToken!, seed, out var written, out var decodeError)
                || written != Ed25519Key.SeedSize)
            {
                error = decodeError is null
                    ? $"member 'd' must be {Ed25519Key.SeedSize} bytes; found {written}"
                    : "member 'd' is not acceptable base64url: " + decodeError;
                return false;
            }

            var candidate = Ed25519Key.FromSeed(seed[..Ed25519Key.SeedSize], allowSecretExport);
            if (candidate.PublicKey != publicKey)
            {
                candidate.Dispose();
                error = "member 'x' is not the public key derived from member 'd'";
                return false;
            }

            key = candidate;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Reads a private Ed25519 JWK.</summary>
    /// <exception cref="FormatException">Not an acceptable private Ed25519 JWK; the message never repeats the secret.</exception>
    public static Ed25519Key ParseKey(JObject jwk, bool allowSecretExport = false)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        return TryParseKey(jwk, out var key, out var error, allowSecretExport) ? key : throw KeyErrors.NotPrivateEd25519Jwk(error);
    }

    /// <summary>
    /// The RFC 7638 thumbprint: base64url(SHA-256) of the required members in lexicographic order with no
    /// whitespace, <c>{"crv":"Ed25519","kty":"OKP","x":"…"}</c> (RFC 8037 §2, Appendix A.3).
    /// </summary>
    public static string Thumbprint(Ed25519PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);

        // All three values are plain ASCII without characters JSON would escape, so the canonical form is a
        // direct concatenation.
        var canonical = "{\"crv\":\"" + Ed25519Curve + "\",\"kty\":\"" + OctetKeyPair + "\",\"x\":\"" + Base64Url(publicKey.Bytes) + "\"}";
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The RFC 9278 thumbprint URI: <c>urn:ietf:params:oauth:jwk-thumbprint:sha-256:</c> + <see cref="Thumbprint"/>.</summary>
    public static string ThumbprintUri(Ed25519PublicKey publicKey) =>
        "urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + Thumbprint(publicKey);

    private static bool CheckHeader([NotNullWhen(true)] JObject? jwk, [NotNullWhen(false)] out string? error)
    {
        if (jwk is null)
        {
            error = "the JWK is missing";
            return false;
        }

        if (StringMember(jwk, "kty") != OctetKeyPair)
        {
            error = $"member 'kty' must be \"{OctetKeyPair}\" for an Ed25519 key";
            return false;
        }

        if (StringMember(jwk, "crv") != Ed25519Curve)
        {
            error = $"member 'crv' must be \"{Ed25519Curve}\"";
            return false;
        }

        if (jwk.ContainsKey("alg") && StringMember(jwk, "alg") != EdDsaAlgorithm)
        {
            error = $"member 'alg', when present, must be \"{EdDsaAlgorithm}\" for an Ed25519 key";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryReadX(JObject jwk, [NotNullWhen(true)] out Ed25519PublicKey? publicKey, [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        var x = StringMember(jwk, "x");
        if (x is null)
        {
            error = "member 'x' (the public key, base64url) is missing or not a string";
            return false;
        }

        Span<byte> bytes = stackalloc byte[Ed25519PublicKey.Size + 2];
        if (!Multibase.TryDecodeBase64Url(x, bytes, out var written, out var decodeError))
        {
            error = "member 'x' is not acceptable base64url: " + decodeError;
            return false;
        }

        if (written != Ed25519PublicKey.Size)
        {
            error = $"member 'x' must be {Ed25519PublicKey.Size} bytes; found {written}";
            return false;
        }

        if (!Ed25519PublicKey.TryFromBytes(bytes[..written], out publicKey, out error))
        {
            error = "member 'x': " + error;
            return false;
        }

        return true;
    }

    private static string? StringMember(JObject jwk, string name) =>
        jwk[name] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static string Base64Url(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static JObject ParseJson(string json)
    {
        try
        {
            return JsonInput.ParseObject(json);
        }
        catch (JsonInputException e)
        {
            throw KeyErrors.JwkNotJson(e);
        }
    }
}
