using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// The state of one call into <see cref="JsonLdProcessor"/>: options, cancellation, limits, event delivery.
/// Not shared between threads (one run, one thread); everything shared lives in <see cref="ContextCache"/>.
/// </summary>
internal sealed class JsonLdRun
{
    private int _remoteContextLoads;
    private List<JsonLdEvent>? _recording;
    private int _suppressed;
    private int _contextNesting;

    public JsonLdRun(JsonLdOptions options, CancellationToken cancellationToken)
    {
        if (options.DocumentLoader is null)
        {
            throw JsonLdErrors.NoDocumentLoader(nameof(options));
        }

        if (options.MaxDepth < 1 || options.MaxRemoteContexts < 0)
        {
            throw JsonLdErrors.LimitsOutOfRange(nameof(options));
        }

        if (options.ProcessingMode is not ("json-ld-1.1" or "json-ld-1.0"))
        {
            throw JsonLdErrors.UnknownProcessingMode(options.ProcessingMode);
        }

        if (options.RdfDirection is not (null or "i18n-datatype" or "compound-literal"))
        {
            throw JsonLdErrors.UnknownRdfDirection(options.RdfDirection, nameof(options));
        }

        Options = options;
        CancellationToken = cancellationToken;
        Cache = ContextCache.For(options.DocumentLoader);
    }

    public JsonLdOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public ContextCache Cache { get; }

    /// <summary>Reports an event: to the callback, then (safe mode) as an exception.</summary>
    public void Emit(JsonLdEventCode code, string? term, JsonPath path, string message) =>
        Emit(new JsonLdEvent(code, term, path.ToString(), message));

    /// <summary>Reports an event recorded earlier (a cached context's events are replayed on every use).</summary>
    public void Emit(JsonLdEvent jsonLdEvent)
    {
        if (_suppressed > 0)
        {
            return;
        }

        _recording?.Add(jsonLdEvent);
        Options.OnEvent?.Invoke(jsonLdEvent);
        if (Options.SafeMode)
        {
            throw JsonLdErrors.SafeModeRefused(jsonLdEvent);
        }
    }

    /// <summary>
    /// Silences events until the returned scope is disposed: a scoped context is processed once just to
    /// validate it (spec 4.2.2 step 21.3) and again, for real, where it applies; only the second may report.
    /// </summary>
    public SuppressedEvents SuppressEvents()
    {
        _suppressed++;
        return new SuppressedEvents(this);
    }

    /// <summary>Ends an event suppression.</summary>
    public readonly struct SuppressedEvents(JsonLdRun run) : IDisposable
    {
        public void Dispose() => run._suppressed--;
    }

    /// <summary>
    /// Starts recording the events raised while a context is processed, so the cache can store them with the
    /// result; returns the recording that was active before (to pass to <see cref="StopRecording"/>).
    /// </summary>
    public List<JsonLdEvent>? StartRecording(out List<JsonLdEvent> recording)
    {
        var outer = _recording;
        recording = [];
        _recording = recording;
        return outer;
    }

    /// <summary>Ends a recording; its events also belong to the enclosing one.</summary>
    public void StopRecording(List<JsonLdEvent>? outer, List<JsonLdEvent> recording)
    {
        _recording = outer;
        outer?.AddRange(recording);
    }

    /// <summary>Counts one remote context dereference against <see cref="JsonLdOptions.MaxRemoteContexts"/>.</summary>
    public void CountRemoteContext(string url)
    {
        if (++_remoteContextLoads > Options.MaxRemoteContexts)
        {
            throw JsonLdErrors.TooManyRemoteContexts(url, Options.MaxRemoteContexts);
        }
    }

    /// <summary>Throws when <paramref name="depth"/> exceeds <see cref="JsonLdOptions.MaxDepth"/>; checks cancellation too.</summary>
    public void CheckDepth(int depth, JsonPath path)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (depth > Options.MaxDepth)
        {
            throw JsonLdErrors.DocumentTooDeep(Options.MaxDepth, path);
        }
    }

    /// <summary>
    /// Enters one level of context processing. Scoped contexts nest inside term definitions inside contexts;
    /// a document built in code (not parsed, so not depth-checked) could nest them deep enough to overflow the
    /// stack, so the nesting is bounded by <see cref="JsonLdOptions.MaxDepth"/> too.
    /// </summary>
    public ContextNesting EnterContext(JsonPath path)
    {
        if (++_contextNesting > Options.MaxDepth)
        {
            _contextNesting--;
            throw JsonLdErrors.ContextsTooDeep(Options.MaxDepth, path);
        }

        return new ContextNesting(this);
    }

    /// <summary>Leaves a level of context processing.</summary>
    public readonly struct ContextNesting(JsonLdRun run) : IDisposable
    {
        public void Dispose() => run._contextNesting--;
    }

    /// <summary>Throws when a value (an <c>@json</c> literal, which is not walked) nests deeper than allowed.</summary>
    public void CheckValueDepth(JToken value, int depth, JsonPath path)
    {
        var stack = new Stack<(JToken Token, int Depth)>();
        stack.Push((value, depth));
        while (stack.Count > 0)
        {
            var (token, level) = stack.Pop();
            if (token is JContainer container)
            {
                CheckDepth(level, path);
                foreach (var child in container.Children())
                {
                    stack.Push((child is JProperty property ? property.Value : child, level + 1));
                }
            }
        }
    }
}
