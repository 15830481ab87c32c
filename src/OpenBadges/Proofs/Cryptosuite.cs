namespace OpenBadges.Proofs;

/// <summary>
/// A Data Integrity cryptosuite as a composition of parts: the proof <c>type</c> and <c>cryptosuite</c>
/// names, the transformation (RDFC-1.0 or JCS), the hash (SHA-256 over proof configuration and document,
/// concatenated; SHA-384 for ECDSA P-384 keys), the key type (Ed25519 or ECDSA P-256/P-384) and the signature encoding (multibase base58btc). Adding a suite
/// is one more instance in <see cref="Cryptosuites"/>, not a new class.
/// </summary>
public sealed class Cryptosuite
{
    internal Cryptosuite(string proofType, string? name, ProofCanonicalization canonicalization, bool canIssue, string suiteContext, bool suiteContextSatisfiedByVc2, ProofKeyType keyType = ProofKeyType.Ed25519, bool detachedJws = false, string? suiteContextAlsoIn = null)
    {
        KeyType = keyType;
        DetachedJws = detachedJws;
        SuiteContextAlsoIn = suiteContextAlsoIn;
        ProofType = proofType;
        Name = name;
        Canonicalization = canonicalization;
        CanIssue = canIssue;
        SuiteContext = suiteContext;
        SuiteContextSatisfiedByVc2 = suiteContextSatisfiedByVc2;
    }

    /// <summary>The proof's <c>type</c>: <c>DataIntegrityProof</c> or a legacy suite type such as <c>Ed25519Signature2020</c>.</summary>
    public string ProofType { get; }

    /// <summary>The proof's <c>cryptosuite</c> value; null for legacy suites that have none.</summary>
    public string? Name { get; }

    /// <summary>The transformation applied to the document and the proof configuration.</summary>
    public ProofCanonicalization Canonicalization { get; }

    /// <summary>False for suites accepted only for verification (<c>eddsa-2022</c>, the draft name).</summary>
    public bool CanIssue { get; }

    /// <summary>The context that defines the proof's terms; added to the document's <c>@context</c> when signing if missing.</summary>
    internal string SuiteContext { get; }

    /// <summary>True when the VC 2.0 context already defines the suite's terms (it embeds Data Integrity).</summary>
    internal bool SuiteContextSatisfiedByVc2 { get; }

    /// <summary>The key and signature family (Ed25519, ECDSA, ECDSA selective disclosure).</summary>
    internal ProofKeyType KeyType { get; }

    /// <summary>
    /// True for the 2018-era suites whose signature is a detached JWS (<c>jws</c>: header <c>{"alg":"EdDSA","b64":false,"crit":["b64"]}</c>,
    /// RFC 7797) over the same 64 bytes of hash data, instead of a multibase <c>proofValue</c>.
    /// </summary>
    internal bool DetachedJws { get; }

    /// <summary>Another context that defines the suite's terms too (the VC 1.1 context defines Ed25519Signature2018), or null.</summary>
    internal string? SuiteContextAlsoIn { get; }

    /// <summary>The name users type: the cryptosuite, or the proof type for legacy suites.</summary>
    public override string ToString() => Name ?? ProofType;
}
