using Newtonsoft.Json.Linq;
using OpenBadges.Keys;

namespace OpenBadges.Issuer.Hosting;

/// <summary>The DID document a did:web issuer publishes for its signing key (W3C DID 1.0, a Multikey verification method).</summary>
public static class DidDocuments
{
    /// <summary>
    /// The document for <paramref name="key"/>: its controller is the DID, its verification method the key's Multikey,
    /// referenced for assertionMethod (signing credentials) and authentication.
    /// </summary>
    /// <exception cref="ArgumentException">The key's controller is not a did:web DID.</exception>
    public static JObject ForKey(Ed25519KeyFile key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!DidWeb.TryGetDocumentUrl(key.Controller, out _, out var error, allowHttpForLoopback: true))
        {
            throw IssuerErrors.ControllerNotDidWeb(key.Controller, error, nameof(key));
        }

        return new JObject
        {
            ["@context"] = new JArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = key.Controller,
            ["verificationMethod"] = new JArray(key.ToVerificationMethod()),
            ["assertionMethod"] = new JArray(key.Id),
            ["authentication"] = new JArray(key.Id),
        };
    }

    /// <summary>The URL path the document is served at (<c>/.well-known/did.json</c>, or <c>/path/did.json</c> for a DID with a path).</summary>
    public static string PathOf(string did) => DidWeb.GetDocumentUrl(did).AbsolutePath;
}
