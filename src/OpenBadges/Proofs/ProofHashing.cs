using System.Buffers;
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
        HashCanonical(suite, proofConfiguration, jsonLd, cancellationToken, hashData.AsSpan(0, 32));
        HashCanonical(suite, unsecuredDocument, jsonLd, cancellationToken, hashData.AsSpan(32, 32));
        return hashData;
    }

    /// <summary>As above, with the unsecured document read through a view of the secured one (no copy of it).</summary>
    public static byte[] HashData(Cryptosuite suite, JObject proofConfiguration, DocumentView unsecuredDocument, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var hashData = new byte[HashDataLength];
        HashCanonical(suite, proofConfiguration, jsonLd, cancellationToken, hashData.AsSpan(0, 32));
        if (suite.Canonicalization == ProofCanonicalization.Jcs)
        {
            Sha256Utf8(Jcs.Canonicalize(unsecuredDocument), hashData.AsSpan(32, 32));
        }
        else
        {
            JsonLdCanonicalizer.CanonicalSha256(unsecuredDocument, jsonLd, null, cancellationToken, hashData.AsSpan(32, 32));
        }

        return hashData;
    }

    /// <summary>The canonical form of <paramref name="document"/> as UTF-8, hashed with SHA-256 into <paramref name="destination"/>.</summary>
    /// <remarks>
    /// Hashes without materializing the canonical text as a string and then as a byte array: RDFC-1.0 hashes its
    /// sorted lines directly; the JCS text is encoded into a pooled buffer. Byte for byte the input of
    /// <c>SHA256(UTF8(Canonicalize(document)))</c>.
    /// </remarks>
    public static void HashCanonical(Cryptosuite suite, JObject document, JsonLdOptions? jsonLd, CancellationToken cancellationToken, Span<byte> destination)
    {
        if (suite.Canonicalization == ProofCanonicalization.Jcs)
        {
            Sha256Utf8(Jcs.Canonicalize(document), destination);
        }
        else
        {
            JsonLdCanonicalizer.CanonicalSha256(document, jsonLd, null, cancellationToken, destination);
        }
    }

    public static string Canonicalize(Cryptosuite suite, JObject document, JsonLdOptions? jsonLd, CancellationToken cancellationToken) =>
        suite.Canonicalization switch
        {
            ProofCanonicalization.Jcs => Jcs.Canonicalize(document),
            _ => JsonLdCanonicalizer.Canonicalize(document, jsonLd, null, cancellationToken),
        };

    private static void Sha256Utf8(string text, Span<byte> destination)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            SHA256.HashData(buffer.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

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
