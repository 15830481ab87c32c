using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Keys;

/// <summary>
/// Reading verification methods out of controller documents (DID documents, W3C Controlled Identifier
/// documents): shared by the did:key, did:web and HTTPS resolvers so they apply the same rules.
/// </summary>
internal static class ControllerDocuments
{
    /// <summary>The verification relationships of DID Core §5.3 / Controlled Identifiers §2.3.</summary>
    private static readonly string[] Relationships =
        ["authentication", "assertionMethod", "keyAgreement", "capabilityInvocation", "capabilityDelegation"];

    /// <summary>Parses a fetched document, mapping every JSON failure to a <see cref="KeyResolution"/>.</summary>
    public static KeyResolution? TryParse(string json, string verificationMethodId, string source, out JObject? document)
    {
        document = null;
        try
        {
            document = JsonInput.ParseObject(json);
            return null;
        }
        catch (JsonInputException e)
        {
            return KeyResolution.Failed(verificationMethodId, $"the controller document from {source} is not acceptable JSON: {e.Message}");
        }
    }

    /// <summary>
    /// Finds <paramref name="verificationMethodId"/> in <paramref name="document"/>, whose <c>id</c> must be
    /// <paramref name="documentId"/> (otherwise whoever serves the document could speak for another controller).
    /// Methods may be listed under <c>verificationMethod</c> or embedded in a relationship; ids may be relative
    /// (<c>#key-1</c>) to the document id.
    /// </summary>
    public static KeyResolution FindVerificationMethod(JObject document, string documentId, string verificationMethodId)
    {
        var actualId = document["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;
        if (!string.Equals(actualId, documentId, StringComparison.Ordinal))
        {
            return KeyResolution.NotFound(
                verificationMethodId,
                $"the controller document's id is {(actualId is null ? "missing" : $"'{actualId}'")}; it must be '{documentId}'");
        }

        JObject? found = null;
        foreach (var candidate in MethodObjects(document))
        {
            if (string.Equals(Absolute(candidate["id"], documentId), verificationMethodId, StringComparison.Ordinal))
            {
                if (found is not null && !JToken.DeepEquals(found, candidate))
                {
                    return KeyResolution.NotFound(verificationMethodId, "the controller document defines this verification method id twice, differently");
                }

                found = candidate;
            }
        }

        if (found is null)
        {
            return KeyResolution.NotFound(verificationMethodId, $"the controller document '{documentId}' has no verification method with this id");
        }

        var purposes = new List<string>();
        foreach (var relationship in Relationships)
        {
            if (document[relationship] is JArray entries
                && entries.Any(entry => string.Equals(
                    entry is JObject embedded ? Absolute(embedded["id"], documentId) : Absolute(entry, documentId),
                    verificationMethodId,
                    StringComparison.Ordinal)))
            {
                purposes.Add(relationship);
            }
        }

        return ReadVerificationMethod(found, verificationMethodId, documentId, purposes);
    }

    /// <summary>
    /// Reads the Ed25519 key of one verification method. Its <c>controller</c> must be
    /// <paramref name="expectedController"/>: a method claiming another controller would need that controller's
    /// document to confirm it, which is not followed here.
    /// </summary>
    public static KeyResolution ReadVerificationMethod(
        JObject method,
        string verificationMethodId,
        string expectedController,
        IReadOnlyList<string>? proofPurposes)
    {
        var type = method["type"] is JValue { Type: JTokenType.String } t ? (string?)t : null;
        var controller = method["controller"] is JValue { Type: JTokenType.String } c ? (string?)c : null;
        if (type is null)
        {
            return KeyResolution.NotFound(verificationMethodId, "the verification method has no 'type' string");
        }

        if (controller is null)
        {
            return KeyResolution.NotFound(verificationMethodId, "the verification method has no 'controller' string");
        }

        if (!string.Equals(controller, expectedController, StringComparison.Ordinal))
        {
            return KeyResolution.NotFound(
                verificationMethodId,
                $"the verification method's controller '{controller}' is not the document it was found in ('{expectedController}')");
        }

        Ed25519PublicKey? key;
        string? error;
        switch (type)
        {
            case VerificationMethodTypes.Multikey:
            case VerificationMethodTypes.Ed25519VerificationKey2020:
                var multibase = method["publicKeyMultibase"] is JValue { Type: JTokenType.String } m ? (string?)m : null;
                if (type == VerificationMethodTypes.Multikey && multibase is not null && IsOtherMulticodec(multibase))
                {
                    return KeyResolution.UnsupportedKeyType(verificationMethodId, type, controller, method,
                        "the Multikey is not an Ed25519 key (its multicodec header is not ed25519-pub 0xed 0x01)");
                }

                if (!Ed25519PublicKey.TryParseMultibase(multibase, out key, out error))
                {
                    return KeyResolution.NotFound(verificationMethodId, "publicKeyMultibase: " + error);
                }

                break;

            case VerificationMethodTypes.Ed25519VerificationKey2018:
                var base58 = method["publicKeyBase58"] is JValue { Type: JTokenType.String } b ? (string?)b : null;
                Span<byte> raw = stackalloc byte[Ed25519PublicKey.Size + 1];
                if (base58 is null
                    || !Multibase.TryDecodeBase58Btc(base58, raw, out var written, out error)
                    || !Ed25519PublicKey.TryFromBytes(raw[..written], out key, out error))
                {
                    return KeyResolution.NotFound(verificationMethodId, "publicKeyBase58 is missing or not a 32-byte base58btc Ed25519 key");
                }

                break;

            case VerificationMethodTypes.JsonWebKey:
            case VerificationMethodTypes.JsonWebKey2020:
                if (method["publicKeyJwk"] is not JObject jwk)
                {
                    return KeyResolution.NotFound(verificationMethodId, "publicKeyJwk is missing or not an object");
                }

                if (!string.Equals((string?)jwk["kty"], Jwk.OctetKeyPair, StringComparison.Ordinal)
                    || !string.Equals((string?)jwk["crv"], Jwk.Ed25519Curve, StringComparison.Ordinal))
                {
                    return KeyResolution.UnsupportedKeyType(verificationMethodId, type, controller, method,
                        "publicKeyJwk is not an Ed25519 key (kty OKP, crv Ed25519)");
                }

                if (!Jwk.TryParsePublicKey(jwk, out key, out error))
                {
                    return KeyResolution.NotFound(verificationMethodId, "publicKeyJwk: " + error);
                }

                break;

            default:
                return KeyResolution.UnsupportedKeyType(verificationMethodId, type, controller, method,
                    $"verification method type '{type}' is not an Ed25519 type this package reads");
        }

        return KeyResolution.Resolved(verificationMethodId, key, type, controller, method, proofPurposes);
    }

    // A Multikey of another algorithm (P-256 "zDn…", secp256k1 "zQ3s…") is a different key type, not a broken key.
    private static bool IsOtherMulticodec(string multibase) =>
        Multibase.TryDecode(multibase, out var bytes, out _)
        && bytes.Length >= 2
        && !bytes.AsSpan(0, 2).SequenceEqual(Multikey.Ed25519PublicHeader)
        && !bytes.AsSpan(0, 2).SequenceEqual(Multikey.Ed25519SecretHeader);

    private static IEnumerable<JObject> MethodObjects(JObject document)
    {
        if (document["verificationMethod"] is JArray methods)
        {
            foreach (var method in methods.OfType<JObject>())
            {
                yield return method;
            }
        }

        foreach (var relationship in Relationships)
        {
            if (document[relationship] is JArray entries)
            {
                foreach (var embedded in entries.OfType<JObject>())
                {
                    yield return embedded;
                }
            }
        }
    }

    private static string? Absolute(JToken? id, string documentId)
    {
        var text = id is JValue { Type: JTokenType.String } value ? (string?)value : null;
        return text is not null && text.StartsWith('#') ? documentId + text : text;
    }
}
