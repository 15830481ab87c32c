namespace OpenBadges.Rdf;

/// <summary>
/// An immutable RDF term. Blank node labels are stored without the <c>_:</c> prefix.
/// Literals always carry a datatype; language-tagged strings use <see cref="RdfVocabulary.LangString"/>.
/// </summary>
public sealed class RdfTerm : IEquatable<RdfTerm>
{
    /// <summary>The default graph.</summary>
    public static readonly RdfTerm DefaultGraph = new(RdfTermKind.DefaultGraph, string.Empty, null, null);

    private int _hashCode;

    private RdfTerm(RdfTermKind kind, string value, string? datatype, string? language)
    {
        Kind = kind;
        Value = value;
        Datatype = datatype;
        Language = language;
    }

    /// <summary>What kind of term this is.</summary>
    public RdfTermKind Kind { get; }

    /// <summary>The IRI, the blank node label (without <c>_:</c>) or the literal's lexical form.</summary>
    public string Value { get; }

    /// <summary>The literal's datatype IRI; <see langword="null"/> for other kinds.</summary>
    public string? Datatype { get; }

    /// <summary>The literal's language tag, for <c>rdf:langString</c> literals only.</summary>
    public string? Language { get; }

    /// <summary>True for IRIs.</summary>
    public bool IsIri => Kind == RdfTermKind.Iri;

    /// <summary>True for blank nodes.</summary>
    public bool IsBlankNode => Kind == RdfTermKind.BlankNode;

    /// <summary>True for literals.</summary>
    public bool IsLiteral => Kind == RdfTermKind.Literal;

    /// <summary>Makes an IRI term.</summary>
    public static RdfTerm Iri(string iri)
    {
        ArgumentNullException.ThrowIfNull(iri);
        return new RdfTerm(RdfTermKind.Iri, iri, null, null);
    }

    /// <summary>Makes a blank node term; <paramref name="label"/> is given without <c>_:</c>.</summary>
    public static RdfTerm BlankNode(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.StartsWith("_:", StringComparison.Ordinal))
        {
            label = label[2..];
        }

        return new RdfTerm(RdfTermKind.BlankNode, label, null, null);
    }

    /// <summary>Makes a literal. With a language tag the datatype is <c>rdf:langString</c>.</summary>
    public static RdfTerm Literal(string lexicalForm, string? datatype = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(lexicalForm);
        if (language is not null)
        {
            return new RdfTerm(RdfTermKind.Literal, lexicalForm, RdfVocabulary.LangString, language);
        }

        return new RdfTerm(RdfTermKind.Literal, lexicalForm, datatype ?? RdfVocabulary.XsdString, null);
    }

    /// <inheritdoc/>
    public bool Equals(RdfTerm? other) =>
        other is not null &&
        Kind == other.Kind &&
        string.Equals(Value, other.Value, StringComparison.Ordinal) &&
        string.Equals(Datatype, other.Datatype, StringComparison.Ordinal) &&
        string.Equals(Language, other.Language, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RdfTerm);

    /// <inheritdoc/>
    /// <remarks>
    /// Computed once: a term is immutable, and canonicalization hashes each quad (so each term) at least once. The
    /// kind and value only: terms that differ just by datatype or language are rare, and equality still compares
    /// them; hashing the (long, repeated) datatype IRIs too cost more than the dedup it serves.
    /// </remarks>
    public override int GetHashCode()
    {
        var hash = _hashCode;
        if (hash == 0)
        {
            hash = HashCode.Combine(Kind, Value);
            _hashCode = hash == 0 ? 1 : hash;
        }

        return hash;
    }

    /// <summary>The term in N-Quads syntax.</summary>
    public override string ToString() => Kind switch
    {
        RdfTermKind.Iri => "<" + Value + ">",
        RdfTermKind.BlankNode => "_:" + Value,
        RdfTermKind.DefaultGraph => string.Empty,
        _ => Language is not null ? $"\"{Value}\"@{Language}" : $"\"{Value}\"^^<{Datatype}>",
    };
}
