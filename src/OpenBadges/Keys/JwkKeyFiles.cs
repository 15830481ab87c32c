using System.Buffers.Text;
using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// Key files for VC-JWT with P-256 (ES256) or RSA (RS256): a private JWK with <c>kid</c> (the did:jwk
/// verification method), <c>alg</c> and <c>controller</c> (the did:jwk to use as the issuer id). What the CLI's
/// <c>keygen --type p256|rsa</c> writes and <c>sign --suite jwt</c> reads; <see cref="Ed25519KeyFile"/> is the Ed25519 counterpart.
/// </summary>
/// <remarks>The generated JSON holds the private key: write it owner-only and never log it.</remarks>
public static class JwkKeyFiles
{
    /// <summary>A new random P-256 (ES256) private key file.</summary>
    public static JObject GenerateP256() => Generate("p256");

    /// <summary>A new random RSA 3072-bit (RS256) private key file.</summary>
    public static JObject GenerateRsa() => Generate("rsa");

    private static JObject Generate(string type)
    {
        JObject publicJwk;
        JObject privateJwk;
        string algorithm;
        if (type == "p256")
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            (publicJwk, privateJwk) = ToJwks(ec.ExportParameters(includePrivateParameters: true));
            algorithm = EcdsaP256Signer.Es256Algorithm;
        }
        else
        {
            using var rsa = RSA.Create(3072);
            (publicJwk, privateJwk) = ToJwks(rsa.ExportParameters(includePrivateParameters: true));
            algorithm = RsaSigner.Rs256Algorithm;
        }

        privateJwk["alg"] = algorithm;
        privateJwk["kid"] = DidJwk.CreateVerificationMethodId(publicJwk);
        privateJwk["controller"] = DidJwk.Create(publicJwk);
        return privateJwk;
    }

    /// <summary>The public and the private JWK (RFC 7518 §6.2) of a P-256 key.</summary>
    public static (JObject Public, JObject Private) ToJwks(ECParameters p)
    {
        var publicJwk = new JObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
        var privateJwk = (JObject)publicJwk.DeepClone();
        privateJwk["d"] = B64(p.D!);
        return (publicJwk, privateJwk);
    }

    /// <summary>The public and the private JWK (RFC 7518 §6.3) of an RSA key.</summary>
    public static (JObject Public, JObject Private) ToJwks(RSAParameters p)
    {
        var publicJwk = new JObject { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
        var privateJwk = (JObject)publicJwk.DeepClone();
        privateJwk["d"] = B64(p.D!);
        privateJwk["p"] = B64(p.P!);
        privateJwk["q"] = B64(p.Q!);
        privateJwk["dp"] = B64(p.DP!);
        privateJwk["dq"] = B64(p.DQ!);
        privateJwk["qi"] = B64(p.InverseQ!);
        return (publicJwk, privateJwk);
    }

    /// <summary>True when the key file text is a JWK (has <c>kty</c>) rather than a Multikey key file.</summary>
    public static bool IsJwk(JObject keyFile)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        return keyFile["kty"] is JValue;
    }

    /// <summary>A signer for a private EC P-256 or RSA JWK; the caller disposes the returned key holder.</summary>
    /// <param name="jwk">The key file's JSON.</param>
    /// <param name="path">Where the key file came from, for messages (a file path or any label).</param>
    /// <exception cref="FormatException">Not a usable private P-256 or RSA JWK; the message names the member, never a secret.</exception>
    public static (ISigner Signer, IDisposable Key) Load(JObject jwk, string path)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        ArgumentNullException.ThrowIfNull(path);
        var kid = jwk["kid"] is JValue { Type: JTokenType.String } kidValue
            ? (string)kidValue!
            : throw KeyErrors.JwkKeyFileHasNoKid(path);
        switch (jwk["kty"] is JValue { Type: JTokenType.String } kty ? (string?)kty : null)
        {
            case "EC" when jwk["crv"] is JValue { Type: JTokenType.String } crv && (string?)crv == "P-256":
            {
                var ec = ECDsa.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = Bytes(jwk, "x", path), Y = Bytes(jwk, "y", path) },
                    D = Bytes(jwk, "d", path),
                });
                return (new EcdsaP256Signer(ec, kid), ec);
            }

            case "RSA":
            {
                var rsa = RSA.Create(new RSAParameters
                {
                    Modulus = Bytes(jwk, "n", path),
                    Exponent = Bytes(jwk, "e", path),
                    D = Bytes(jwk, "d", path),
                    P = Bytes(jwk, "p", path),
                    Q = Bytes(jwk, "q", path),
                    DP = Bytes(jwk, "dp", path),
                    DQ = Bytes(jwk, "dq", path),
                    InverseQ = Bytes(jwk, "qi", path),
                });
                return (new RsaSigner(rsa, kid), rsa);
            }

            default:
                throw KeyErrors.JwkKeyFileUnsupportedKey(path);
        }
    }

    /// <summary>The key file as indented JSON text (private key included).</summary>
    public static string ToJson(JObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        return jwk.ToString(Formatting.Indented);
    }

    private static byte[] Bytes(JObject jwk, string member, string path)
    {
        if (jwk[member] is not JValue { Type: JTokenType.String } value)
        {
            throw KeyErrors.JwkKeyFileMemberMissing(path, member);
        }

        var text = (string)value!;
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw KeyErrors.JwkKeyFileMemberNotBase64Url(member, path);
        }
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
