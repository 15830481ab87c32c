using Newtonsoft.Json.Linq;
using OpenBadges.Rdf;

namespace OpenBadges.Proofs;

/// <summary>
/// Skolemization for the selective disclosure functions (vc-di-ecdsa §3.4.5–3.4.8): every node without an id gets a
/// <c>urn:custom-scheme:_…</c> IRI, so that a selection of the document (made from JSON Pointers) yields statements
/// about the same nodes as the whole; deskolemization turns those IRIs back into blank nodes.
/// </summary>
/// <remarks>
/// <para>
/// The spec skolemizes the expanded document and compacts it again. This package has no compaction, and it does not
/// need one: the ids are added to the compact document's node objects directly, which yields the same deskolemized
/// statements (the names are random in both, and vanish in canonicalization). What is a node object is decided
/// without the context: a JSON object that is neither the value of <c>@context</c> nor a value (<c>@value</c>), list
/// (<c>@list</c>) or set (<c>@set</c>) object. A guess that is wrong (a language map, an <c>@json</c> literal) changes
/// the statements, and <see cref="EcdsaSd2023"/> refuses the document when the deskolemized statements differ from the
/// document's own.
/// </para>
/// <para>
/// The known difference from the spec's algorithm: it gives an <c>@id</c> to <c>@list</c> objects too, which JSON-LD
/// forbids, so the reference implementation refuses any credential with a list (an Open Badges
/// <c>ResultDescription.allowedValue</c>); this one does not skolemize lists (see docs/ecdsa-and-selective-disclosure.md).
/// </para>
/// </remarks>
internal static class Skolemization
{
    public const string Prefix = "urn:custom-scheme:_";

    /// <summary>A copy of <paramref name="document"/> whose node objects all carry an id.</summary>
    public static JObject SkolemizeCompact(JObject document, string randomString)
    {
        var copy = (JObject)document.DeepClone();
        var count = 0;
        Skolemize(copy, randomString, ref count);
        return copy;
    }

    private static void Skolemize(JToken token, string randomString, ref int count)
    {
        switch (token)
        {
            case JArray array:
                foreach (var item in array)
                {
                    Skolemize(item, randomString, ref count);
                }

                break;
            case JObject obj:
                if (obj.Property("@value") is not null)
                {
                    return;
                }

                foreach (var property in obj.Properties().ToList())
                {
                    if (property.Name != "@context")
                    {
                        Skolemize(property.Value, randomString, ref count);
                    }
                }

                if (obj.Property("@list") is not null || obj.Property("@set") is not null)
                {
                    return;
                }

                var idKey = obj.Property("id") is not null ? "id" : obj.Property("@id") is not null ? "@id" : null;
                if (idKey is null)
                {
                    obj["@id"] = Prefix + randomString + "_" + count++;
                }
                else if (obj[idKey] is JValue { Type: JTokenType.String } id && ((string)id!).StartsWith("_:", StringComparison.Ordinal))
                {
                    obj[idKey] = Prefix + ((string)id!)[2..];
                }

                break;
        }
    }

    /// <summary>toDeskolemizedNQuads at the quad level: skolem IRIs become blank nodes named by what follows the prefix.</summary>
    public static List<RdfQuad> Deskolemize(IReadOnlyList<RdfQuad> quads)
    {
        var result = new List<RdfQuad>(quads.Count);
        foreach (var quad in quads)
        {
            result.Add(new RdfQuad(Term(quad.Subject), quad.Predicate, Term(quad.Object), Term(quad.Graph)));
        }

        return result;
    }

    private static RdfTerm Term(RdfTerm term) =>
        term.IsIri && term.Value.StartsWith(Prefix, StringComparison.Ordinal) ? RdfTerm.BlankNode(term.Value[Prefix.Length..]) : term;
}
