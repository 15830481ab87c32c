using System.Collections.Frozen;
using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// The default document loader: serves the contexts in <see cref="EmbeddedContexts"/> and any documents
/// the caller adds, by exact URL, and refuses everything else. It never uses the network.
/// </summary>
public sealed class EmbeddedDocumentLoader : IDocumentLoader
{
    private readonly FrozenDictionary<string, JToken> _extra;

    /// <summary>A loader that serves only the embedded contexts.</summary>
    public static EmbeddedDocumentLoader Default { get; } = new(new Dictionary<string, JToken>());

    private EmbeddedDocumentLoader(IDictionary<string, JToken> extra)
    {
        _extra = extra.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A new loader that also serves <paramref name="document"/> at <paramref name="url"/>.</summary>
    public EmbeddedDocumentLoader With(string url, JToken document)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(document);
        var extra = new Dictionary<string, JToken>(_extra, StringComparer.Ordinal)
        {
            [url] = document.DeepClone(),
        };
        return new EmbeddedDocumentLoader(extra);
    }

    /// <inheritdoc/>
    public RemoteDocument Load(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_extra.TryGetValue(url, out var extra))
        {
            return new RemoteDocument(url, extra, ContentType: "application/ld+json");
        }

        var embedded = EmbeddedContexts.Find(url);
        if (embedded is not null)
        {
            return new RemoteDocument(url, embedded, ContentType: "application/ld+json");
        }

        throw JsonLdErrors.NotEmbedded(url);
    }
}
