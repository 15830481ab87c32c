using System.Security.Cryptography;
using System.Text;
using OpenBadges.Canonicalization;
using OpenBadges.Rdf;

namespace OpenBadges.Proofs;

/// <summary>
/// labelReplacementCanonicalizeNQuads (vc-di-ecdsa §3.4.1) and the two label map functions (§3.4.3 createLabelMapFunction,
/// §3.4.4 createHmacIdLabelMapFunction).
/// </summary>
internal static class LabelReplacement
{
    /// <summary>The result: the label map (input blank node label → new label) and the relabelled canonical N-Quads, sorted.</summary>
    public sealed record Result(Dictionary<string, string> LabelMap, List<string> NQuads, Rdfc10Result Canonical);

    /// <summary>
    /// Canonicalizes <paramref name="quads"/> (RDFC-1.0), maps the canonical id map through <paramref name="labelMapFactory"/>,
    /// writes each canonical quad with the new labels and sorts the lines (steps 1–5).
    /// </summary>
    public static Result Canonicalize(IReadOnlyList<RdfQuad> quads, Func<IReadOnlyDictionary<string, string>, Dictionary<string, string>> labelMapFactory, CancellationToken cancellationToken)
    {
        // Step 1: canonicalize, keeping the canonical id map (input label → c14nN).
        var canonical = Rdfc10.Canonicalize(quads, null, cancellationToken);

        // Step 2: the label map factory turns it into input label → new label.
        var labelMap = labelMapFactory(canonical.IssuedIdentifiers);

        // Step 3: canonical label → new label, to rewrite the canonical quads.
        var c14nToNew = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (input, c14n) in canonical.IssuedIdentifiers)
        {
            if (labelMap.TryGetValue(input, out var label))
            {
                c14nToNew[c14n] = label;
            }
        }

        // Steps 4-5: replace, write, sort.
        var lines = new List<string>(canonical.Quads.Count);
        foreach (var quad in canonical.Quads)
        {
            lines.Add(NQuads.Serialize(new RdfQuad(Relabel(quad.Subject, c14nToNew), quad.Predicate, Relabel(quad.Object, c14nToNew), Relabel(quad.Graph, c14nToNew))));
        }

        lines.Sort(StringComparer.Ordinal);
        return new Result(labelMap, lines, canonical);
    }

    /// <summary>createHmacIdLabelMapFunction: each canonical label c14nN becomes <c>u</c> + base64url(HMAC-SHA-256(key, "c14nN")).</summary>
    public static Func<IReadOnlyDictionary<string, string>, Dictionary<string, string>> Hmac(byte[] hmacKey) => canonicalIdMap =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (input, c14n) in canonicalIdMap)
        {
            var digest = HMACSHA256.HashData(hmacKey, Encoding.UTF8.GetBytes(c14n));
            map[input] = "u" + System.Buffers.Text.Base64Url.EncodeToString(digest);
        }

        return map;
    };

    /// <summary>createLabelMapFunction: each canonical label is looked up in <paramref name="labelMap"/> (c14nN → label).</summary>
    /// <exception cref="KeyNotFoundException">The label map has no entry for a canonical label.</exception>
    public static Func<IReadOnlyDictionary<string, string>, Dictionary<string, string>> FromMap(IReadOnlyDictionary<string, string> labelMap) => canonicalIdMap =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (input, c14n) in canonicalIdMap)
        {
            map[input] = labelMap.TryGetValue(c14n, out var label)
                ? label
                : throw ProofErrors.NoLabelFor(c14n);
        }

        return map;
    };

    /// <summary>relabelBlankNodes: a quad with every blank node renamed through <paramref name="labelMap"/>.</summary>
    public static RdfQuad Relabel(RdfQuad quad, IReadOnlyDictionary<string, string> labelMap) =>
        new(Relabel(quad.Subject, labelMap), quad.Predicate, Relabel(quad.Object, labelMap), Relabel(quad.Graph, labelMap));

    private static RdfTerm Relabel(RdfTerm term, IReadOnlyDictionary<string, string> map) =>
        term.IsBlankNode && map.TryGetValue(term.Value, out var label) ? RdfTerm.BlankNode(label) : term;
}
