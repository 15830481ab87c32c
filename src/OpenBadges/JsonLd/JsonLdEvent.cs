namespace OpenBadges.JsonLd;

/// <summary>Something JSON-LD processing dropped or could not represent faithfully.</summary>
/// <param name="Code">What happened.</param>
/// <param name="Term">The key, term or value concerned.</param>
/// <param name="Path">Where: a JSON path into the document (<c>$.credentialSubject.foo</c>), or into a context.</param>
/// <param name="Message">A plain-words explanation naming the term and the path.</param>
public sealed record JsonLdEvent(JsonLdEventCode Code, string? Term, string Path, string Message)
{
    /// <summary>The code in words, as in jsonld.js (<c>invalid property</c>, <c>relative @id reference</c>...).</summary>
    public string CodeName => Code switch
    {
        JsonLdEventCode.InvalidProperty => "invalid property",
        JsonLdEventCode.RelativeIdReference => "relative @id reference",
        JsonLdEventCode.RelativeTypeReference => "relative @type reference",
        JsonLdEventCode.RelativeVocabReference => "relative @vocab reference",
        JsonLdEventCode.FreeFloatingScalar => "free-floating scalar",
        JsonLdEventCode.FreeFloatingValue => "free-floating value",
        JsonLdEventCode.EmptyObject => "empty object",
        JsonLdEventCode.ObjectWithOnlyId => "object with only @id",
        JsonLdEventCode.ObjectWithOnlyLanguage => "object with only @language",
        JsonLdEventCode.NullId => "null @id value",
        JsonLdEventCode.NullValue => "null @value value",
        JsonLdEventCode.ReservedIdValue => "reserved @id value",
        JsonLdEventCode.ReservedReverseValue => "reserved @reverse value",
        JsonLdEventCode.ReservedTerm => "reserved term",
        JsonLdEventCode.InvalidLanguage => "invalid @language value",
        JsonLdEventCode.BlankNodePredicate => "blank node predicate",
        JsonLdEventCode.RelativeGraphReference => "relative graph reference",
        JsonLdEventCode.RelativePropertyReference => "relative property reference",
        JsonLdEventCode.RelativeSubjectReference => "relative subject reference",
        JsonLdEventCode.RelativeObjectReference => "relative object reference",
        _ => Code.ToString(),
    };
}
