using System.Text.Json;
using System.Text.Json.Nodes;
using OpenBadges.Json;

namespace OpenBadges.Status;

/// <summary>JSON text, UTF-8 bytes and System.Text.Json revocation lists, read by <see cref="JsonInput"/>.</summary>
public sealed partial class RevocationList
{
    /// <summary>Reads a revocation list given as JSON text.</summary>
    /// <exception cref="FormatException">The text is not acceptable JSON (a <see cref="JsonInputException"/>) or not a revocation list.</exception>
    public static RevocationList Parse(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Parse(JsonInput.ParseObject(document));
    }

    /// <summary>Reads a revocation list given as UTF-8 JSON.</summary>
    /// <exception cref="FormatException">The bytes are not acceptable JSON or not a revocation list.</exception>
    public static RevocationList Parse(ReadOnlySpan<byte> document) => Parse(JsonInput.ParseObject(document));

    /// <summary>Reads a revocation list held as a System.Text.Json element.</summary>
    /// <exception cref="FormatException">The element is not acceptable JSON or not a revocation list.</exception>
    public static RevocationList Parse(JsonElement document) => Parse(JsonInput.ReadObject(document));

    /// <summary>Reads a revocation list held as a System.Text.Json node.</summary>
    /// <exception cref="FormatException">The node is not acceptable JSON or not a revocation list.</exception>
    public static RevocationList Parse(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Parse(JsonInput.ReadObject(document));
    }
}
