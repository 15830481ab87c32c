namespace OpenBadges.Rdf;

/// <summary>An RDF quad. <see cref="Graph"/> is <see cref="RdfTerm.DefaultGraph"/> for triples of the default graph.</summary>
/// <param name="Subject">An IRI or a blank node.</param>
/// <param name="Predicate">An IRI (a blank node only in generalized RDF).</param>
/// <param name="Object">An IRI, a blank node or a literal.</param>
/// <param name="Graph">An IRI, a blank node or the default graph.</param>
public sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm Graph)
{
    /// <summary>Makes a quad in the default graph.</summary>
    public RdfQuad(RdfTerm subject, RdfTerm predicate, RdfTerm @object)
        : this(subject, predicate, @object, RdfTerm.DefaultGraph)
    {
    }
}
