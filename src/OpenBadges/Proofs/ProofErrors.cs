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
}
