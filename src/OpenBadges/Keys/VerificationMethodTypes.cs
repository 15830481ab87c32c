namespace OpenBadges.Keys;

/// <summary>The verification method <c>type</c> values this package reads.</summary>
public static class VerificationMethodTypes
{
    /// <summary>W3C Controlled Identifiers Multikey: <c>publicKeyMultibase</c> = z6Mk….</summary>
    public const string Multikey = "Multikey";

    /// <summary>Ed25519 Signature 2020: <c>publicKeyMultibase</c> = z6Mk… (multicodec form).</summary>
    public const string Ed25519VerificationKey2020 = "Ed25519VerificationKey2020";

    /// <summary>Ed25519 Signature 2018 (legacy): <c>publicKeyBase58</c> = raw 32 bytes in base58btc, no prefix.</summary>
    public const string Ed25519VerificationKey2018 = "Ed25519VerificationKey2018";

    /// <summary>W3C Controlled Identifiers JsonWebKey: <c>publicKeyJwk</c>.</summary>
    public const string JsonWebKey = "JsonWebKey";

    /// <summary>The older name of <see cref="JsonWebKey"/>.</summary>
    public const string JsonWebKey2020 = "JsonWebKey2020";
}
