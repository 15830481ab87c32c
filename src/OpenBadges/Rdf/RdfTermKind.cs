namespace OpenBadges.Rdf;

/// <summary>The kinds of term an RDF quad position can hold.</summary>
public enum RdfTermKind
{
    /// <summary>An absolute IRI.</summary>
    Iri,
    /// <summary>A blank node, identified by a label local to one dataset.</summary>
    BlankNode,
    /// <summary>A literal: lexical form, datatype IRI and, for <c>rdf:langString</c>, a language tag.</summary>
    Literal,
    /// <summary>The default graph (graph position only).</summary>
    DefaultGraph,
}
