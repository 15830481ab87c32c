using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

/// <summary>The canonicalized dataset that <see cref="Rdfc10.Canonicalize"/> returns.</summary>
public sealed class Rdfc10Result
{
    internal Rdfc10Result(IReadOnlyList<RdfQuad> quads, string nquads, IReadOnlyDictionary<string, string> issuedIdentifiers)
    {
        Quads = quads;
        NQuads = nquads;
        IssuedIdentifiers = issuedIdentifiers;
    }

    /// <summary>
    /// The quads with canonical blank node labels (<c>c14n0</c>, <c>c14n1</c>, …), without duplicates,
    /// sorted by their canonical N-Quads line in Unicode code point order.
    /// </summary>
    public IReadOnlyList<RdfQuad> Quads { get; }

    /// <summary>The serialized canonical form: the lines of <see cref="Quads"/>, each ending in <c>"\n"</c>.</summary>
    public string NQuads { get; }

    /// <summary>
    /// The issued identifiers map: each input blank node label (without <c>_:</c>) to its canonical label
    /// (<c>c14nN</c>), in the order the labels were issued.
    /// </summary>
    public IReadOnlyDictionary<string, string> IssuedIdentifiers { get; }
}
