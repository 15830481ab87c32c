namespace OpenBadges.Keys;

/// <summary>
/// Resolves the <c>&lt;controller&gt;#&lt;publicKeyMultibase&gt;</c> form used by the 1EdTech validator and the
/// Open Badges 3.0 test vector (e.g. <c>https://example.edu/issuers/565049#z6Mk…</c>): the key is read from the
/// fragment and the controller is the URL before <c>#</c>. Nothing is fetched.
/// </summary>
/// <remarks>
/// Security: the id alone proves nothing about who controls the key; anyone can write
/// <c>https://your.example/#z6Mk&lt;their key&gt;</c>. Use this resolver only where the controller binding is
/// established some other way (test vectors, a pinned issuer list), and put a fetching resolver first otherwise.
/// DIDs are left to their methods' resolvers (<see cref="KeyResolution.Status"/> NotSupported).
/// </remarks>
public sealed class MultikeyFragmentResolver : IKeyResolver
{
    /// <inheritdoc />
    public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Resolve(verificationMethodId));
    }

    /// <summary>Resolves synchronously (no I/O is involved).</summary>
    public static KeyResolution Resolve(string verificationMethodId)
    {
        if (verificationMethodId is null)
        {
            return KeyResolution.NotSupported(string.Empty, "the verification method id is missing");
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return KeyResolution.NotSupported(verificationMethodId, "no fragment holding a Multikey");
        }

        var controller = verificationMethodId[..hash];
        var fragment = verificationMethodId[(hash + 1)..];
        var isEcdsa = fragment.StartsWith("zDn", StringComparison.Ordinal) || fragment.StartsWith("z82", StringComparison.Ordinal);
        if (!isEcdsa && !fragment.StartsWith(Multikey.Ed25519PublicKeyTextPrefix, StringComparison.Ordinal))
        {
            return KeyResolution.NotSupported(verificationMethodId, "the fragment is not an Ed25519 (z6Mk…), P-256 (zDn…) or P-384 (z82…) Multikey");
        }

        if (!Uri.TryCreate(controller, UriKind.Absolute, out var controllerUri)
            || (controllerUri.Scheme != Uri.UriSchemeHttps && controllerUri.Scheme != Uri.UriSchemeHttp)
            || controllerUri.Query.Length > 0)
        {
            return KeyResolution.NotSupported(verificationMethodId, "the part before '#' is not an http(s) URL without a query");
        }

        if (isEcdsa)
        {
            // Not Ed25519: handed back with its verification method, which the ECDSA cryptosuites read.
            if (!EcdsaPublicKey.TryParseMultibase(fragment, out var ecdsaKey, out var ecdsaError))
            {
                return KeyResolution.NotFound(verificationMethodId, "the fragment " + ecdsaError);
            }

            return KeyResolution.UnsupportedKeyType(verificationMethodId, VerificationMethodTypes.Multikey, controller,
                ecdsaKey.ToVerificationMethod(verificationMethodId, controller), $"the fragment is a {ecdsaKey.Curve} key, not Ed25519");
        }

        if (!Ed25519PublicKey.TryParseMultibase(fragment, out var key, out var error))
        {
            return KeyResolution.NotFound(verificationMethodId, "the fragment " + error);
        }

        var method = new Newtonsoft.Json.Linq.JObject
        {
            ["id"] = verificationMethodId,
            ["type"] = VerificationMethodTypes.Multikey,
            ["controller"] = controller,
            ["publicKeyMultibase"] = fragment,
        };
        return KeyResolution.Resolved(verificationMethodId, key, VerificationMethodTypes.Multikey, controller, method);
    }
}
