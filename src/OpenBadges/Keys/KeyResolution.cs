using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Keys;

/// <summary>
/// The answer to "which key is behind this verification method id?". Resolvers return one of these instead
/// of throwing on bad input, so a verifier can report <c>Failed</c> or <c>CouldNotCheck</c> with the reason.
/// </summary>
public sealed class KeyResolution
{
    private KeyResolution(
        KeyResolutionStatus status,
        string verificationMethodId,
        Ed25519PublicKey? publicKey,
        string? type,
        string? controller,
        JObject? verificationMethod,
        string? reason,
        IReadOnlyList<string>? proofPurposes = null)
    {
        ProofPurposes = proofPurposes;
        Status = status;
        VerificationMethodId = verificationMethodId;
        PublicKey = publicKey;
        Type = type;
        Controller = controller;
        VerificationMethod = verificationMethod;
        Reason = reason;
    }

    /// <summary>What happened.</summary>
    public KeyResolutionStatus Status { get; }

    /// <summary>True when <see cref="PublicKey"/>, <see cref="Type"/>, <see cref="Controller"/> and <see cref="VerificationMethod"/> are set.</summary>
    [MemberNotNullWhen(true, nameof(PublicKey), nameof(Type), nameof(Controller), nameof(VerificationMethod))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsResolved => Status == KeyResolutionStatus.Resolved;

    /// <summary>The id that was asked for.</summary>
    public string VerificationMethodId { get; }

    /// <summary>The Ed25519 public key, when resolved.</summary>
    public Ed25519PublicKey? PublicKey { get; }

    /// <summary>The verification method's <c>type</c> (e.g. <c>Multikey</c>, <c>Ed25519VerificationKey2020</c>).</summary>
    public string? Type { get; }

    /// <summary>The verification method's <c>controller</c>; a verifier checks that it equals the issuer id.</summary>
    public string? Controller { get; }

    /// <summary>The verification method as JSON (a copy; also set for <see cref="KeyResolutionStatus.UnsupportedKeyType"/>).</summary>
    public JObject? VerificationMethod { get; }

    /// <summary>
    /// The verification relationships (<c>assertionMethod</c>, <c>authentication</c>, …) under which the controller
    /// document lists this method; null when there is no document to say (the <c>controller#z6Mk…</c> form).
    /// A verifier checks the proof's <c>proofPurpose</c> against this.
    /// </summary>
    public IReadOnlyList<string>? ProofPurposes { get; }

    /// <summary>Why the method was not resolved, in plain words; null when resolved.</summary>
    public string? Reason { get; }

    /// <summary>A resolved Ed25519 verification method.</summary>
    public static KeyResolution Resolved(
        string verificationMethodId,
        Ed25519PublicKey publicKey,
        string type,
        string controller,
        JObject verificationMethod,
        IReadOnlyList<string>? proofPurposes = null)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(verificationMethod);
        return new(KeyResolutionStatus.Resolved, verificationMethodId, publicKey, type, controller, (JObject)verificationMethod.DeepClone(), null, proofPurposes?.ToArray());
    }

    /// <summary>This resolver does not handle such ids.</summary>
    public static KeyResolution NotSupported(string verificationMethodId, string reason) =>
        new(KeyResolutionStatus.NotSupported, verificationMethodId ?? string.Empty, null, null, null, null, reason);

    /// <summary>No acceptable method with that id.</summary>
    public static KeyResolution NotFound(string verificationMethodId, string reason) =>
        new(KeyResolutionStatus.NotFound, verificationMethodId ?? string.Empty, null, null, null, null, reason);

    /// <summary>The method holds a key that is not Ed25519.</summary>
    public static KeyResolution UnsupportedKeyType(string verificationMethodId, string? type, string? controller, JObject verificationMethod, string reason) =>
        new(KeyResolutionStatus.UnsupportedKeyType, verificationMethodId ?? string.Empty, null, type, controller, (JObject)verificationMethod.DeepClone(), reason);

    /// <summary>Could not find out (network, size limit, malformed document).</summary>
    public static KeyResolution Failed(string verificationMethodId, string reason) =>
        new(KeyResolutionStatus.Failed, verificationMethodId ?? string.Empty, null, null, null, null, reason);

    /// <inheritdoc />
    public override string ToString() => IsResolved
        ? $"{Status}: {VerificationMethodId} ({Type}, controller {Controller}, key {PublicKey})"
        : $"{Status}: {VerificationMethodId}: {Reason}";
}
