namespace OpenBadges.Keys;

/// <summary>The NIST curves of the ECDSA Data Integrity suites (vc-di-ecdsa): each fixes the hash and the signature size.</summary>
public enum EcdsaCurve
{
    /// <summary>P-256 (secp256r1) with SHA-256: Multikey <c>zDn…</c>, 64-byte signatures.</summary>
    P256,

    /// <summary>P-384 (secp384r1) with SHA-384: Multikey <c>z82…</c>, 96-byte signatures.</summary>
    P384,
}
