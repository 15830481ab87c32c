using OpenBadges.Keys;

namespace OpenBadges.Proofs.Jose;

/// <summary>
/// The JWS algorithms (RFC 7518 §3.1, RFC 8037 §3.1) this package signs and accepts, and how they pair with key
/// types. Every other algorithm — <c>none</c>, the HMAC family, RSA-PSS, other curves — is refused.
/// </summary>
public static class JoseAlgorithms
{
    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256; RSA keys of at least 2048 bits.</summary>
    public const string RS256 = RsaSigner.Rs256Algorithm;

    /// <summary>ECDSA on P-256 with SHA-256; signature R ‖ S.</summary>
    public const string ES256 = EcdsaP256Signer.Es256Algorithm;

    /// <summary>EdDSA (RFC 8037); Ed25519 keys only. The name this package writes, as OB 3.0 validators expect.</summary>
    public const string EdDSA = Jwk.EdDsaAlgorithm;

    /// <summary>
    /// The fully-specified name of Ed25519 (RFC 9864, which deprecates the polymorphic <c>EdDSA</c>): accepted when
    /// verifying, never written.
    /// </summary>
    public const string Ed25519 = "Ed25519";

    /// <summary>The accepted algorithms, in the order above.</summary>
    public static IReadOnlyList<string> Supported { get; } = [RS256, ES256, EdDSA, Ed25519];

    /// <summary>True for an accepted algorithm name (case-sensitive, as RFC 7515 §4.1.1 requires).</summary>
    public static bool IsSupported(string? algorithm) => algorithm is RS256 or ES256 or EdDSA or Ed25519;

    /// <summary>True for the two names of Ed25519 signing.</summary>
    public static bool IsEd25519(string? algorithm) => algorithm is EdDSA or Ed25519;

    /// <summary>
    /// The JWS <c>alg</c> for an <see cref="ISigner.Algorithm"/>: <c>"Ed25519"</c> → <c>EdDSA</c>; <c>RS256</c>, <c>ES256</c>
    /// and <c>EdDSA</c> map to themselves; anything else is null.
    /// </summary>
    public static string? FromSignerAlgorithm(string? signerAlgorithm) => signerAlgorithm switch
    {
        Ed25519 or EdDSA => EdDSA,
        RS256 => RS256,
        ES256 => ES256,
        _ => null,
    };

    /// <summary>Why an unaccepted <c>alg</c> is refused, in plain words.</summary>
    internal static string Explain(string? algorithm) => algorithm switch
    {
        null => "the header has no 'alg' string",
        "none" or "None" or "NONE" => "'alg' is 'none': the token is unsigned",
        _ when algorithm.StartsWith("HS", StringComparison.OrdinalIgnoreCase) =>
            $"'alg' is {Printable.Quote(algorithm)}, a symmetric (HMAC) algorithm: a public key must never be used as an HMAC secret",
        _ => $"'alg' is {Printable.Quote(algorithm)}, which is not one of {string.Join(", ", Supported)}",
    };
}
