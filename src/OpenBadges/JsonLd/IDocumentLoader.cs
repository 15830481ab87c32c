namespace OpenBadges.JsonLd;

/// <summary>
/// Loads remote JSON-LD documents (contexts, mostly). Implementations must be thread-safe.
/// The package's default, <see cref="EmbeddedDocumentLoader"/>, never touches the network; plug in a
/// loader of your own to allow more. Loading is synchronous because the processor caches every context
/// it has processed, so a loader runs once per URL, not once per credential.
/// </summary>
public interface IDocumentLoader
{
    /// <summary>Loads the document at <paramref name="url"/>.</summary>
    /// <exception cref="JsonLdException">With code <c>loading document failed</c> when the URL is refused or unreachable.</exception>
    RemoteDocument Load(string url, CancellationToken cancellationToken = default);
}
