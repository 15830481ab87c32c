namespace OpenBadges.Keys;

/// <summary>
/// Resolves did:key verification methods (<c>did:key:z6Mk…#z6Mk…</c>, or the bare DID, which names its one key) offline: the DID document is derived
/// from the DID itself. Thread-safe and stateless.
/// </summary>
public sealed class DidKeyResolver : IKeyResolver
{
    /// <summary>Creates a resolver producing documents in <paramref name="form"/>.</summary>
    public DidKeyResolver(DidKeyDocumentForm form = DidKeyDocumentForm.Multikey)
    {
        Form = form;
    }

    /// <summary>The form of the derived documents (decides the reported verification method type).</summary>
    public DidKeyDocumentForm Form { get; }

    /// <inheritdoc />
    public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Resolve(verificationMethodId));
    }

    /// <summary>Resolves synchronously (no I/O is involved).</summary>
    public KeyResolution Resolve(string verificationMethodId)
    {
        if (verificationMethodId is null || !verificationMethodId.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            return KeyResolution.NotSupported(verificationMethodId ?? string.Empty, "not a did:key URL");
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var did = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
        if (EcdsaPublicKey.TryParseMultibase(did[DidKey.Prefix.Length..], out var ecdsaKey, out _))
        {
            return ResolveEcdsa(verificationMethodId, did, ecdsaKey);
        }

        if (!DidKey.TryParse(did, out var key, out var error))
        {
            return KeyResolution.NotFound(verificationMethodId, error);
        }

        if (hash < 0)
        {
            // The bare DID (did:key:z6Mk…, as DCC-era issuers write it): a did:key document has exactly one verification
            // method, the key the DID encodes, so the DID names it without ambiguity.
            if (!string.Equals(key.ToDidKey(), did, StringComparison.Ordinal))
            {
                return KeyResolution.NotFound(verificationMethodId, $"the controller document's id is '{key.ToDidKey()}'; it must be '{did}'");
            }

            var single = DidKey.CreateVerificationMethod(key, Form);
            return KeyResolution.Resolved(verificationMethodId, key, (string)single["type"]!, did, single, DocumentPurposes);
        }

        // The derived document (DidKey.CreateDocument) has one verification method, listed under four relationships:
        // answer from the key itself, as ControllerDocuments.FindVerificationMethod would answer from that document,
        // instead of building it and searching it on every verification (most of a did:key resolution's cost).
        var documentId = key.ToDidKey();
        if (!string.Equals(documentId, did, StringComparison.Ordinal))
        {
            return KeyResolution.NotFound(verificationMethodId, $"the controller document's id is '{documentId}'; it must be '{did}'");
        }

        if (!string.Equals(key.ToDidKeyVerificationMethodId(), verificationMethodId, StringComparison.Ordinal))
        {
            return KeyResolution.NotFound(verificationMethodId, $"the controller document '{did}' has no verification method with this id");
        }

        var method = DidKey.CreateVerificationMethod(key, Form);
        return KeyResolution.Resolved(verificationMethodId, key, (string)method["type"]!, did, method, DocumentPurposes);
    }

    /// <summary>
    /// A P-256/P-384 did:key (<c>did:key:zDn…#zDn…</c>, <c>did:key:z82…#z82…</c>): not an Ed25519 key, so reported as
    /// <see cref="KeyResolutionStatus.UnsupportedKeyType"/> carrying the derived Multikey verification method, which the
    /// ECDSA cryptosuites read (as the JOSE verifier reads EC JsonWebKey methods).
    /// </summary>
    private static KeyResolution ResolveEcdsa(string verificationMethodId, string did, EcdsaPublicKey key)
    {
        // The bare DID names the document's one method, as for Ed25519 keys above.
        var named = string.Equals(verificationMethodId, did, StringComparison.Ordinal)
            ? key.ToDidKeyVerificationMethodId().StartsWith(did + "#", StringComparison.Ordinal)
            : string.Equals(key.ToDidKeyVerificationMethodId(), verificationMethodId, StringComparison.Ordinal);
        if (!named)
        {
            return KeyResolution.NotFound(verificationMethodId, $"the controller document '{did}' has no verification method with this id");
        }

        var method = key.ToVerificationMethod(verificationMethodId, did);
        return KeyResolution.UnsupportedKeyType(verificationMethodId, VerificationMethodTypes.Multikey, did, method,
            $"the did:key holds a {key.Curve} key, not Ed25519 (read by the ECDSA cryptosuites)");
    }

    // The relationships DidKey.CreateDocument lists its method under, in the order FindVerificationMethod reports them.
    private static readonly IReadOnlyList<string> DocumentPurposes =
        Array.AsReadOnly(["authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation"]);
}
