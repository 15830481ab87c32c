using OpenBadges.Rdf;

namespace OpenBadges.JsonLd;

/// <summary>What a member key means in one active context (see <see cref="Context.Meaning"/>).</summary>
/// <param name="Expanded">The key's vocabulary-relative IRI expansion (a keyword, an IRI, or null when it is dropped).</param>
/// <param name="Definition">The key's term definition, if it is a term.</param>
/// <param name="Predicate">The expansion as an RDF predicate; null unless it is a well-formed absolute IRI.</param>
internal sealed record KeyMeaning(string? Expanded, TermDefinition? Definition, RdfTerm? Predicate);
