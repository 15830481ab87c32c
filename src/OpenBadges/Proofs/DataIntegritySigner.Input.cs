using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;

namespace OpenBadges.Proofs;

/// <summary>
/// JSON text, UTF-8 bytes and System.Text.Json documents: read by <see cref="JsonInput"/> (the same rules as every
/// input), signed as a tree, and handed back in the form they came in.
/// </summary>
public static partial class DataIntegritySigner
{
    /// <summary>Signs a document given as JSON text and returns the signed copy as indented JSON text.</summary>
    /// <exception cref="JsonInputException">The text is not acceptable JSON, or holds a number a proof cannot pin down.</exception>
    /// <exception cref="JsonLdException">The document cannot be canonicalized.</exception>
    public static async Task<string> SignAsync(string document, ISigner signer, Cryptosuite suite, ProofOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var signed = await SignAsync(JsonInput.ParseObject(document), signer, suite, options, cancellationToken).ConfigureAwait(false);
        return signed.ToString(Formatting.Indented);
    }

    /// <summary>Signs a document given as UTF-8 JSON and returns the signed copy as compact UTF-8 JSON.</summary>
    /// <exception cref="JsonInputException">The bytes are not acceptable JSON, or hold a number a proof cannot pin down.</exception>
    /// <exception cref="JsonLdException">The document cannot be canonicalized.</exception>
    public static async Task<byte[]> SignAsync(ReadOnlyMemory<byte> document, ISigner signer, Cryptosuite suite, ProofOptions? options = null, CancellationToken cancellationToken = default)
    {
        var signed = await SignAsync(JsonInput.ParseObject(document.Span), signer, suite, options, cancellationToken).ConfigureAwait(false);
        return JsonOutput.ToUtf8Bytes(signed);
    }

    /// <summary>Signs a System.Text.Json node (not modified) and returns the signed copy as a new node.</summary>
    /// <exception cref="JsonInputException">The node is not acceptable JSON, or holds a number a proof cannot pin down.</exception>
    /// <exception cref="JsonLdException">The document cannot be canonicalized.</exception>
    public static async Task<JsonObject> SignAsync(JsonNode document, ISigner signer, Cryptosuite suite, ProofOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var signed = await SignAsync(JsonInput.ReadObject(document), signer, suite, options, cancellationToken).ConfigureAwait(false);
        return JsonOutput.ToJsonNode(signed)!.AsObject();
    }

    /// <summary>Signs a System.Text.Json element (read from the bytes it was parsed from) and returns the signed copy.</summary>
    /// <exception cref="JsonInputException">The element is not acceptable JSON, or holds a number a proof cannot pin down.</exception>
    /// <exception cref="JsonLdException">The document cannot be canonicalized.</exception>
    public static async Task<JsonElement> SignAsync(JsonElement document, ISigner signer, Cryptosuite suite, ProofOptions? options = null, CancellationToken cancellationToken = default)
    {
        var signed = await SignAsync(JsonInput.ReadObject(document), signer, suite, options, cancellationToken).ConfigureAwait(false);
        return JsonOutput.ToJsonElement(signed);
    }
}
