using System.Buffers;

namespace OpenBadges.Rdf;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw RdfErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class RdfErrors
{
    internal static ArgumentException UnknownTermKind(RdfTermKind kind, string position) =>
        new($"Unknown RDF term kind {kind} in the {position}.", "quad");

    internal static ArgumentException InvalidBlankNodeLabel(string label, string position) =>
        new($"The blank node label '{label}' in the {position} is not a valid N-Quads BLANK_NODE_LABEL (letters, digits, '_', '-', '.', ':' and similar; not starting with '-' or '.', not ending with '.').", "quad");

    internal static ArgumentException InvalidIriCharacter(string iri, string place, string character, int index) =>
        new($"The IRI <{iri}> in the {place} contains {character} at index {index}; N-Quads IRIs cannot contain spaces, control characters or any of <>\"{{}}|^`\\.", "quad");

    internal static ArgumentException InvalidLanguageTag(string language, string position) =>
        new($"The language tag '{language}' of the literal in the {position} is not a valid N-Quads LANGTAG ([a-zA-Z]+ ('-' [a-zA-Z0-9]+)*).", "quad");

    internal static ArgumentException LoneSurrogate(char whereFirst, string whereRest, int codeUnit, int index) =>
        new($"{whereFirst}{whereRest} contains a lone surrogate U+{codeUnit:X4} at index {index}; it has no UTF-8 encoding, so it cannot be canonicalized or signed.", "quad");

    internal static FormatException ParseError(int line, int column, string problem) =>
        new($"N-Quads line {line}, column {column}: {problem}.");

    internal static InvalidOperationException Utf8EncodingStopped(OperationStatus status) =>
        new($"UTF-8 encoding stopped with {status}: the N-Quads writer let ill-formed UTF-16 through; this is a bug.");
}
