using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// The did:key method for Ed25519 (W3C CCG did:key spec): the DID is <c>did:key:</c> + the key's Multikey,
/// and the DID document is derived from it offline, with one verification method whose fragment is the
/// Multikey again, referenced from authentication, assertionMethod, capabilityInvocation and capabilityDelegation.
/// </summary>
public static class DidKey
{
    /// <summary>Every did:key DID starts with this.</summary>
    public const string Prefix = "did:key:";

    /// <summary>Context of DID documents (DID Core 1.0).</summary>
    public const string DidContext = "https://www.w3.org/ns/did/v1";

    /// <summary>Context defining <c>Multikey</c>.</summary>
    public const string MultikeyContext = "https://w3id.org/security/multikey/v1";

    /// <summary>Context defining <c>Ed25519VerificationKey2020</c>.</summary>
    public const string Ed25519VerificationKey2020Context = "https://w3id.org/security/suites/ed25519-2020/v1";

    /// <summary>Reads the public key out of a did:key DID (a fragment, if present, must repeat the key).</summary>
    public static bool TryParse(
        string? did,
        [NotNullWhen(true)] out Ed25519PublicKey? publicKey,
        [NotNullWhen(false)] out string? error)
    {
        publicKey = null;
        if (did is null || !did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"a did:key DID starts with '{Prefix}'";
            return false;
        }

        var methodSpecificId = did[Prefix.Length..];
        string? fragment = null;
        var hash = methodSpecificId.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = methodSpecificId[(hash + 1)..];
            methodSpecificId = methodSpecificId[..hash];
        }

        // The spec's optional version form did:key:1:… is not in use for Ed25519; anything but the bare
        // Multikey is rejected rather than guessed at.
        if (!Ed25519PublicKey.TryParseMultibase(methodSpecificId, out publicKey, out error))
        {
            error = "the did:key method-specific id " + error;
            return false;
        }

        if (fragment is not null && !string.Equals(fragment, methodSpecificId, StringComparison.Ordinal))
        {
            publicKey = null;
            error = "a did:key verification method fragment must repeat the method-specific id";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Reads the public key out of a did:key DID or DID URL.</summary>
    /// <exception cref="FormatException">Not an Ed25519 did:key; the message says why.</exception>
    public static Ed25519PublicKey Parse(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        return TryParse(did, out var key, out var error) ? key : throw KeyErrors.NotEd25519DidKey(error);
    }

    /// <summary>The DID document of an Ed25519 did:key, in the requested form.</summary>
    /// <exception cref="FormatException"><paramref name="did"/> is not an Ed25519 did:key.</exception>
    public static JObject ResolveDocument(string did, DidKeyDocumentForm form = DidKeyDocumentForm.Multikey) =>
        CreateDocument(Parse(did), form);

    /// <summary>The DID document of an Ed25519 did:key; false (with the reason) when the DID is not one.</summary>
    public static bool TryResolveDocument(
        string? did,
        DidKeyDocumentForm form,
        [NotNullWhen(true)] out JObject? document,
        [NotNullWhen(false)] out string? error)
    {
        document = null;
        if (!TryParse(did, out var key, out error))
        {
            return false;
        }

        document = CreateDocument(key, form);
        return true;
    }

    /// <summary>The DID document of <paramref name="publicKey"/>'s did:key.</summary>
    public static JObject CreateDocument(Ed25519PublicKey publicKey, DidKeyDocumentForm form = DidKeyDocumentForm.Multikey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        var did = publicKey.ToDidKey();
        var methodId = publicKey.ToDidKeyVerificationMethodId();
        return new JObject
        {
            ["@context"] = new JArray(DidContext, form == DidKeyDocumentForm.Multikey ? MultikeyContext : Ed25519VerificationKey2020Context),
            ["id"] = did,
            ["verificationMethod"] = new JArray(CreateVerificationMethod(publicKey, form)),
            ["authentication"] = new JArray(methodId),
            ["assertionMethod"] = new JArray(methodId),
            ["capabilityDelegation"] = new JArray(methodId),
            ["capabilityInvocation"] = new JArray(methodId),
        };
    }

    /// <summary>The single verification method of a did:key document.</summary>
    public static JObject CreateVerificationMethod(Ed25519PublicKey publicKey, DidKeyDocumentForm form = DidKeyDocumentForm.Multikey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return new JObject
        {
            ["id"] = publicKey.ToDidKeyVerificationMethodId(),
            ["type"] = form == DidKeyDocumentForm.Multikey ? VerificationMethodTypes.Multikey : VerificationMethodTypes.Ed25519VerificationKey2020,
            ["controller"] = publicKey.ToDidKey(),
            ["publicKeyMultibase"] = publicKey.ToMultibase(),
        };
    }
}
