namespace OpenBadges.Proofs;

/// <summary>The key and signature family of a cryptosuite: which signers it accepts and which keys verify it.</summary>
internal enum ProofKeyType
{
    /// <summary>Ed25519: 64-byte signatures over the 64-byte hash data.</summary>
    Ed25519,

    /// <summary>ECDSA on P-256 (SHA-256) or P-384 (SHA-384), the curve following the key: r ‖ s signatures.</summary>
    Ecdsa,

    /// <summary>ecdsa-sd-2023: a P-256 base signature plus one ephemeral-key signature per non-mandatory statement, CBOR proof values.</summary>
    EcdsaSelectiveDisclosure,
}
