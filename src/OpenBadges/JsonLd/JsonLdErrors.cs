namespace OpenBadges.JsonLd;

/// <summary>
/// The error catalogue of this layer: one factory per message, each naming the field and the rule it broke. Callers
/// write <c>throw JsonLdErrors.Name(...)</c>; a direct <c>throw new</c> of an exception is refused by the
/// OBE0001/OBE0002 analyzer rules (docs/architecture.md, "Errors").
/// </summary>
internal static class JsonLdErrors
{
    internal static JsonLdException PropagateNotBoolean(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtPropagateValue, $"@propagate at {path} must be true or false.");

    internal static JsonLdException NullContextRemovesProtectedTerms(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidContextNullification, $"The null context at {path} would remove protected term definitions.");

    internal static JsonLdException ContextOfWrongKind(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidLocalContext, $"The context at {path} is neither a map, a string nor null.");

    internal static JsonLdException ContextIncludesItself(string url, JsonPath path) =>
        new(JsonLdErrorCodes.RecursiveContextInclusion, $"The context '{url}' (at {path}) includes itself.");

    internal static JsonLdException RemoteContextLoadFailed(string url, JsonPath path, string reason, Exception inner) =>
        new(JsonLdErrorCodes.LoadingRemoteContextFailed, $"Loading the context '{url}' (at {path}) failed: {reason}", inner);

    internal static JsonLdException RemoteContextNotAMap(string url) =>
        new(JsonLdErrorCodes.InvalidRemoteContext, $"The document at '{url}' is not a map with an @context entry.");

    internal static JsonLdException VersionNotOnePointOne(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtVersionValue, $"@version at {path} must be the number 1.1.");

    internal static JsonLdException VersionConflictsWithMode(JsonPath path) =>
        new(JsonLdErrorCodes.ProcessingModeConflict, $"@version 1.1 at {path} conflicts with processing mode json-ld-1.0.");

    internal static JsonLdException ImportInJsonLd10(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidContextEntry, $"@import at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException ImportNotAString(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtImportValue, $"@import at {path} must be a string.");

    internal static JsonLdException ImportedContextNotAMap(string importUrl) =>
        new(JsonLdErrorCodes.InvalidRemoteContext, $"The context imported from '{importUrl}' is not a map.");

    internal static JsonLdException ImportedContextImports(string importUrl) =>
        new(JsonLdErrorCodes.InvalidContextEntry, $"The context imported from '{importUrl}' itself has @import.");

    internal static JsonLdException InvalidBase(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidBaseIri, $"@base at {path} is neither an IRI, a relative IRI with a base to resolve against, nor null.");

    internal static JsonLdException VocabNotAnIri(string vocab, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidVocabMapping, $"@vocab '{vocab}' at {path} is not an IRI or a blank node identifier.");

    internal static JsonLdException VocabOfWrongKind(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidVocabMapping, $"@vocab at {path} must be a string or null.");

    internal static JsonLdException DefaultLanguageOfWrongKind(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidDefaultLanguage, $"@language at {path} must be a string or null.");

    internal static JsonLdException DirectionInJsonLd10(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidContextEntry, $"@direction at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException DefaultDirectionInvalid(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidBaseDirection, $"@direction at {path} must be \"ltr\", \"rtl\" or null.");

    internal static JsonLdException PropagateInJsonLd10(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidContextEntry, $"@propagate at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException ProtectedNotBoolean(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtProtectedValue, $"@protected at {path} must be true or false.");

    internal static JsonLdException CyclicTermDefinition(string term, JsonPath path) =>
        new(JsonLdErrorCodes.CyclicIriMapping, $"The term '{term}' at {path} is defined through itself.");

    internal static JsonLdException EmptyTerm(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"The empty string at {path} cannot be a term.");

    internal static JsonLdException TermDependencyChainTooLong(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"The term '{term}' at {path} depends on a chain of more than {TermDefinitionScope.MaxDependencyDepth} other terms.");

    internal static JsonLdException TypeRedefinedInJsonLd10(JsonPath path) =>
        new(JsonLdErrorCodes.KeywordRedefinition, $"@type at {path} cannot be redefined in json-ld-1.0 mode.");

    internal static JsonLdException TypeRedefinitionTooRich(JsonPath path) =>
        new(JsonLdErrorCodes.KeywordRedefinition, $"@type at {path} may only be given @container: @set and @protected.");

    internal static JsonLdException KeywordRedefined(string term, JsonPath path) =>
        new(JsonLdErrorCodes.KeywordRedefinition, $"The keyword {term} at {path} cannot be redefined.");

    internal static JsonLdException TermDefinitionOfWrongKind(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"The definition of '{term}' at {path} must be a string, a map or null.");

    internal static JsonLdException TermProtectedInJsonLd10(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"@protected in '{term}' at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException TermProtectedNotBoolean(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtProtectedValue, $"@protected in '{term}' at {path} must be true or false.");

    internal static JsonLdException TermTypeNotAString(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTypeMapping, $"@type in '{term}' at {path} must be a string.");

    internal static JsonLdException TermTypeInJsonLd10(string typeMapping, string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTypeMapping, $"@type {typeMapping} in '{term}' at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException TermTypeNotAllowed(string type, string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTypeMapping, $"@type '{type}' in '{term}' at {path} is not @id, @vocab, @json, @none or an absolute IRI.");

    internal static JsonLdException ReverseWithIdOrNest(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidReverseProperty, $"'{term}' at {path} has @reverse together with @id or @nest.");

    internal static JsonLdException ReverseNotAString(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"@reverse in '{term}' at {path} must be a string.");

    internal static JsonLdException ReverseNotAnIri(string reverse, string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"@reverse '{reverse}' in '{term}' at {path} does not expand to an IRI.");

    internal static JsonLdException ReverseContainerInvalid(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidReverseProperty, $"The @container of the reverse property '{term}' at {path} must be @set, @index or null.");

    internal static JsonLdException TermIdNotAString(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"@id in '{term}' at {path} must be a string.");

    internal static JsonLdException TermIdNotAnIri(string id, string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"@id '{id}' in '{term}' at {path} does not expand to an IRI, a blank node identifier or a keyword.");

    internal static JsonLdException ContextAlias(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidKeywordAlias, $"'{term}' at {path} cannot be an alias of @context.");

    internal static JsonLdException IriLikeTermMismatch(string term, JsonPath path, string? expandedTerm, string iriMapping) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"The term '{term}' at {path} looks like an IRI ('{expandedTerm}') but its @id is '{iriMapping}'.");

    internal static JsonLdException TermNotAnIri(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"The term '{term}' at {path} does not expand to an IRI.");

    internal static JsonLdException TermWithoutIdOrVocab(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidIriMapping, $"The term '{term}' at {path} has no @id and there is no @vocab to derive one from.");

    internal static JsonLdException TypeContainerNeedsIdOrVocab(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTypeMapping, $"The @type container '{term}' at {path} needs @type @id or @vocab.");

    internal static JsonLdException ScopedContextInJsonLd10(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"@context in '{term}' at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException ScopedContextInvalid(string term, JsonPath path, string reason, JsonLdException inner) =>
        new(JsonLdErrorCodes.InvalidScopedContext, $"The scoped context of '{term}' at {path} is invalid: {reason}", inner);

    internal static JsonLdException TermLanguageOfWrongKind(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidLanguageMapping, $"@language in '{term}' at {path} must be a string or null.");

    internal static JsonLdException TermDirectionInvalid(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidBaseDirection, $"@direction in '{term}' at {path} must be \"ltr\", \"rtl\" or null.");

    internal static JsonLdException NestInJsonLd10(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"@nest in '{term}' at {path} is not allowed in json-ld-1.0 mode.");

    internal static JsonLdException NestNotATerm(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtNestValue, $"@nest in '{term}' at {path} must be a term or @nest.");

    internal static JsonLdException PrefixNotAllowedHere(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"@prefix in '{term}' at {path} is not allowed here.");

    internal static JsonLdException PrefixNotBoolean(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtPrefixValue, $"@prefix in '{term}' at {path} must be true or false.");

    internal static JsonLdException KeywordAliasAsPrefix(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"The keyword alias '{term}' at {path} cannot be a prefix.");

    internal static JsonLdException TermDefinitionEntryNotAllowed(string entry, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"'{entry}' at {path} is not allowed in a term definition.");

    internal static JsonLdException IndexNeedsIndexContainer(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"@index in '{term}' at {path} needs an @index container (and json-ld-1.1).");

    internal static JsonLdException IndexNotAnIri(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTermDefinition, $"@index in '{term}' at {path} must be a string that expands to an IRI.");

    internal static JsonLdException ProtectedTermRedefined(string term, JsonPath path) =>
        new(JsonLdErrorCodes.ProtectedTermRedefinition, $"The protected term '{term}' cannot be redefined (at {path}).");

    internal static JsonLdException ContainerInvalid(string term, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidContainerMapping, $"@container of '{term}' at {path} is not a valid container mapping.");

    internal static InvalidOperationException ContextImmutable() =>
        new("A processed JSON-LD context is immutable.");

    internal static JsonLdException NumberBeyondDouble(string number) =>
        new(JsonLdErrorCodes.InvalidValueObjectValue, $"A number beyond the range of a double (read as {number}) has no xsd:double literal.");

    internal static ArgumentException NoDocumentLoader(string paramName) =>
        new($"{nameof(JsonLdOptions)}.{nameof(JsonLdOptions.DocumentLoader)} is null; use {nameof(EmbeddedDocumentLoader)}.{nameof(EmbeddedDocumentLoader.Default)} or a loader of your own.", paramName);

    internal static ArgumentOutOfRangeException LimitsOutOfRange(string paramName) =>
        new(paramName, $"{nameof(JsonLdOptions.MaxDepth)} must be at least 1 and {nameof(JsonLdOptions.MaxRemoteContexts)} at least 0.");

    internal static JsonLdException UnknownProcessingMode(string processingMode) =>
        new("invalid processing mode", $"Processing mode '{processingMode}' is neither json-ld-1.1 nor json-ld-1.0.");

    internal static ArgumentException UnknownRdfDirection(string rdfDirection, string paramName) =>
        new($"RdfDirection '{rdfDirection}' is neither i18n-datatype nor compound-literal.", paramName);

    internal static JsonLdSafeModeException SafeModeRefused(JsonLdEvent jsonLdEvent) =>
        new(jsonLdEvent);

    internal static JsonLdException TooManyRemoteContexts(string url, int maxRemoteContexts) =>
        new(JsonLdErrorCodes.ContextOverflow, $"Loading '{url}' would exceed the limit of {maxRemoteContexts} remote contexts per document.");

    internal static JsonLdException DocumentTooDeep(int maxDepth, JsonPath path) =>
        new(JsonLdErrorCodes.MaximumDepthExceeded, $"The document nests objects and arrays deeper than {maxDepth} levels at {path}.");

    internal static JsonLdException ContextsTooDeep(int maxDepth, JsonPath path) =>
        new(JsonLdErrorCodes.MaximumDepthExceeded, $"Contexts nest deeper than {maxDepth} levels at {path}.");

    internal static JsonLdException ReversePropertyHoldsValueObject(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidReversePropertyValue, $"The reverse property '{key}' at {path} has a value or list object as a value.");

    internal static JsonLdException NestValueNotANodeMap(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtNestValue, $"The @nest value at {path} must be a map that is not a value object.");

    internal static JsonLdException KeywordInsideReverse(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidReversePropertyMap, $"The keyword '{key}' at {path} cannot be used inside @reverse.");

    internal static JsonLdException CollidingKeywords(string key, JsonPath path, string expandedProperty) =>
        new(JsonLdErrorCodes.CollidingKeywords, $"'{key}' at {path} is a second {expandedProperty} in the same object.");

    internal static JsonLdException IdNotAString(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtIdValue, $"'{key}' at {path} must be a string.");

    internal static JsonLdException IncludedNotNodeObjects(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtIncludedValue, $"'{key}' at {path} must hold node objects only.");

    internal static JsonLdException JsonLiteralInJsonLd10(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidValueObjectValue, $"'{key}' at {path}: @json is not available in json-ld-1.0 mode.");

    internal static JsonLdException ValueNotAScalar(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidValueObjectValue, $"'{key}' at {path} must be a string, number, boolean or null.");

    internal static JsonLdException LanguageNotAString(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidLanguageTaggedString, $"'{key}' at {path} must be a string.");

    internal static JsonLdException DirectionInvalid(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidBaseDirection, $"'{key}' at {path} must be \"ltr\" or \"rtl\".");

    internal static JsonLdException IndexNotAString(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtIndexValue, $"'{key}' at {path} must be a string.");

    internal static JsonLdException ReverseNotAMap(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidAtReverseValue, $"'{key}' at {path} must be a map.");

    internal static JsonLdException TypeNotStrings(string key, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTypeValue, $"'{key}' at {path} must be a string or an array of strings.");

    internal static JsonLdException LanguageMapEntryNotStrings(string language, JsonPath path) =>
        new(JsonLdErrorCodes.InvalidLanguageMapValue, $"The language map entry '{language}' at {path} must hold strings.");

    internal static JsonLdException ValueObjectWithIndexProperty(JsonPath path, string indexKey) =>
        new(JsonLdErrorCodes.InvalidValueObject, $"The value at {path} is a value object and cannot take the index property '{indexKey}'.");

    internal static JsonLdException ValueObjectEntryNotAllowed(JsonPath path, string entry) =>
        new(JsonLdErrorCodes.InvalidValueObject, $"The value object at {path} has the entry '{entry}', which value objects cannot have.");

    internal static JsonLdException ValueObjectTypeAndLanguage(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidValueObject, $"The value object at {path} has both @type and @language or @direction.");

    internal static JsonLdException LanguageOnNonString(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidLanguageTaggedValue, $"The value object at {path} has @language but its @value is not a string.");

    internal static JsonLdException ValueTypeNotAnIri(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidTypedValue, $"The @type of the value object at {path} is not an absolute IRI.");

    internal static JsonLdException SetOrListWithExtraEntries(JsonPath path) =>
        new(JsonLdErrorCodes.InvalidSetOrListObject, $"The @set or @list object at {path} may only have @index besides.");

    internal static JsonLdException ConflictingIndexes(string id, string existing, string index) =>
        new(JsonLdErrorCodes.ConflictingIndexes, $"The node '{id}' has two different @index values ('{existing}', '{index}').");

    internal static JsonLdException NotExpanded(JsonPath path, string rule) =>
        new(JsonLdErrorCodes.InvalidExpandedInput, $"Not expanded JSON-LD at {path}: {rule}.");

    internal static InvalidOperationException EmbeddedContextMissing(string file) =>
        new($"Embedded context resource '{file}' is missing from the assembly.");

    internal static JsonLdException NotEmbedded(string url) =>
        new("loading document failed", $"The document '{url}' is not one of the embedded contexts, and this loader does not use the network. " + $"To allow it, add it with {nameof(EmbeddedDocumentLoader)}.{nameof(EmbeddedDocumentLoader.With)}(url, document), " + $"or pass an {nameof(IDocumentLoader)} of your own that fetches it.");

    internal static JsonLdException JsonLiteralNotCanonicalizable(string reason, ArgumentException inner) =>
        new(JsonLdErrorCodes.InvalidJsonLiteral, $"The @json literal cannot be canonicalized (RFC 8785): {reason}", inner);
}
