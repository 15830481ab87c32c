using System.Collections.Concurrent;
using OpenBadges.Rdf;

namespace OpenBadges.JsonLd;

/// <summary>
/// RDF terms that repeat from document to document (predicates, types, the first blank node labels), made once
/// and shared: terms are immutable, and a shared term is serialized and hashed once for every document using it.
/// </summary>
internal static class IriTerms
{
    // Bounded: types and properties come from documents too, and hostile input must not grow the cache forever.
    private const int MaxCachedIris = 8192;
    private const string I18nNamespace = "https://www.w3.org/ns/i18n#";

    private static readonly ConcurrentDictionary<string, RdfTerm> Iris = new(StringComparer.Ordinal);
    private static readonly RdfTerm[] BlankNodes = CreateBlankNodes(256);

    /// <summary>The IRI term for <paramref name="iri"/> (which the caller has checked is well-formed).</summary>
    public static RdfTerm Get(string iri)
    {
        if (Iris.TryGetValue(iri, out var term))
        {
            return term;
        }

        term = RdfTerm.Iri(iri);
        if (Iris.Count < MaxCachedIris)
        {
            Iris.TryAdd(iri, term);
        }

        return term;
    }

    /// <summary>The blank node <c>_:b<paramref name="n"/></c>.</summary>
    public static RdfTerm BlankNode(int n) =>
        n < BlankNodes.Length ? BlankNodes[n] : RdfTerm.BlankNode("b" + n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The <c>i18n-datatype</c> datatype IRI for a language (possibly none) and a direction (toRdf 8.2.2 step 13).</summary>
    public static string I18nDatatype(string? language, string direction) =>
        I18nNamespace + (language?.ToLowerInvariant() ?? string.Empty) + "_" + direction;

    private static RdfTerm[] CreateBlankNodes(int count)
    {
        var terms = new RdfTerm[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = RdfTerm.BlankNode("b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return terms;
    }
}
