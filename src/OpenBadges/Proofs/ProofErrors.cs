using System.Formats.Cbor;
using OpenBadges.Proofs.Jose;
using OpenBadges.Rdf;

namespace OpenBadges.Proofs;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw ProofErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class ProofErrors
{
    internal static NotSupportedException WriteOnlyPayloadStream(string operation) =>
        new($"The VC-JWT payload stream is write-only: {operation} is not supported.");

    internal static ArgumentException PreviousProofNotFound(string id, string proofPath, string paramName) =>
        new($"previousProof '{id}' names no proof in the document ({proofPath}).", paramName);

    internal static ArgumentException DefaultJsonElement(string paramName) =>
        new("The JsonElement holds no value (default(JsonElement)).", paramName);

    internal static KeyNotFoundException NoLabelFor(string blankNode) =>
        new($"the label map has no entry for the blank node '{blankNode}'");

    internal static ArgumentException NotAMemberPointer(string pointer, string paramName) =>
        new($"'{pointer}' is not a JSON Pointer to a member (RFC 6901: it starts with '/').", paramName);

    internal static ArgumentException GroupSelectsUnstatedStatements(string name, string pointers, string paramName) =>
        new($"The pointers of '{name}' ({pointers}) select statements the document does not make (a pointer into a JSON-LD list selects part of it); select whole values.", paramName);

    internal static ArgumentException NodeCannotBeSelected(string statement) =>
        new("The document cannot be secured with ecdsa-sd-2023: it has a node that cannot be given an id for selection " + $"(a graph such as an embedded credential's proof; statement {statement}). Use ecdsa-rdfc-2019 for it.", "document");

    internal static ArgumentException SkolemizationChangesStatements(string paramName) =>
        new("The document cannot be secured with ecdsa-sd-2023: giving its objects ids (skolemization) changes its statements " + "(an object that is not a node, e.g. a language map or a JSON literal). Use ecdsa-rdfc-2019 for it.", paramName);

    internal static ArgumentException PointerDoesNotMatch(string pointer, string path, string paramName) =>
        new($"JSON Pointer '{pointer}' does not match the document (at '{path}').", paramName);

    internal static ArgumentException PointerThroughScalar(string pointer, string path, string paramName) =>
        new($"JSON Pointer '{pointer}' goes through a value that is neither an object nor an array (at '{path}').", paramName);

    internal static CborContentException CborIndefiniteArray() =>
        new("indefinite array");

    internal static CborContentException CborTooManyMandatoryPointers() =>
        new("too many mandatory pointers");

    internal static CborContentException CborTrailingBytes() =>
        new("bytes after the proof value");

    internal static CborContentException CborIndefiniteMap() =>
        new("indefinite map");

    internal static CborContentException CborTooManyLabels() =>
        new("too many label map entries");

    internal static CborContentException CborBadLabelKey() =>
        new("a label map key is negative or repeated");

    internal static CborContentException CborTooManyMandatoryIndexes() =>
        new("too many mandatory indexes");

    internal static CborContentException CborTooManySignatures() =>
        new("too many signatures");

    internal static ArgumentException SelectionNotReadable() =>
        new("The selected pointers do not make a presentation a verifier reads as the signed statements (e.g. a pointer into a JSON-LD list selects part of the list); select whole values.");

    internal static ArgumentException ListNotMatched(RdfTerm subject, string predicate, int count) =>
        new($"A list in the selection cannot be matched to the document's ({subject} <{predicate}> has {count} list values); select whole values of properties with one list.", "pointers");

    internal static ArgumentException BlankNodeUnreachable(RdfTerm term) =>
        new($"A blank node of the selection ({term}) is not reachable from a named node; it cannot be matched to the document's.", "pointers");

    internal static ArgumentNullException NullPrivateKey(string paramName) =>
        new(paramName);

    internal static NotSupportedException OnlyEdDsa() =>
        new($"Ed25519CryptoProvider supports only {JoseAlgorithms.EdDSA} with an Ed25519SecurityKey.");

    internal static InvalidOperationException FetcherReturnedNothing() =>
        new("the fetcher returned no text");

    internal static ArgumentException SuiteVerifiesOnly(string paramName, object? suite, object? cryptosuitesEddsaRdfc2022) =>
        new($"The cryptosuite '{suite}' is accepted for verification only; issue with '{cryptosuitesEddsaRdfc2022}'.", paramName);

    internal static ArgumentException SelectiveSuiteNeedsBaseProof(string paramName, object? suite) =>
        new($"An '{suite}' base proof names its mandatory statements: make it with EcdsaSd2023.SignBaseAsync.", paramName);

    internal static ArgumentException SignerNotEd25519(string paramName, object? suite, object? signerAlgorithm) =>
        new($"The cryptosuite '{suite}' signs with Ed25519, but the signer's algorithm is '{signerAlgorithm}'.", paramName);

    internal static ArgumentException SignerNotEcdsa(string paramName, object? suite, object? signerAlgorithm) =>
        new($"The cryptosuite '{suite}' signs with ECDSA P-256 (ES256) or P-384 (ES384), but the signer's algorithm is '{signerAlgorithm}'.", paramName);

    internal static ArgumentException SdSignerNotP256(string paramName, object? signerAlgorithm) =>
        new($"ecdsa-sd-2023 signs with a P-256 key (ES256); the signer's algorithm is '{signerAlgorithm}'.", paramName);

    internal static ArgumentException SdDocumentAlreadySigned(string paramName) =>
        new("The document already has a proof; an ecdsa-sd-2023 base proof is made over an unsigned credential.", paramName);

    internal static ArgumentException SdNoSingleBaseProof(string paramName) =>
        new("The credential has no single ecdsa-sd-2023 proof to derive from.", paramName);

    internal static ArgumentException SdSignatureCountMismatch(string paramName, object? baseValueSignaturesCount, object? nonMandatoryIndexesCount) =>
        new($"The base proof has {baseValueSignaturesCount} statement signatures, but the credential has {nonMandatoryIndexesCount} non-mandatory statements: it was changed after issuance.", paramName);

    internal static ArgumentException SdNothingToDisclose(string paramName) =>
        new("Nothing to disclose: the base proof has no mandatory pointers and no selective pointers were given.", paramName);

    internal static ArgumentException SdNeedsVc2NotVc11(string paramName) =>
        new("ecdsa-sd-2023 secures VC 2.0 credentials (@context https://www.w3.org/ns/credentials/v2, validFrom); this is a VC 1.1 credential. Sign it with eddsa-rdfc-2022 or ecdsa-rdfc-2019.", paramName);

    internal static ArgumentException SdFirstContextNotVc2(string paramName, object? embeddedContextsCredentialsV2) =>
        new($"ecdsa-sd-2023 secures VC 2.0 credentials: the first @context must be {embeddedContextsCredentialsV2}.", paramName);

    internal static InvalidOperationException SecurityKeyIsPublicOnly() =>
        new("This Ed25519SecurityKey holds only a public key; it cannot sign.");

    internal static ArgumentException NoJwsAlgorithm(string paramName, object? signerAlgorithm) =>
        new($"Signer algorithm {signerAlgorithm} has no JWS algorithm here; use Ed25519 (EdDSA), RS256 or ES256.", paramName);

    internal static ArgumentException KeyIdNotAbsoluteUri(string paramName, object? signerKeyId) =>
        new($"The signer's key id {signerKeyId} must be an absolute URI (a DID URL or HTTPS URL) to be a JWT 'kid'.", paramName);

    internal static ArgumentException HeaderJwkNotAcceptable(string paramName, object? error) =>
        new($"The header JWK is not acceptable: {error}.", paramName);

    internal static ArgumentException HeaderJwkAlgorithmMismatch(string paramName, object? keyKeyType, object? keyAlgorithm, object? algorithm) =>
        new($"The header JWK is an {keyKeyType} key (for {keyAlgorithm}), but the signer signs {algorithm}.", paramName);

    internal static ArgumentException CredentialHasJwtClaim(string paramName, object? name) =>
        new($"The credential already has a member '{name}', a JWT registered claim name; pass the credential without JWT claims.", paramName);

    internal static ArgumentException CredentialHasNoIssuerId(string paramName) =>
        new("The credential has no issuer id ('issuer' as a string or 'issuer.id'); it becomes the 'iss' claim.", paramName);

    internal static ArgumentException CredentialHasNoValidFrom(string paramName) =>
        new("The credential has no 'validFrom' date-time with a time zone; it becomes the 'nbf' claim (OB 3.0 requires validFrom).", paramName);

    internal static ArgumentException ValidUntilNotDateTime(string paramName) =>
        new("The credential's 'validUntil' is not a date-time with a time zone; it becomes the 'exp' claim.", paramName);

    internal static InvalidOperationException SignerReturnedWrongEd25519Length(object? signatureLength, object? ed25519PublicKeySignatureSize) =>
        new($"The signer returned {signatureLength} bytes; an Ed25519 signature is {ed25519PublicKeySignatureSize}.");

    internal static InvalidOperationException SignerReturnedNoEcdsaSignature() =>
        new("The signer returned neither a 64-byte R‖S nor a DER ECDSA P-256 signature.");

    internal static InvalidOperationException SignerReturnedEmptySignature() =>
        new("The signer returned an empty signature.");

    internal static ArgumentOutOfRangeException ClockSkewNegative(string paramName, object? actual) =>
        new(paramName, actual, "ClockSkew must not be negative.");

    internal static ArgumentException JwtLimitsNotPositive(string paramName) =>
        new("MaxTokenLength, MaxKeyDocumentLength and MaxJsonDepth must be positive.", paramName);

    internal static ArgumentException SdNotBaseProof(string paramName, bool hasProofValue) =>
        new("The proof is not an ecdsa-sd-2023 base proof: " + (hasProofValue ? "the proofValue is not a base proof value" : "no proofValue") + ".", paramName);

    internal static ArgumentException NotPublicP256Jwk(string paramName, string? error) =>
        new($"Not a public P-256 JWK: {error ?? "the key is not an EC key"}.", paramName);
}
