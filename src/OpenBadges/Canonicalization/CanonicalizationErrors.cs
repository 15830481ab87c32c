using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw CanonicalizationErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class CanonicalizationErrors
{
    internal static CanonicalizationLimitException TooManyQuads(int limit, int count) =>
        new(nameof(Rdfc10Options) + "." + nameof(Rdfc10Options.MaxQuads), limit, $"The dataset has {count} quads; RDFC-1.0 canonicalization accepts at most {limit} " + $"(Rdfc10Options.MaxQuads). Raise MaxQuads only if such large inputs are expected and trusted.");

    internal static ArgumentException UnsupportedHashAlgorithm(string? name, string paramName) =>
        new($"RDFC-1.0 hash algorithm '{name}' is not supported; use SHA256 (the default) or SHA384.", paramName);

    internal static ArgumentException NegativeMaxWorkFactor(int value, string paramName) =>
        new($"Rdfc10Options.MaxWorkFactor is {value}; it must be 0 or more.", paramName);

    internal static ArgumentException NegativeMaxDeepIterations(long? value, string paramName) =>
        new($"Rdfc10Options.MaxDeepIterations is {value}; it must be 0 or more.", paramName);

    internal static ArgumentException NegativeMaxQuads(int value, string paramName) =>
        new($"Rdfc10Options.MaxQuads is {value}; it must be 0 or more.", paramName);

    internal static ArgumentException NullQuad(int index) =>
        new($"Quad {index} is null.", "quads");

    internal static ArgumentException NullTerm(int index) =>
        new($"Quad {index} has a null term.", "quads");

    internal static ArgumentException NotAnRdfQuad(int index, RdfTermKind subject, RdfTermKind predicate, RdfTermKind obj, RdfTermKind graph) =>
        new($"Quad {index} is not an RDF quad (subject {subject}, predicate {predicate}, object {obj}, graph {graph}): " + "RDFC-1.0 needs an IRI or blank node subject, an IRI predicate, and an IRI, blank node or default graph name (generalized RDF is not supported).", "quads");

    internal static CanonicalizationLimitException DeepIterationsExceeded(string option, long limit, string identifier, string source) =>
        new(nameof(Rdfc10Options) + "." + option, limit, $"RDFC-1.0 canonicalization stopped at blank node _:{identifier}: the Hash N-Degree Quads algorithm would run more than " + $"{limit} times (the limit from {source}). The dataset's blank nodes are so symmetric that canonicalizing it could take " + "exponential time; it may be a poison graph built to exhaust the CPU. If the input is trusted and genuinely needs it, " + "raise Rdfc10Options.MaxWorkFactor (or set MaxDeepIterations).");

    internal static InvalidOperationException NoCanonicalIdentifier(string label) =>
        new($"RDFC-1.0 left blank node _:{label} without a canonical identifier; this is a bug.");
}
