namespace OpenBadges.JsonLd;

/// <summary>
/// An active context (spec 4.1). Treated as immutable once <see cref="ContextProcessor"/> returns it: it is
/// cached and shared across threads and documents. Only the processor mutates a fresh clone while building it.
/// Each instance has a process-wide unique <see cref="Id"/> that the context cache uses as its identity.
/// </summary>
internal sealed class Context
{
    private const int MaxMemoizedKeys = 1024;
    private static long _nextId;
    private readonly Dictionary<string, TermDefinition> _terms;

    // Keys expanded against this (immutable) context, memoized (see Meaning).
    private System.Collections.Concurrent.ConcurrentDictionary<string, KeyMeaning>? _keyMeanings;

    private Context(Dictionary<string, TermDefinition> terms)
    {
        Id = Interlocked.Increment(ref _nextId);
        _terms = terms;
    }

    /// <summary>An empty active context with a base IRI (spec 4.1: the initial context).</summary>
    public static Context Initial(string? baseIri, string processingMode) => new Context(new Dictionary<string, TermDefinition>(StringComparer.Ordinal))
    {
        BaseIri = baseIri,
        OriginalBaseUrl = baseIri,
        ProcessingMode = processingMode,
    }.Freeze();

    /// <summary>True once the processor has returned the context; from then on it never changes.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Marks the context finished (called by the processor before it hands the context out).</summary>
    internal Context Freeze()
    {
        IsFrozen = true;
        return this;
    }

    /// <summary>Process-wide identity, for cache keys.</summary>
    public long Id { get; }

    /// <summary>The base IRI, or null when there is none (relative IRIs then stay relative).</summary>
    public string? BaseIri { get; private set; }

    /// <summary>The document's own base, restored when a context is nullified.</summary>
    public string? OriginalBaseUrl { get; private set; }

    /// <summary>The vocabulary mapping (<c>@vocab</c>).</summary>
    public string? Vocab { get; private set; }

    /// <summary>The default language (<c>@language</c>).</summary>
    public string? DefaultLanguage { get; private set; }

    /// <summary>The default base direction (<c>@direction</c>).</summary>
    public string? DefaultDirection { get; private set; }

    /// <summary>The context to revert to when a non-propagated (type-scoped) context goes out of scope.</summary>
    public Context? PreviousContext { get; private set; }

    /// <summary><c>json-ld-1.1</c> or <c>json-ld-1.0</c>.</summary>
    public string ProcessingMode { get; private set; } = "json-ld-1.1";

    /// <summary>True in JSON-LD 1.0 processing mode.</summary>
    public bool IsJsonLd10 => ProcessingMode == "json-ld-1.0";

    /// <summary>True when any term definition is protected (spec 4.1.2 step 5.1.1).</summary>
    public bool HasProtectedTerms { get; private set; }

    /// <summary>The term definitions.</summary>
    public IReadOnlyDictionary<string, TermDefinition> Terms => _terms;

    /// <summary>The definition of <paramref name="term"/>, or null.</summary>
    public TermDefinition? Term(string term) => _terms.GetValueOrDefault(term);

    /// <summary>
    /// What a member key means in this context: its vocabulary-relative IRI expansion (spec 5.2.2), its term
    /// definition and, when the expansion is an IRI a predicate can be, that predicate as an RDF term. Remembered
    /// once the context is frozen (every credential with the same contexts expands the same few dozen keys; an
    /// answer while the context is still being built might be wrong after the next definition), bounded so hostile
    /// input cannot grow it. Both expansion and the one-pass toRdf ask here, one lookup per key.
    /// </summary>
    public KeyMeaning Meaning(JsonLdRun run, string key)
    {
        if (_keyMeanings is { } memo && memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var expanded = IriExpansion.ExpandKey(run, this, key);
        var predicate = expanded is not null && !Keywords.IsKeyword(expanded) && IriResolver.IsWellFormedAbsoluteIri(expanded)
            ? IriTerms.Get(expanded)
            : null;
        var meaning = new KeyMeaning(expanded, Term(key), predicate);
        if (IsFrozen)
        {
            memo = _keyMeanings ??= new System.Collections.Concurrent.ConcurrentDictionary<string, KeyMeaning>(StringComparer.Ordinal);
            if (memo.Count < MaxMemoizedKeys)
            {
                memo.TryAdd(key, meaning);
            }
        }

        return meaning;
    }

    /// <summary>A copy for the processor to modify (spec 4.1.2 step 1). It gets a new identity.</summary>
    public Context CloneForUpdate() => new(new Dictionary<string, TermDefinition>(_terms, StringComparer.Ordinal))
    {
        BaseIri = BaseIri,
        OriginalBaseUrl = OriginalBaseUrl,
        Vocab = Vocab,
        DefaultLanguage = DefaultLanguage,
        DefaultDirection = DefaultDirection,
        PreviousContext = PreviousContext,
        ProcessingMode = ProcessingMode,
        HasProtectedTerms = HasProtectedTerms,
    };

    /// <summary>The empty context a <c>null</c> context entry resets to (spec 4.1.2 step 5.1.2).</summary>
    public Context NullifiedCopy() => new(new Dictionary<string, TermDefinition>(StringComparer.Ordinal))
    {
        BaseIri = OriginalBaseUrl,
        OriginalBaseUrl = OriginalBaseUrl,
        ProcessingMode = ProcessingMode,
    };

    // Mutators, used only by ContextProcessor on a clone it has not yet returned.
    internal void SetBaseIri(string? value)
    {
        ThrowIfFrozen();
        BaseIri = value;
    }

    internal void SetVocab(string? value)
    {
        ThrowIfFrozen();
        Vocab = value;
    }

    internal void SetDefaultLanguage(string? value)
    {
        ThrowIfFrozen();
        DefaultLanguage = value;
    }

    internal void SetDefaultDirection(string? value)
    {
        ThrowIfFrozen();
        DefaultDirection = value;
    }

    internal void SetPreviousContext(Context? value)
    {
        ThrowIfFrozen();
        PreviousContext = value;
    }

    internal void SetTerm(string term, TermDefinition definition)
    {
        ThrowIfFrozen();
        _terms[term] = definition;
        if (definition.IsProtected)
        {
            HasProtectedTerms = true;
        }
    }

    internal TermDefinition? RemoveTerm(string term)
    {
        ThrowIfFrozen();
        if (_terms.Remove(term, out var previous))
        {
            if (previous.IsProtected)
            {
                HasProtectedTerms = _terms.Values.Any(t => t.IsProtected);
            }

            return previous;
        }

        return null;
    }

    // Contexts are shared through the cache; changing one after it was handed out would corrupt other documents.
    private void ThrowIfFrozen()
    {
        if (IsFrozen)
        {
            throw JsonLdErrors.ContextImmutable();
        }
    }
}
