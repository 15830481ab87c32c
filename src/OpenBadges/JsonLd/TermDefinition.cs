using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// One term definition of an active context (spec 4.2). Immutable: contexts are cached and shared between
/// threads, so a definition is built once by <see cref="ContextProcessor"/> and never changed.
/// </summary>
internal sealed class TermDefinition
{
    /// <summary>The IRI, blank node identifier or keyword the term maps to; null for a term defined as null.</summary>
    public string? IriMapping { get; init; }

    /// <summary>True when the term may be used as the prefix of a compact IRI.</summary>
    public bool IsPrefix { get; init; }

    /// <summary>True for an <c>@protected</c> term.</summary>
    public bool IsProtected { get; init; }

    /// <summary>True for a reverse property (defined with <c>@reverse</c>).</summary>
    public bool IsReverse { get; init; }

    /// <summary>The <c>@type</c> coercion: an IRI, <c>@id</c>, <c>@vocab</c>, <c>@json</c> or <c>@none</c>.</summary>
    public string? TypeMapping { get; init; }

    /// <summary>True when the definition has <c>@language</c> (possibly null, which removes the default).</summary>
    public bool HasLanguageMapping { get; init; }

    /// <summary>The language mapping when <see cref="HasLanguageMapping"/>.</summary>
    public string? LanguageMapping { get; init; }

    /// <summary>True when the definition has <c>@direction</c> (possibly null).</summary>
    public bool HasDirectionMapping { get; init; }

    /// <summary>The direction mapping when <see cref="HasDirectionMapping"/>.</summary>
    public string? DirectionMapping { get; init; }

    /// <summary>The container mapping.</summary>
    public ContainerKinds Container { get; init; }

    /// <summary>The <c>@index</c> property of a property-valued index container.</summary>
    public string? IndexMapping { get; init; }

    /// <summary>The <c>@nest</c> value.</summary>
    public string? NestValue { get; init; }

    /// <summary>The scoped context (<c>@context</c>), unprocessed; null when there is none.</summary>
    public JToken? LocalContext { get; init; }

    /// <summary>The base URL the scoped context must be processed against.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>True when the container mapping includes <paramref name="kind"/>.</summary>
    public bool Has(ContainerKinds kind) => (Container & kind) != 0;

    /// <summary>
    /// Equality of everything but <see cref="IsProtected"/> (spec 4.2.2 step 27.1: a protected term may be
    /// redefined only with an identical definition).
    /// </summary>
    public bool SameDefinitionAs(TermDefinition other) =>
        IriMapping == other.IriMapping &&
        IsPrefix == other.IsPrefix &&
        IsReverse == other.IsReverse &&
        TypeMapping == other.TypeMapping &&
        HasLanguageMapping == other.HasLanguageMapping &&
        LanguageMapping == other.LanguageMapping &&
        HasDirectionMapping == other.HasDirectionMapping &&
        DirectionMapping == other.DirectionMapping &&
        Container == other.Container &&
        IndexMapping == other.IndexMapping &&
        NestValue == other.NestValue &&
        JToken.DeepEquals(LocalContext, other.LocalContext);
}
