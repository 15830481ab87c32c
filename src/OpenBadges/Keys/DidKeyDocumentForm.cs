namespace OpenBadges.Keys;

/// <summary>How a did:key DID document expresses its Ed25519 verification method.</summary>
public enum DidKeyDocumentForm
{
    /// <summary>Type <c>Multikey</c> with context <c>https://w3id.org/security/multikey/v1</c> (what eddsa-rdfc-2022 expects).</summary>
    Multikey,

    /// <summary>Type <c>Ed25519VerificationKey2020</c> with context <c>https://w3id.org/security/suites/ed25519-2020/v1</c> (legacy Ed25519Signature2020).</summary>
    Ed25519VerificationKey2020,
}
