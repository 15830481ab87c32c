using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

/// <summary>
/// Hands a document the library made (a built or signed credential, a status list) to System.Text.Json code: as
/// UTF-8 bytes, a <see cref="JsonNode"/> or a <see cref="JsonElement"/>. What it writes, read back through
/// <see cref="JsonInput"/>, is the same JSON (same members, strings and numbers), so a signature over it still holds.
/// </summary>
public static class JsonOutput
{
    // What a document the library accepts can reach (JsonLimits caps input depth); System.Text.Json's default is 64.
    private const int MaxDepth = 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    /// <summary>The document as compact UTF-8 JSON.</summary>
    /// <exception cref="JsonInputException">The tree holds a value that is not JSON (a date parsed by <c>JObject.Parse</c>, a lone surrogate).</exception>
    public static byte[] ToUtf8Bytes(JToken document)
    {
        ArgumentNullException.ThrowIfNull(document);
        JsonInput.RequirePlainJson(document);
        try
        {
            return StrictUtf8.Encoding.GetBytes(document.ToString(Formatting.None));
        }
        catch (EncoderFallbackException e)
        {
            // Replacing it would hand over other text than the tree holds.
            throw JsonErrors.OutputLoneSurrogate(e.Index, e);
        }
    }

    /// <summary>The document as a mutable <see cref="JsonNode"/> (null for a JSON <c>null</c>).</summary>
    /// <exception cref="JsonInputException">The tree holds a value that is not JSON.</exception>
    public static JsonNode? ToJsonNode(JToken document) =>
        JsonNode.Parse(ToUtf8Bytes(document), NodeOptions, DocumentOptions);

    /// <summary>The document as a <see cref="JsonElement"/> that needs no disposing (it owns a copy of its bytes).</summary>
    /// <exception cref="JsonInputException">The tree holds a value that is not JSON.</exception>
    public static JsonElement ToJsonElement(JToken document)
    {
        using var parsed = JsonDocument.Parse(ToUtf8Bytes(document), DocumentOptions);
        return parsed.RootElement.Clone();
    }
}
