namespace OpenBadges.JsonLd;

/// <summary>
/// The kinds of data loss or ambiguity JSON-LD processing reports as <see cref="JsonLdEvent"/>s (in the
/// spirit of jsonld.js "safe mode"). Each one, left unchecked, means the signed RDF differs from what the
/// JSON says.
/// </summary>
public enum JsonLdEventCode
{
    /// <summary>A key that expands to neither an absolute IRI nor a keyword: the property and its value are dropped.</summary>
    InvalidProperty,
    /// <summary>An <c>@id</c> that stays a relative IRI reference (no base IRI to resolve it against).</summary>
    RelativeIdReference,
    /// <summary>An <c>@type</c> value that stays a relative IRI reference.</summary>
    RelativeTypeReference,
    /// <summary>An <c>@vocab</c> that is a relative IRI reference.</summary>
    RelativeVocabReference,
    /// <summary>A scalar with no property to hang on (top level or directly in <c>@graph</c>): dropped.</summary>
    FreeFloatingScalar,
    /// <summary>A value object or list with no property to hang on: dropped.</summary>
    FreeFloatingValue,
    /// <summary>An empty object with no property to hang on: dropped.</summary>
    EmptyObject,
    /// <summary>A top-level node object whose only entry is <c>@id</c>: dropped (it states nothing).</summary>
    ObjectWithOnlyId,
    /// <summary>An object whose only entry is <c>@language</c>: dropped.</summary>
    ObjectWithOnlyLanguage,
    /// <summary>An <c>@id</c> whose value is null: the entry is dropped.</summary>
    NullId,
    /// <summary>A value object whose <c>@value</c> is null: dropped.</summary>
    NullValue,
    /// <summary>An <c>@id</c> value (in a document or a term definition) of keyword form, such as <c>@foo</c>: dropped.</summary>
    ReservedIdValue,
    /// <summary>An <c>@reverse</c> value of keyword form: the term is ignored.</summary>
    ReservedReverseValue,
    /// <summary>A term of keyword form (such as <c>@foo</c>) in a context: ignored.</summary>
    ReservedTerm,
    /// <summary>A language tag that is not well-formed BCP 47.</summary>
    InvalidLanguage,
    /// <summary>toRdf: a triple whose predicate would be a blank node (not RDF): dropped.</summary>
    BlankNodePredicate,
    /// <summary>toRdf: a named graph whose name is a relative IRI: the whole graph is dropped.</summary>
    RelativeGraphReference,
    /// <summary>toRdf: a property that is a relative IRI: its triples are dropped.</summary>
    RelativePropertyReference,
    /// <summary>toRdf: a subject that is a relative IRI: its triples are dropped.</summary>
    RelativeSubjectReference,
    /// <summary>toRdf: an object (node reference or datatype) that is a relative IRI: the triple is dropped.</summary>
    RelativeObjectReference,
}
