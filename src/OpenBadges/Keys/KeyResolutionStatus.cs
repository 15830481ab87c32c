namespace OpenBadges.Keys;

/// <summary>Outcome of resolving a verification method id.</summary>
public enum KeyResolutionStatus
{
    /// <summary>The verification method was found and holds an Ed25519 public key.</summary>
    Resolved,

    /// <summary>This resolver does not handle ids of this kind; a composite resolver asks the next one.</summary>
    NotSupported,

    /// <summary>The id is of a handled kind, but the method does not exist or is not acceptable (wrong controller, bad key).</summary>
    NotFound,

    /// <summary>The method exists but holds a key type other than Ed25519; <see cref="KeyResolution.VerificationMethod"/> carries it.</summary>
    UnsupportedKeyType,

    /// <summary>The answer could not be obtained (network failure, response too large, malformed document).</summary>
    Failed,
}
