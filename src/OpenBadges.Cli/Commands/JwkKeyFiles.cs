using System.Buffers.Text;
using System.Security.Cryptography;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// Key files for VC-JWT with P-256 (ES256) or RSA (RS256): a private JWK with <c>kid</c> (the did:jwk
/// verification method), <c>alg</c> and <c>controller</c> (the did:jwk to use as the issuer id).
/// </summary>
internal static class JwkKeyFiles
{
    public static JObject Generate(string type)
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
    internal static (JObject Public, JObject Private) ToJwks(ECParameters p)
    {
        var publicJwk = new JObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) };
        var privateJwk = (JObject)publicJwk.DeepClone();
        privateJwk["d"] = B64(p.D!);
        return (publicJwk, privateJwk);
    }

    /// <summary>The public and the private JWK (RFC 7518 §6.3) of an RSA key.</summary>
    internal static (JObject Public, JObject Private) ToJwks(RSAParameters p)
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
    public static bool IsJwk(JObject keyFile) => keyFile["kty"] is JValue;

    /// <summary>A signer for a private EC P-256 or RSA JWK; the caller disposes the returned key holder.</summary>
    public static (ISigner Signer, IDisposable Key) Load(JObject jwk, string path)
    {
        var kid = (string?)jwk["kid"] ?? throw new CliInputException($"the JWK key file '{path}' has no 'kid' (the key id verifiers resolve).");
        switch ((string?)jwk["kty"])
        {
            case "EC" when (string?)jwk["crv"] == "P-256":
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
                throw new CliInputException($"the JWK key file '{path}' is neither an EC P-256 nor an RSA private key.");
        }
    }

    public static string ToJson(JObject jwk) => jwk.ToString(Formatting.Indented);

    private static byte[] Bytes(JObject jwk, string member, string path)
    {
        var text = (string?)jwk[member] ?? throw new CliInputException($"the JWK key file '{path}' has no '{member}'.");
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw new CliInputException($"'{member}' in the JWK key file '{path}' is not base64url.");
        }
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
