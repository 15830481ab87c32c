using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;

namespace OpenBadges.Proofs;

/// <summary>JSON text, UTF-8 bytes and System.Text.Json input: read by <see cref="JsonInput"/>, then verified as a tree.</summary>
public static partial class DataIntegrityVerifier
{
    private const string DocumentRule = "the document is one JSON object (no duplicate keys) within the size and depth limits";

    /// <summary>Verifies every proof on a document given as JSON text. Never throws on bad input.</summary>
    public static Task<DataIntegrityVerification> VerifyAsync(string document, ProofVerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return VerifyReadAsync(() => JsonInput.ParseObject(document), options, cancellationToken);
    }

    /// <summary>Verifies every proof on a document given as UTF-8 JSON. Never throws on bad input.</summary>
    public static Task<DataIntegrityVerification> VerifyAsync(ReadOnlyMemory<byte> document, ProofVerificationOptions? options = null, CancellationToken cancellationToken = default) =>
        VerifyReadAsync(() => JsonInput.ParseObject(document.Span), options, cancellationToken);

    /// <summary>Verifies every proof on a System.Text.Json element, read from the bytes it was parsed from.</summary>
    /// <exception cref="ArgumentException"><paramref name="document"/> is <c>default(JsonElement)</c>.</exception>
    public static Task<DataIntegrityVerification> VerifyAsync(JsonElement document, ProofVerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (document.ValueKind == JsonValueKind.Undefined)
        {
            throw ProofErrors.DefaultJsonElement(nameof(document));
        }

        return VerifyReadAsync(() => JsonInput.ReadObject(document), options, cancellationToken);
    }

    /// <summary>Verifies every proof on a System.Text.Json node (the JSON it writes). Never throws on bad input.</summary>
    public static Task<DataIntegrityVerification> VerifyAsync(JsonNode document, ProofVerificationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return VerifyReadAsync(() => JsonInput.ReadObject(document), options, cancellationToken);
    }

    private static Task<DataIntegrityVerification> VerifyReadAsync(Func<JObject> read, ProofVerificationOptions? options, CancellationToken cancellationToken)
    {
        JObject document;
        try
        {
            document = read();
        }
        catch (JsonInputException e)
        {
            // Too large or deep: not read, so undecided; malformed or ambiguous (duplicate keys): nothing to verify.
            var check = e.CouldNotRead
                ? VerificationCheck.Undecided("document.json", e.Message, e.Path, DocumentRule)
                : VerificationCheck.Fail("document.json", e.Message, e.Path, DocumentRule);
            return Task.FromResult(new DataIntegrityVerification([], [check]));
        }

        return VerifyAsync(document, options, cancellationToken);
    }
}
