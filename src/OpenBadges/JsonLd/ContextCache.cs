using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// Thread-safe caches shared by every run that uses the same <see cref="IDocumentLoader"/> instance (a context
/// URL means what that loader serves, so caches are per loader):
/// <list type="bullet">
/// <item>remote context documents, loaded once per URL;</item>
/// <item>processed contexts, keyed by (active context identity, local context, base URL, flags), so a second
/// credential with the same <c>@context</c> does no context processing at all.</item>
/// </list>
/// Both hold immutable values only. The processed-context cache is bounded: hostile input with endless
/// distinct inline contexts cannot grow it without limit (it is cleared when full; it is only a cache).
/// </summary>
internal sealed class ContextCache
{
    private const int MaxProcessedContexts = 4096;
    private const int MaxDocuments = 1024;

    private static readonly ConditionalWeakTable<IDocumentLoader, ContextCache> ByLoader = new();

    private readonly IDocumentLoader _loader;
    private readonly ConcurrentDictionary<string, Lazy<RemoteDocument>> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Key, Entry> _contexts = new();
    private readonly ConcurrentDictionary<(string? BaseIri, string Mode), Context> _initialContexts = new();

    private ContextCache(IDocumentLoader loader)
    {
        _loader = loader;
    }

    /// <summary>The cache for <paramref name="loader"/>.</summary>
    public static ContextCache For(IDocumentLoader loader) => ByLoader.GetValue(loader, l => new ContextCache(l));

    /// <summary>The initial context for a base IRI; shared, so that cache keys built on it repeat.</summary>
    public Context InitialContext(string? baseIri, string processingMode) =>
        _initialContexts.GetOrAdd((baseIri, processingMode), k => Context.Initial(k.BaseIri, k.Mode));

    /// <summary>
    /// Loads <paramref name="url"/> through the loader, once, even when several threads ask at the same time.
    /// Failures are not cached: the next call tries again.
    /// </summary>
    public RemoteDocument LoadDocument(string url, CancellationToken cancellationToken)
    {
        if (_documents.Count >= MaxDocuments)
        {
            _documents.Clear();
        }

        var entry = _documents.GetOrAdd(url, u => new Lazy<RemoteDocument>(() => _loader.Load(u, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            _documents.TryRemove(new KeyValuePair<string, Lazy<RemoteDocument>>(url, entry));
            throw;
        }
    }

    /// <summary>A processed context from the cache, with the events raised when it was first processed.</summary>
    public bool TryGetProcessed(in Key key, out Entry entry) => _contexts.TryGetValue(key, out entry!);

    /// <summary>Stores a processed context.</summary>
    public void StoreProcessed(in Key key, Entry entry)
    {
        if (_contexts.Count >= MaxProcessedContexts)
        {
            _contexts.Clear();
        }

        _contexts.TryAdd(key, entry);
    }

    /// <summary>
    /// What identifies a local context: the URL itself for a string; for a scoped context held by a term
    /// definition (<paramref name="ownedByProcessor"/>: a private copy nobody mutates) the token instance, so the
    /// lookup costs no hashing of its content; for a caller's token its compact JSON, taken afresh each time
    /// because the caller may change the token between calls.
    /// </summary>
    public static object ContentKey(JToken localContext, bool ownedByProcessor)
    {
        if (localContext.Type == JTokenType.String)
        {
            return "\"" + (string)localContext!;
        }

        if (ownedByProcessor)
        {
            return localContext;
        }

        return UrlListKey(localContext) ?? localContext.ToString(Formatting.None);
    }

    // The usual document context, an array of URLs, as "#" and each URL with its length in front: no two lists
    // share a key, and no JSON text (which starts with [ or {) or single URL (") looks like one. Cheaper than
    // writing the array as JSON, which every credential signed or verified did.
    private static string? UrlListKey(JToken localContext)
    {
        if (localContext is not JArray { Count: > 0 and <= 16 } array)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(128);
        builder.Append('#');
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JValue { Type: JTokenType.String, Value: string url })
            {
                return null;
            }

            builder.Append(url.Length).Append(':').Append(url);
        }

        return builder.ToString();
    }

    /// <summary>The identity of one context-processing call.</summary>
    /// <remarks><see cref="LocalContext"/> is a string (compared by content) or a JObject/JArray (compared by reference).</remarks>
    public readonly record struct Key(long ActiveContextId, object LocalContext, string? BaseUrl, bool OverrideProtected, bool Propagate);

    /// <summary>A processed context and the events its processing raised (replayed on each cache hit).</summary>
    public sealed record Entry(Context Context, JsonLdEvent[] Events);
}
