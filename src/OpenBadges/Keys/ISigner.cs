namespace OpenBadges.Keys;

/// <summary>
/// Something that signs with a key it may not hold in process: an <see cref="Ed25519Key"/>, a KMS, an HSM.
/// The proofs layer sees only this, so a secret never has to be loaded into the application.
/// </summary>
public interface ISigner
{
    /// <summary>The verification method id that verifiers resolve to the public key (goes into <c>verificationMethod</c> or <c>kid</c>).</summary>
    string KeyId { get; }

    /// <summary>The signature algorithm: <c>"Ed25519"</c> (Data Integrity and EdDSA JWTs), <c>"ES256"</c> or <c>"RS256"</c> (VC-JWT only).</summary>
    string Algorithm { get; }

    /// <summary>Signs <paramref name="data"/> and returns the raw signature (64 bytes for Ed25519).</summary>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);
}
