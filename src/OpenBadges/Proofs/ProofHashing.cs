using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;
using OpenBadges.Json;
using OpenBadges.Rdf;

namespace OpenBadges.Proofs;

/// <summary>
/// The hashing step every suite here shares: SHA-256 of the canonical proof configuration followed by
/// SHA-256 of the canonical document, 64 bytes, which is what Ed25519 signs (and ECDSA P-256 signs with its own
/// SHA-256); SHA-384 for ECDSA P-384, 96 bytes.
/// </summary>
internal static class ProofHashing
{
    public const int HashDataLength = 64;

    /// <summary>
    /// SHA-256 of the canonical proof configuration, then of the canonical unsecured document: both read through views
    /// (<see cref="ConfigurationView"/>, the secured document without its proof), so neither is copied. A document that
    /// had to be built (a proof chain's) is passed as <see cref="DocumentView.Whole"/>.
    /// </summary>
    /// <remarks>
    /// <paramref name="hashLength"/> is 32 (SHA-256: the eddsa suites, ECDSA with P-256) or 48 (SHA-384: ECDSA with
    /// P-384, vc-di-ecdsa §3.3.4 hashing), so the result is 64 or 96 bytes.
    /// </remarks>
    public static byte[] HashData(Cryptosuite suite, DocumentView proofConfiguration, DocumentView unsecuredDocument, JsonLdOptions? jsonLd, CancellationToken cancellationToken, int hashLength = 32)
    {
        System.Diagnostics.Debug.Assert(hashLength is 32 or 48, "SHA-256 or SHA-384");
        var hashData = new byte[2 * hashLength];
        HashCanonical(suite, proofConfiguration, jsonLd, cancellationToken, hashData.AsSpan(0, hashLength));
        HashCanonical(suite, unsecuredDocument, jsonLd, cancellationToken, hashData.AsSpan(hashLength, hashLength));
        return hashData;
    }

    /// <summary>
    /// As above, with the unsecured document already converted to RDF (an RDFC-1.0 suite only): a verifier that read the
    /// document's dataset for its own checks hashes that dataset instead of converting the document again.
    /// </summary>
    public static byte[] HashData(Cryptosuite suite, DocumentView proofConfiguration, IReadOnlyList<RdfQuad> unsecuredDataset, JsonLdOptions? jsonLd, CancellationToken cancellationToken, int hashLength = 32)
    {
        System.Diagnostics.Debug.Assert(suite.Canonicalization == ProofCanonicalization.Rdfc10, "a dataset is what RDFC-1.0 suites hash");
        var hashData = new byte[2 * hashLength];
        HashCanonical(suite, proofConfiguration, jsonLd, cancellationToken, hashData.AsSpan(0, hashLength));
        JsonLdCanonicalizer.CanonicalSha256(unsecuredDataset, RdfcOptions(hashLength), cancellationToken, hashData.AsSpan(hashLength, hashLength));
        return hashData;
    }

    /// <summary>
    /// The canonical form of <paramref name="document"/> as UTF-8, hashed into <paramref name="destination"/>: with SHA-256,
    /// or SHA-384 when <paramref name="destination"/> is 48 bytes.
    /// </summary>
    /// <remarks>
    /// Hashes without materializing the canonical text as a string and then as a byte array: RDFC-1.0 hashes its
    /// sorted lines directly; JCS writes its UTF-8 straight into a pooled buffer. Byte for byte the input of
    /// <c>SHA256(UTF8(Canonicalize(document)))</c>.
    /// </remarks>
    public static void HashCanonical(Cryptosuite suite, DocumentView document, JsonLdOptions? jsonLd, CancellationToken cancellationToken, Span<byte> destination)
    {
        if (suite.Canonicalization == ProofCanonicalization.Jcs)
        {
            Jcs.Sha256(document, destination);
        }
        else
        {
            JsonLdCanonicalizer.CanonicalSha256(document, jsonLd, RdfcOptions(destination.Length), cancellationToken, destination);
        }
    }

    public static string Canonicalize(Cryptosuite suite, JObject document, JsonLdOptions? jsonLd, CancellationToken cancellationToken, int hashLength = 32) =>
        suite.Canonicalization switch
        {
            ProofCanonicalization.Jcs => Jcs.Canonicalize(document),
            _ => JsonLdCanonicalizer.Canonicalize(document, jsonLd, RdfcOptions(hashLength), cancellationToken),
        };

    /// <summary>
    /// RDFC-1.0 runs with the suite's hash: SHA-384 inside the canonicalization too for ecdsa-rdfc-2019 with P-384
    /// (the W3C P-384 employment vector's blank node labels are the SHA-384 ones), SHA-256 otherwise.
    /// </summary>
    private static Rdfc10Options? RdfcOptions(int hashLength) => hashLength == 48 ? Sha384Rdfc : null;

    private static readonly Rdfc10Options Sha384Rdfc = new() { HashAlgorithm = System.Security.Cryptography.HashAlgorithmName.SHA384 };

    /// <summary>
    /// <see cref="ProofConfiguration"/> as a view of <paramref name="proof"/> instead of a copy: <c>proofValue</c> hidden
    /// and, when <paramref name="documentContext"/> is given, the proof's own <c>@context</c> replaced by it. Without a
    /// document context the proof must carry no <c>@context</c> of its own (a signer's new proof), as the copy would drop it.
    /// </summary>
    public static DocumentView ConfigurationView(JObject proof, JToken? documentContext)
    {
        System.Diagnostics.Debug.Assert(documentContext is not null || proof["@context"] is null, "a proof context the configuration drops");
        return new DocumentView(proof, "proofValue", documentContext);
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
