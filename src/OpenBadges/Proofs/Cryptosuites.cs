using OpenBadges.JsonLd;
using OpenBadges.Json;

namespace OpenBadges.Proofs;

/// <summary>The Data Integrity cryptosuites this package signs and verifies: Ed25519 (vc-di-eddsa) and ECDSA (vc-di-ecdsa).</summary>
public static class Cryptosuites
{
    /// <summary>The Data Integrity proof type.</summary>
    public const string DataIntegrityProofType = "DataIntegrityProof";

    /// <summary><c>eddsa-rdfc-2022</c>: the suite to issue with (the Ed25519 route OB 3.0 certification accepts).</summary>
    public static Cryptosuite EddsaRdfc2022 { get; } =
        new(DataIntegrityProofType, "eddsa-rdfc-2022", ProofCanonicalization.Rdfc10, canIssue: true, EmbeddedContexts.DataIntegrityV2, suiteContextSatisfiedByVc2: true);

    /// <summary><c>eddsa-2022</c>: the draft name of eddsa-rdfc-2022, same algorithm; verified, never issued.</summary>
    public static Cryptosuite Eddsa2022 { get; } =
        new(DataIntegrityProofType, "eddsa-2022", ProofCanonicalization.Rdfc10, canIssue: false, EmbeddedContexts.DataIntegrityV2, suiteContextSatisfiedByVc2: true);

    /// <summary><c>eddsa-jcs-2022</c>: JSON canonicalization, no JSON-LD processing.</summary>
    public static Cryptosuite EddsaJcs2022 { get; } =
        new(DataIntegrityProofType, "eddsa-jcs-2022", ProofCanonicalization.Jcs, canIssue: true, EmbeddedContexts.DataIntegrityV2, suiteContextSatisfiedByVc2: true);

    /// <summary><c>Ed25519Signature2020</c>: the legacy suite many issued badges carry.</summary>
    public static Cryptosuite Ed25519Signature2020 { get; } =
        new("Ed25519Signature2020", null, ProofCanonicalization.Rdfc10, canIssue: true, EmbeddedContexts.Ed25519Signature2020V1, suiteContextSatisfiedByVc2: false);

    /// <summary><c>ecdsa-rdfc-2019</c>: RDFC-1.0 with ECDSA, P-256/SHA-256 or P-384/SHA-384 as the key says (vc-di-ecdsa §3.3).</summary>
    public static Cryptosuite EcdsaRdfc2019 { get; } =
        new(DataIntegrityProofType, "ecdsa-rdfc-2019", ProofCanonicalization.Rdfc10, canIssue: true, EmbeddedContexts.DataIntegrityV2, suiteContextSatisfiedByVc2: true, ProofKeyType.Ecdsa);

    /// <summary><c>ecdsa-jcs-2019</c>: JSON canonicalization with ECDSA, P-256 or P-384 (vc-di-ecdsa §3.4).</summary>
    public static Cryptosuite EcdsaJcs2019 { get; } =
        new(DataIntegrityProofType, "ecdsa-jcs-2019", ProofCanonicalization.Jcs, canIssue: true, EmbeddedContexts.DataIntegrityV2, suiteContextSatisfiedByVc2: true, ProofKeyType.Ecdsa);

    /// <summary>
    /// <c>ecdsa-sd-2023</c>: selective disclosure with P-256 (vc-di-ecdsa §3.5). Sign base proofs and derive with
    /// <see cref="Proofs.EcdsaSd2023"/>; <see cref="DataIntegrityVerifier"/> verifies derived proofs.
    /// </summary>
    public static Cryptosuite EcdsaSd2023 { get; } =
        new(DataIntegrityProofType, "ecdsa-sd-2023", ProofCanonicalization.Rdfc10, canIssue: true, EmbeddedContexts.DataIntegrityV2, suiteContextSatisfiedByVc2: true, ProofKeyType.EcdsaSelectiveDisclosure);

    /// <summary>
    /// <c>Ed25519Signature2018</c>: verified, never issued. RDFC-1.0 of the proof options and the document (the
    /// jsonld-signatures LinkedDataSignature hashing, as the 2020 suite), signed as a detached JWS with <c>b64: false</c>
    /// in the proof's <c>jws</c> member. Its terms come from the 2018 suite context or the VC 1.1 context.
    /// </summary>
    public static Cryptosuite Ed25519Signature2018 { get; } =
        new("Ed25519Signature2018", null, ProofCanonicalization.Rdfc10, canIssue: false, EmbeddedContexts.Ed25519Signature2018V1, suiteContextSatisfiedByVc2: false,
            detachedJws: true, suiteContextAlsoIn: EmbeddedContexts.CredentialsV1);

    /// <summary>Every suite, issuing ones first.</summary>
    public static IReadOnlyList<Cryptosuite> All { get; } = [EddsaRdfc2022, EddsaJcs2022, Ed25519Signature2020, EcdsaRdfc2019, EcdsaJcs2019, EcdsaSd2023, Eddsa2022, Ed25519Signature2018];

    /// <summary>The suite a proof names by its <c>type</c> and <c>cryptosuite</c>, or null if unknown.</summary>
    public static Cryptosuite? Find(string? proofType, string? cryptosuite)
    {
        foreach (var suite in All)
        {
            if (suite.ProofType == proofType && suite.Name == (suite.Name is null ? suite.Name : cryptosuite))
            {
                return suite;
            }
        }

        return null;
    }

    /// <summary>The suite called <paramref name="name"/> (a cryptosuite name, or <c>Ed25519Signature2020</c>), or null.</summary>
    public static Cryptosuite? FromName(string name)
    {
        foreach (var suite in All)
        {
            if (string.Equals(suite.ToString(), name, StringComparison.Ordinal))
            {
                return suite;
            }
        }

        return null;
    }
}
