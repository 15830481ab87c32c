using OpenBadges.Rdf;

namespace OpenBadges.Proofs;

/// <summary>
/// Matches the blank nodes of RDF lists in a selection to the document's. After skolemization the only blank nodes
/// are list nodes (<c>rdf:first</c>/<c>rdf:rest</c>), which JSON-LD cannot name; each hangs off a named node (or an
/// earlier list node) by one property, so it is found in the document by that subject and property.
/// </summary>
/// <remarks>
/// The spec's skolemization gives <c>@list</c> objects an <c>@id</c> instead, which JSON-LD rejects (see
/// docs/ecdsa-and-selective-disclosure.md); this keeps lists as lists and still selects the same statements.
/// </remarks>
internal sealed class ListNodes
{
    private readonly Dictionary<(string Subject, string Predicate, string Graph), List<RdfTerm>> _blankObjects = [];

    /// <summary>Indexes the document's skolemized quads (named nodes are IRIs there, list nodes blank).</summary>
    public ListNodes(IReadOnlyList<RdfQuad> documentQuads)
    {
        foreach (var quad in documentQuads)
        {
            if (quad.Object.IsBlankNode)
            {
                var key = (quad.Subject.ToString(), quad.Predicate.Value, quad.Graph.ToString());
                if (!_blankObjects.TryGetValue(key, out var list))
                {
                    _blankObjects[key] = list = [];
                }

                list.Add(quad.Object);
            }
        }
    }

    /// <summary>The selection's quads with each blank node renamed to the document's node it stands for.</summary>
    /// <exception cref="ArgumentException">A blank node cannot be matched unambiguously (two lists under one property, or an unreachable node).</exception>
    public List<RdfQuad> ToDocumentLabels(IReadOnlyList<RdfQuad> selection)
    {
        var mapping = new Dictionary<string, RdfTerm>(StringComparer.Ordinal);
        bool progress;
        do
        {
            progress = false;
            foreach (var quad in selection)
            {
                if (!quad.Object.IsBlankNode || mapping.ContainsKey(quad.Object.Value))
                {
                    continue;
                }

                RdfTerm subject;
                if (!quad.Subject.IsBlankNode)
                {
                    subject = quad.Subject;
                }
                else if (!mapping.TryGetValue(quad.Subject.Value, out subject!))
                {
                    continue;
                }

                if (!_blankObjects.TryGetValue((subject.ToString(), quad.Predicate.Value, quad.Graph.ToString()), out var candidates) || candidates.Count != 1)
                {
                    throw ProofErrors.ListNotMatched(subject, quad.Predicate.Value, candidates?.Count ?? 0);
                }

                mapping[quad.Object.Value] = candidates[0];
                progress = true;
            }
        }
        while (progress);

        var result = new List<RdfQuad>(selection.Count);
        foreach (var quad in selection)
        {
            result.Add(new RdfQuad(Map(quad.Subject, mapping), quad.Predicate, Map(quad.Object, mapping), quad.Graph));
        }

        return result;
    }

    private static RdfTerm Map(RdfTerm term, Dictionary<string, RdfTerm> mapping)
    {
        if (!term.IsBlankNode)
        {
            return term;
        }

        return mapping.TryGetValue(term.Value, out var mapped)
            ? mapped
            : throw ProofErrors.BlankNodeUnreachable(term);
    }
}
