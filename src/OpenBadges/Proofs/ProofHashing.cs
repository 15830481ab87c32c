using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;

namespace OpenBadges.Proofs;

/// <summary>
/// The hashing step every suite here shares: SHA-256 of the canonical proof configuration followed by
/// SHA-256 of the canonical document, 64 bytes, which is what Ed25519 signs.
/// </summary>
internal static class ProofHashing
{
    public const int HashDataLength = 64;

    public static byte[] HashData(Cryptosuite suite, JObject proofConfiguration, JObject unsecuredDocument, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var hashData = new byte[HashDataLength];
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(suite, proofConfiguration, jsonLd, cancellationToken)), hashData.AsSpan(0, 32));
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(suite, unsecuredDocument, jsonLd, cancellationToken)), hashData.AsSpan(32, 32));
        return hashData;
    }

    public static string Canonicalize(Cryptosuite suite, JObject document, JsonLdOptions? jsonLd, CancellationToken cancellationToken) =>
        suite.Canonicalization switch
        {
            ProofCanonicalization.Jcs => Jcs.Canonicalize(document),
            _ => JsonLdCanonicalizer.Canonicalize(document, jsonLd, null, cancellationToken),
        };

    /// <summary>
    /// The proof configuration: the proof without its value, carrying the document's <c>@context</c> so its
    /// terms expand the same way they do in the document.
    /// </summary>
    public static JObject ProofConfiguration(JObject proof, JToken? documentContext)
    {
        var configuration = (JObject)proof.DeepClone();
        configuration.Remove("proofValue");
        configuration.Remove("@context");
        if (documentContext is not null)
        {
            configuration["@context"] = documentContext.DeepClone();
        }

        return configuration;
    }
}
