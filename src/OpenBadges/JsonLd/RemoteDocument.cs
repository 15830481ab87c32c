using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>A document returned by an <see cref="IDocumentLoader"/>.</summary>
/// <param name="DocumentUrl">The final URL of the document, after any redirects.</param>
/// <param name="Document">The parsed JSON document.</param>
/// <param name="ContextUrl">A context URL from an HTTP Link header, if any.</param>
/// <param name="ContentType">The media type, if known.</param>
/// <param name="Profile">The media type's profile parameter, if any.</param>
public sealed record RemoteDocument(
    string DocumentUrl,
    JToken Document,
    string? ContextUrl = null,
    string? ContentType = null,
    string? Profile = null);
