using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Rdf;

namespace OpenBadges.Proofs;

/// <summary>canonicalizeAndGroup (vc-di-ecdsa §3.4.14): the document's relabelled canonical N-Quads, and for each group of JSON Pointers which of them it selects.</summary>
internal static class Grouping
{
    /// <summary>One group: the selected N-Quads by index (matching), the others (non-matching), and the selection's deskolemized quads.</summary>
    public sealed record Group(SortedDictionary<int, string> Matching, SortedDictionary<int, string> NonMatching, List<RdfQuad> DeskolemizedQuads);

    public sealed record Result(Dictionary<string, Group> Groups, Dictionary<string, string> LabelMap, List<string> NQuads);

    /// <summary>JSON-LD to RDF as the selective disclosure functions do it: base direction as i18n datatypes, like the rdfc suites.</summary>
    internal static IReadOnlyList<RdfQuad> ToRdf(JToken document, JsonLdOptions? jsonLd, CancellationToken cancellationToken) =>
        JsonLdProcessor.ToRdf(document, OpenBadges.Canonicalization.JsonLdCanonicalizer.WithDirection(jsonLd), cancellationToken);

    /// <exception cref="ArgumentException">A pointer does not match the document, or the document is one whose statements skolemization changes.</exception>
    public static Result CanonicalizeAndGroup(
        JObject document,
        Func<IReadOnlyDictionary<string, string>, Dictionary<string, string>> labelMapFactory,
        IReadOnlyDictionary<string, IReadOnlyList<string>> groups,
        JsonLdOptions? jsonLd,
        CancellationToken cancellationToken)
    {
        // Step 1: skolemize (here on the compact form, see Skolemization), step 2: deskolemized N-Quads of the whole.
        var randomString = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var skolemized = Skolemization.SkolemizeCompact(document, randomString);
        var skolemizedQuads = Grouping.ToRdf(skolemized, jsonLd, cancellationToken);
        RequireNoBlankNodes(skolemizedQuads);
        var deskolemized = Skolemization.Deskolemize(skolemizedQuads);

        // Step 3: canonicalize with the label map.
        var canonical = LabelReplacement.Canonicalize(deskolemized, labelMapFactory, cancellationToken);
        RequireFaithfulSkolemization(document, canonical, jsonLd, cancellationToken);

        // List nodes stay blank (RDF lists are not nodes JSON-LD can name): a selection's are matched to the document's.
        var listIndex = new ListNodes(skolemizedQuads);

        // Steps 4-6: per group, select, turn to N-Quads with the same labels, and split the canonical list.
        var result = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var (name, pointers) in groups)
        {
            var selection = JsonLdSelection.Select(skolemized, pointers);
            var selectedQuads = selection is null ? [] : Skolemization.Deskolemize(listIndex.ToDocumentLabels(Grouping.ToRdf(selection, jsonLd, cancellationToken)));
            var selected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var quad in selectedQuads)
            {
                selected.Add(NQuads.Serialize(LabelReplacement.Relabel(quad, canonical.LabelMap)));
            }

            if (!selected.IsSubsetOf(canonical.NQuads))
            {
                throw ProofErrors.GroupSelectsUnstatedStatements(name, string.Join(", ", pointers), nameof(groups));
            }

            var matching = new SortedDictionary<int, string>();
            var nonMatching = new SortedDictionary<int, string>();
            for (var i = 0; i < canonical.NQuads.Count; i++)
            {
                (selected.Contains(canonical.NQuads[i]) ? matching : nonMatching)[i] = canonical.NQuads[i];
            }

            result[name] = new Group(matching, nonMatching, selectedQuads);
        }

        return new Result(result, canonical.LabelMap, canonical.NQuads);
    }

    /// <summary>
    /// After skolemization every node has an IRI but list nodes (matched by <see cref="ListNodes"/>) and graph names: a graph
    /// named by a blank node (e.g. an embedded credential's proof), which the compact form cannot name, would get a
    /// different label in each selection, and its statements would not match.
    /// </summary>
    private static void RequireNoBlankNodes(IReadOnlyList<RdfQuad> quads)
    {
        foreach (var quad in quads)
        {
            if (quad.Graph.IsBlankNode)
            {
                throw ProofErrors.NodeCannotBeSelected(NQuads.Serialize(quad).TrimEnd());
            }
        }
    }

    /// <summary>
    /// The skolemized document must state exactly what the document states: otherwise the signed statements would not be
    /// the ones a verifier reads from the disclosed document.
    /// </summary>
    private static void RequireFaithfulSkolemization(JObject document, LabelReplacement.Result skolemized, JsonLdOptions? jsonLd, CancellationToken cancellationToken)
    {
        var original = OpenBadges.Canonicalization.Rdfc10.Canonicalize(Grouping.ToRdf(document, jsonLd, cancellationToken), null, cancellationToken);
        if (!string.Equals(original.NQuads, skolemized.Canonical.NQuads, StringComparison.Ordinal))
        {
            throw ProofErrors.SkolemizationChangesStatements(nameof(document));
        }
    }
}
