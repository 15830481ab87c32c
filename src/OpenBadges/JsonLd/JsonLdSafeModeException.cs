namespace OpenBadges.JsonLd;

/// <summary>
/// Safe mode refused a document: processing would have dropped or misread data (see <see cref="Event"/>).
/// The message names the rule, the term and the JSON path.
/// </summary>
public sealed class JsonLdSafeModeException : JsonLdException
{
    /// <summary>Makes the exception for <paramref name="jsonLdEvent"/>.</summary>
    public JsonLdSafeModeException(JsonLdEvent jsonLdEvent)
        : base("safe mode violation", $"Safe mode: {jsonLdEvent.Message} [{jsonLdEvent.CodeName}]")
    {
        Event = jsonLdEvent;
    }

    /// <summary>The event that stopped processing.</summary>
    public JsonLdEvent Event { get; }
}
