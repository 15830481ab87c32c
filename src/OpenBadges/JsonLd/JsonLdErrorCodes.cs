namespace OpenBadges.JsonLd;

/// <summary>The error codes of the JSON-LD 1.1 API (section 9.4.2), spelled exactly as the spec does.</summary>
public static class JsonLdErrorCodes
{
#pragma warning disable CS1591 // The names are the codes; each is documented by the specification.
    public const string CollidingKeywords = "colliding keywords";
    public const string ContextOverflow = "context overflow";
    public const string ConflictingIndexes = "conflicting indexes";
    public const string CyclicIriMapping = "cyclic IRI mapping";
    public const string InvalidAtIdValue = "invalid @id value";
    public const string InvalidAtImportValue = "invalid @import value";
    public const string InvalidAtIncludedValue = "invalid @included value";
    public const string InvalidAtIndexValue = "invalid @index value";
    public const string InvalidAtNestValue = "invalid @nest value";
    public const string InvalidAtPrefixValue = "invalid @prefix value";
    public const string InvalidAtPropagateValue = "invalid @propagate value";
    public const string InvalidAtProtectedValue = "invalid @protected value";
    public const string InvalidAtReverseValue = "invalid @reverse value";
    public const string InvalidAtVersionValue = "invalid @version value";
    public const string InvalidBaseDirection = "invalid base direction";
    public const string InvalidBaseIri = "invalid base IRI";
    public const string InvalidContainerMapping = "invalid container mapping";
    public const string InvalidContextEntry = "invalid context entry";
    public const string InvalidContextNullification = "invalid context nullification";
    public const string InvalidDefaultLanguage = "invalid default language";
    public const string InvalidIriMapping = "invalid IRI mapping";
    public const string InvalidJsonLiteral = "invalid JSON literal";
    public const string InvalidKeywordAlias = "invalid keyword alias";
    public const string InvalidLanguageMapValue = "invalid language map value";
    public const string InvalidLanguageMapping = "invalid language mapping";
    public const string InvalidLanguageTaggedString = "invalid language-tagged string";
    public const string InvalidLanguageTaggedValue = "invalid language-tagged value";
    public const string InvalidLocalContext = "invalid local context";
    public const string InvalidRemoteContext = "invalid remote context";
    public const string InvalidReverseProperty = "invalid reverse property";
    public const string InvalidReversePropertyMap = "invalid reverse property map";
    public const string InvalidReversePropertyValue = "invalid reverse property value";
    public const string InvalidScopedContext = "invalid scoped context";
    public const string InvalidSetOrListObject = "invalid set or list object";
    public const string InvalidTermDefinition = "invalid term definition";
    public const string InvalidTypeMapping = "invalid type mapping";
    public const string InvalidTypeValue = "invalid type value";
    public const string InvalidTypedValue = "invalid typed value";
    public const string InvalidValueObject = "invalid value object";
    public const string InvalidValueObjectValue = "invalid value object value";
    public const string InvalidVocabMapping = "invalid vocab mapping";
    public const string IriConfusedWithPrefix = "IRI confused with prefix";
    public const string KeywordRedefinition = "keyword redefinition";
    public const string LoadingDocumentFailed = "loading document failed";
    public const string LoadingRemoteContextFailed = "loading remote context failed";
    public const string MultipleContextLinkHeaders = "multiple context link headers";
    public const string ProcessingModeConflict = "processing mode conflict";
    public const string ProtectedTermRedefinition = "protected term redefinition";
    public const string RecursiveContextInclusion = "recursive context inclusion";
    public const string InvalidProcessingMode = "invalid processing mode";

    /// <summary>Not a spec code: the input nests deeper than <see cref="JsonLdOptions.MaxDepth"/>.</summary>
    public const string MaximumDepthExceeded = "maximum depth exceeded";
#pragma warning restore CS1591
}
