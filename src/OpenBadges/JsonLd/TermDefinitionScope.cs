using System.Collections.Immutable;
using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// What Create Term Definition (spec 4.2.2) carries from one term to the terms it depends on: the local
/// context being processed, the <c>defined</c> map that detects cycles, and the processing flags.
/// </summary>
internal sealed class TermDefinitionScope
{
    /// <summary>Longest chain of terms defined through each other (a:b, b:c, ...) before we refuse the context.</summary>
    public const int MaxDependencyDepth = 256;

    private readonly Dictionary<string, bool> _defined = new(StringComparer.Ordinal);

    public TermDefinitionScope(
        JObject localContext,
        string? baseUrl,
        bool isProtected,
        bool overrideProtected,
        ImmutableHashSet<string> remoteContexts,
        bool validateScopedContext,
        JsonPath path)
    {
        LocalContext = localContext;
        BaseUrl = baseUrl;
        IsProtected = isProtected;
        OverrideProtected = overrideProtected;
        RemoteContexts = remoteContexts;
        ValidateScopedContext = validateScopedContext;
        Path = path;
    }

    public JObject LocalContext { get; }

    public string? BaseUrl { get; }

    /// <summary>The context's own <c>@protected</c> value: the default for its terms.</summary>
    public bool IsProtected { get; }

    public bool OverrideProtected { get; }

    public ImmutableHashSet<string> RemoteContexts { get; }

    public bool ValidateScopedContext { get; }

    /// <summary>Where the local context is, for events.</summary>
    public JsonPath Path { get; }

    /// <summary>Current depth of nested Create Term Definition calls.</summary>
    public int Depth { get; set; }

    /// <summary>True when <paramref name="term"/> is fully defined.</summary>
    public bool IsDefined(string term) => _defined.TryGetValue(term, out var done) && done;

    /// <summary>Null when the term was not started; false while it is being defined; true when done.</summary>
    public bool? State(string term) => _defined.TryGetValue(term, out var done) ? done : null;

    public void MarkStarted(string term) => _defined[term] = false;

    public void MarkDefined(string term) => _defined[term] = true;
}
