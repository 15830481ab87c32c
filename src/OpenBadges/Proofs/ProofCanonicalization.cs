using OpenBadges.Json;

namespace OpenBadges.Proofs;

/// <summary>The transformation a cryptosuite applies before hashing.</summary>
public enum ProofCanonicalization
{
    /// <summary>JSON-LD to RDF, then RDF Dataset Canonicalization (RDFC-1.0), as N-Quads.</summary>
    Rdfc10,
    /// <summary>JSON Canonicalization Scheme (RFC 8785).</summary>
    Jcs,
}
