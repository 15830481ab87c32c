using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using OpenBadges.Internal;

namespace OpenBadges.JsonLd;

/// <summary>
/// Context Processing (spec 4.1.2) and Create Term Definition (spec 4.2.2). Results are cached per loader
/// (<see cref="ContextCache"/>): a context applied a second time to the same active context costs one lookup.
/// </summary>
internal static class ContextProcessor
{
    private static readonly string[] ContextLevelKeywords =
        [Keywords.Base, Keywords.Direction, Keywords.Import, Keywords.Language, Keywords.Propagate, Keywords.Protected, Keywords.Version, Keywords.Vocab];

    private static readonly string[] TermDefinitionKeys =
        [Keywords.Id, Keywords.Reverse, Keywords.Container, Keywords.Context, Keywords.Direction, Keywords.Index, Keywords.Language, Keywords.Nest, Keywords.Prefix, Keywords.Protected, Keywords.Type];

    /// <summary>
    /// Applies <paramref name="localContext"/> to <paramref name="active"/>, through the cache.
    /// <paramref name="ownedToken"/>: the token is a scoped context held by a term definition (never mutated).
    /// </summary>
    public static Context Process(
        JsonLdRun run,
        Context active,
        JToken localContext,
        string? baseUrl,
        JsonPath path,
        bool overrideProtected = false,
        bool propagate = true,
        bool ownedToken = false)
    {
        var key = new ContextCache.Key(active.Id, ContextCache.ContentKey(localContext, ownedToken), baseUrl, overrideProtected, propagate);

        // The cache answers almost every call on the signing path: look first, so the hit builds no closure (the
        // closure's captured state lives in ProcessUncached, or C# would allocate it on entry here, hit or not).
        return FromCache(run, key) ?? ProcessUncached(run, key, active, localContext, baseUrl, path, overrideProtected, propagate);
    }

    private static Context ProcessUncached(JsonLdRun run, ContextCache.Key key, Context active, JToken localContext, string? baseUrl, JsonPath path, bool overrideProtected, bool propagate) =>
        Cached(run, key, () => ProcessCore(run, active, localContext, baseUrl, path, [], overrideProtected, propagate, validateScopedContext: true));

    // A processed context from the cache, its recorded events replayed; null when it is not there.
    private static Context? FromCache(JsonLdRun run, in ContextCache.Key key)
    {
        if (!run.Cache.TryGetProcessed(key, out var entry))
        {
            return null;
        }

        foreach (var recorded in entry.Events)
        {
            run.Emit(recorded);
        }

        return entry.Context;
    }

    private static Context Cached(JsonLdRun run, ContextCache.Key key, Func<Context> process)
    {
        if (FromCache(run, key) is { } cached)
        {
            return cached;
        }

        var outer = run.StartRecording(out var recording);
        Context result;
        try
        {
            result = process();
        }
        finally
        {
            run.StopRecording(outer, recording);
        }

        run.Cache.StoreProcessed(key, new ContextCache.Entry(result, [.. recording]));
        return result;
    }

    private static Context ProcessCore(
        JsonLdRun run,
        Context active,
        JToken localContext,
        string? baseUrl,
        JsonPath path,
        ImmutableHashSet<string> remoteContexts,
        bool overrideProtected,
        bool propagate,
        bool validateScopedContext)
    {
        run.CancellationToken.ThrowIfCancellationRequested();
        using var nesting = run.EnterContext(path);

        // Step 1.
        var result = active.CloneForUpdate();

        // Step 2.
        if (localContext is JObject localMap && localMap.TryGetValue(Keywords.Propagate, out var propagateValue))
        {
            if (propagateValue.Type != JTokenType.Boolean)
            {
                throw JsonLdErrors.PropagateNotBoolean(path);
            }

            propagate = (bool)propagateValue;
        }

        // Step 3.
        if (!propagate && result.PreviousContext is null)
        {
            result.SetPreviousContext(active);
        }

        // Step 4.
        var items = localContext is JArray array ? (IList<JToken>)array : [localContext];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemPath = localContext is JArray ? path.Index(i) : path;

            // Step 5.1: null resets the context.
            if (item.Type == JTokenType.Null)
            {
                if (!overrideProtected && result.HasProtectedTerms)
                {
                    throw JsonLdErrors.NullContextRemovesProtectedTerms(itemPath);
                }

                var previousResult = result;
                result = active.NullifiedCopy();
                if (!propagate)
                {
                    result.SetPreviousContext(previousResult);
                }

                continue;
            }

            // Step 5.2: a remote context.
            if (item.Type == JTokenType.String)
            {
                var url = IriResolver.Resolve(baseUrl, (string)item!);
                if (remoteContexts.IsEmpty && validateScopedContext)
                {
                    // Each remote context is cached on its own too, so documents that combine the same
                    // contexts differently still reuse the processing of each one.
                    var current = result;
                    var key = new ContextCache.Key(current.Id, "\"" + url, null, false, true);
                    result = Cached(run, key, () => Dereference(run, current, url, itemPath, remoteContexts, validateScopedContext));
                }
                else
                {
                    result = Dereference(run, result, url, itemPath, remoteContexts, validateScopedContext);
                }

                continue;
            }

            // Step 5.3.
            if (item is not JObject definition)
            {
                throw JsonLdErrors.ContextOfWrongKind(itemPath);
            }

            // A remote context just applied came back finished (and possibly cached): build on a copy.
            if (result.IsFrozen)
            {
                result = result.CloneForUpdate();
            }

            ProcessDefinition(run, result, definition, baseUrl, itemPath, remoteContexts, overrideProtected, validateScopedContext);
        }

        // Step 6.
        return result.Freeze();
    }

    // Steps 5.2.2 to 5.2.6.
    private static Context Dereference(
        JsonLdRun run,
        Context result,
        string url,
        JsonPath path,
        ImmutableHashSet<string> remoteContexts,
        bool validateScopedContext)
    {
        if (remoteContexts.Contains(url))
        {
            // 5.2.2: while validating a scoped context a repeat is harmless; elsewhere it would never end.
            if (!validateScopedContext)
            {
                return result;
            }

            throw JsonLdErrors.ContextIncludesItself(url, path);
        }

        // 5.2.3.
        run.CountRemoteContext(url);
        var document = LoadContextDocument(run, url, path);
        return ProcessCore(
            run,
            result,
            document.Context,
            document.DocumentUrl,
            JsonPath.OfDocument(url).Key(Keywords.Context),
            remoteContexts.Add(url),
            overrideProtected: false,
            propagate: true,
            validateScopedContext);
    }

    private static (JToken Context, string DocumentUrl) LoadContextDocument(JsonLdRun run, string url, JsonPath path)
    {
        RemoteDocument document;
        try
        {
            document = run.Cache.LoadDocument(url, run.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw JsonLdErrors.RemoteContextLoadFailed(url, path, e.Message, e);
        }

        if (document.Document is not JObject map || !map.TryGetValue(Keywords.Context, out var context))
        {
            throw JsonLdErrors.RemoteContextNotAMap(url);
        }

        return (context, document.DocumentUrl);
    }

    // Steps 5.5 to 5.13: one context definition (a map).
    private static void ProcessDefinition(
        JsonLdRun run,
        Context result,
        JObject definition,
        string? baseUrl,
        JsonPath path,
        ImmutableHashSet<string> remoteContexts,
        bool overrideProtected,
        bool validateScopedContext)
    {
        // Step 5.5.
        if (definition.TryGetValue(Keywords.Version, out var version))
        {
            if (version.Type != JTokenType.Float || (double)version! != 1.1)
            {
                throw JsonLdErrors.VersionNotOnePointOne(path);
            }

            if (result.IsJsonLd10)
            {
                throw JsonLdErrors.VersionConflictsWithMode(path);
            }
        }

        // Step 5.6.
        if (definition.TryGetValue(Keywords.Import, out var import))
        {
            if (result.IsJsonLd10)
            {
                throw JsonLdErrors.ImportInJsonLd10(path);
            }

            if (import.Type != JTokenType.String)
            {
                throw JsonLdErrors.ImportNotAString(path);
            }

            var importUrl = IriResolver.Resolve(baseUrl, (string)import!);
            run.CountRemoteContext(importUrl);
            var (importContext, _) = LoadContextDocument(run, importUrl, path.Key(Keywords.Import));
            if (importContext is not JObject importMap)
            {
                throw JsonLdErrors.ImportedContextNotAMap(importUrl);
            }

            if (importMap.ContainsKey(Keywords.Import))
            {
                throw JsonLdErrors.ImportedContextImports(importUrl);
            }

            // 5.6.8: the importing context's own entries win.
            var merged = new JObject();
            foreach (var property in importMap.Properties())
            {
                merged[property.Name] = property.Value;
            }

            foreach (var property in definition.Properties())
            {
                merged[property.Name] = property.Value;
            }

            definition = merged;
        }

        // Step 5.7: @base counts only in the document's own contexts, not in remote ones.
        if (definition.TryGetValue(Keywords.Base, out var baseValue) && remoteContexts.IsEmpty)
        {
            if (baseValue.Type == JTokenType.Null)
            {
                result.SetBaseIri(null);
            }
            else if (baseValue.Type == JTokenType.String && IriResolver.HasScheme((string)baseValue!))
            {
                // Kept exactly as written: dot segments in a base matter to later resolution (toRdf#t0125).
                result.SetBaseIri((string)baseValue!);
            }
            else if (baseValue.Type == JTokenType.String && result.BaseIri is not null)
            {
                result.SetBaseIri(IriResolver.Resolve(result.BaseIri, (string)baseValue!));
            }
            else
            {
                throw JsonLdErrors.InvalidBase(path);
            }
        }

        // Step 5.8.
        if (definition.TryGetValue(Keywords.Vocab, out var vocab))
        {
            if (vocab.Type == JTokenType.Null)
            {
                result.SetVocab(null);
            }
            else if (vocab.Type == JTokenType.String)
            {
                var text = (string)vocab!;
                var expanded = IriExpansion.Expand(run, result, text, documentRelative: true, vocab: true);
                if (expanded is null || (result.IsJsonLd10 && !IriResolver.HasScheme(expanded) && !IriResolver.IsBlankNode(expanded)) || Keywords.IsKeyword(expanded))
                {
                    throw JsonLdErrors.VocabNotAnIri(text, path);
                }

                if (!IriResolver.HasScheme(expanded) && !IriResolver.IsBlankNode(expanded))
                {
                    run.Emit(
                        JsonLdEventCode.RelativeVocabReference,
                        text,
                        path.Key(Keywords.Vocab),
                        $"@vocab '{text}' at {path.Key(Keywords.Vocab)} is a relative IRI reference and there is no base IRI to resolve it against");
                }

                result.SetVocab(expanded);
            }
            else
            {
                throw JsonLdErrors.VocabOfWrongKind(path);
            }
        }

        // Step 5.9.
        if (definition.TryGetValue(Keywords.Language, out var language))
        {
            if (language.Type == JTokenType.Null)
            {
                result.SetDefaultLanguage(null);
            }
            else if (language.Type == JTokenType.String)
            {
                var tag = (string)language!;
                CheckLanguageTag(run, tag, path.Key(Keywords.Language));
                result.SetDefaultLanguage(tag.ToLowerInvariant());
            }
            else
            {
                throw JsonLdErrors.DefaultLanguageOfWrongKind(path);
            }
        }

        // Step 5.10.
        if (definition.TryGetValue(Keywords.Direction, out var direction))
        {
            if (result.IsJsonLd10)
            {
                throw JsonLdErrors.DirectionInJsonLd10(path);
            }

            result.SetDefaultDirection(direction.Type switch
            {
                JTokenType.Null => null,
                JTokenType.String when (string)direction! is "ltr" or "rtl" => (string)direction!,
                _ => throw JsonLdErrors.DefaultDirectionInvalid(path),
            });
        }

        // Step 5.11.
        if (definition.TryGetValue(Keywords.Propagate, out var propagate))
        {
            if (result.IsJsonLd10)
            {
                throw JsonLdErrors.PropagateInJsonLd10(path);
            }

            if (propagate.Type != JTokenType.Boolean)
            {
                throw JsonLdErrors.PropagateNotBoolean(path);
            }
        }

        var isProtected = false;
        if (definition.TryGetValue(Keywords.Protected, out var protectedValue))
        {
            if (protectedValue.Type != JTokenType.Boolean)
            {
                throw JsonLdErrors.ProtectedNotBoolean(path);
            }

            isProtected = (bool)protectedValue;
        }

        // Steps 5.12 and 5.13.
        var scope = new TermDefinitionScope(definition, baseUrl, isProtected, overrideProtected, remoteContexts, validateScopedContext, path);
        foreach (var property in definition.Properties())
        {
            if (Array.IndexOf(ContextLevelKeywords, property.Name) < 0)
            {
                CreateTermDefinition(run, result, scope, property.Name);
            }
        }
    }

    /// <summary>Create Term Definition (spec 4.2.2) for <paramref name="term"/> of <paramref name="scope"/>'s local context.</summary>
    public static void CreateTermDefinition(JsonLdRun run, Context active, TermDefinitionScope scope, string term)
    {
        var path = scope.Path.Key(term);

        // Step 1.
        var state = scope.State(term);
        if (state == true)
        {
            return;
        }

        if (state == false)
        {
            throw JsonLdErrors.CyclicTermDefinition(term, path);
        }

        // Step 2.
        if (term.Length == 0)
        {
            throw JsonLdErrors.EmptyTerm(path);
        }

        if (++scope.Depth > TermDefinitionScope.MaxDependencyDepth)
        {
            throw JsonLdErrors.TermDependencyChainTooLong(term, path);
        }

        try
        {
            scope.MarkStarted(term);
            DefineTerm(run, active, scope, term, path);
        }
        finally
        {
            scope.Depth--;
        }
    }

    private static void DefineTerm(JsonLdRun run, Context active, TermDefinitionScope scope, string term, JsonPath path)
    {
        // Step 3.
        var value = scope.LocalContext[term]!;

        // Step 4.
        if (term == Keywords.Type)
        {
            if (active.IsJsonLd10)
            {
                throw JsonLdErrors.TypeRedefinedInJsonLd10(path);
            }

            var valid = value is JObject typeMap && typeMap.Count > 0 && typeMap.Properties().All(p =>
                (p.Name == Keywords.Container && p.Value.Type == JTokenType.String && (string)p.Value! == Keywords.Set) ||
                p.Name == Keywords.Protected);
            if (!valid)
            {
                throw JsonLdErrors.TypeRedefinitionTooRich(path);
            }
        }
        else if (Keywords.IsKeyword(term))
        {
            // Step 5.
            throw JsonLdErrors.KeywordRedefined(term, path);
        }
        else if (Keywords.HasKeywordForm(term))
        {
            run.Emit(JsonLdEventCode.ReservedTerm, term, path, $"the term '{term}' at {path} has the form of a keyword, which JSON-LD reserves; it is ignored");
            scope.MarkDefined(term);
            return;
        }

        // Step 6.
        var previous = active.RemoveTerm(term);

        // Steps 7 to 9.
        JObject map;
        var simpleTerm = false;
        switch (value.Type)
        {
            case JTokenType.Null:
                map = new JObject { [Keywords.Id] = null };
                break;
            case JTokenType.String:
                map = new JObject { [Keywords.Id] = value.DeepClone() };
                simpleTerm = true;
                break;
            case JTokenType.Object:
                map = (JObject)value;
                break;
            default:
                throw JsonLdErrors.TermDefinitionOfWrongKind(term, path);
        }

        // Step 10.
        string? iriMapping = null;
        var isPrefix = false;
        string? typeMapping = null;

        // Step 11.
        var isProtected = scope.IsProtected;
        if (map.TryGetValue(Keywords.Protected, out var protectedValue))
        {
            if (active.IsJsonLd10)
            {
                throw JsonLdErrors.TermProtectedInJsonLd10(term, path);
            }

            if (protectedValue.Type != JTokenType.Boolean)
            {
                throw JsonLdErrors.TermProtectedNotBoolean(term, path);
            }

            isProtected = (bool)protectedValue;
        }

        // Step 12.
        if (map.TryGetValue(Keywords.Type, out var typeValue))
        {
            if (typeValue.Type != JTokenType.String)
            {
                throw JsonLdErrors.TermTypeNotAString(term, path);
            }

            typeMapping = IriExpansion.Expand(run, active, (string)typeValue!, vocab: true, scope: scope);
            if (typeMapping is Keywords.Json or Keywords.None && active.IsJsonLd10)
            {
                throw JsonLdErrors.TermTypeInJsonLd10(typeMapping, term, path);
            }

            if (typeMapping is null || !(typeMapping is Keywords.Id or Keywords.Vocab or Keywords.Json or Keywords.None || IriResolver.HasScheme(typeMapping)))
            {
                throw JsonLdErrors.TermTypeNotAllowed((string)typeValue!, term, path);
            }
        }

        // Step 13: a reverse property.
        if (map.TryGetValue(Keywords.Reverse, out var reverseValue))
        {
            if (map.ContainsKey(Keywords.Id) || map.ContainsKey(Keywords.Nest))
            {
                throw JsonLdErrors.ReverseWithIdOrNest(term, path);
            }

            if (reverseValue.Type != JTokenType.String)
            {
                throw JsonLdErrors.ReverseNotAString(term, path);
            }

            var reverseText = (string)reverseValue!;
            if (Keywords.HasKeywordForm(reverseText))
            {
                run.Emit(JsonLdEventCode.ReservedReverseValue, term, path, $"@reverse '{reverseText}' of the term '{term}' at {path} has the form of a keyword; the term is ignored");
                scope.MarkDefined(term);
                return;
            }

            var reverseIri = IriExpansion.Expand(run, active, reverseText, vocab: true, scope: scope);
            if (reverseIri is null || !reverseIri.Contains(':', StringComparison.Ordinal) || Keywords.IsKeyword(reverseIri))
            {
                throw JsonLdErrors.ReverseNotAnIri(reverseText, term, path);
            }

            var reverseContainer = ContainerKinds.None;
            if (map.TryGetValue(Keywords.Container, out var reverseContainerValue))
            {
                reverseContainer = reverseContainerValue.Type switch
                {
                    JTokenType.Null => ContainerKinds.None,
                    JTokenType.String when (string)reverseContainerValue! == Keywords.Set => ContainerKinds.Set,
                    JTokenType.String when (string)reverseContainerValue! == Keywords.Index => ContainerKinds.Index,
                    _ => throw JsonLdErrors.ReverseContainerInvalid(term, path),
                };
            }

            // The spec returns here without looking at @index, but a reverse property may well have a
            // property-valued index (expand#t0131), so it is read as in step 20.
            var reverseIndex = map.ContainsKey(Keywords.Index) ? ParseIndexMapping(run, active, scope, map[Keywords.Index]!, reverseContainer, term, path) : null;
            var reverseDefinition = new TermDefinition
            {
                IriMapping = reverseIri,
                IsReverse = true,
                TypeMapping = typeMapping,
                Container = reverseContainer,
                IndexMapping = reverseIndex,
                IsProtected = isProtected,
            };
            Store(active, scope, term, path, reverseDefinition, previous);
            return;
        }

        // Step 14.
        if (map.TryGetValue(Keywords.Id, out var idValue) && !(idValue.Type == JTokenType.String && (string)idValue! == term))
        {
            if (idValue.Type == JTokenType.Null)
            {
                // 14.1: the term is kept, mapped to nothing, so it hides @vocab and can be detected when redefined.
                iriMapping = null;
            }
            else
            {
                if (idValue.Type != JTokenType.String)
                {
                    throw JsonLdErrors.TermIdNotAString(term, path);
                }

                var idText = (string)idValue!;
                if (!Keywords.IsKeyword(idText) && Keywords.HasKeywordForm(idText))
                {
                    run.Emit(JsonLdEventCode.ReservedIdValue, term, path, $"@id '{idText}' of the term '{term}' at {path} has the form of a keyword; the term is ignored");
                    scope.MarkDefined(term);
                    return;
                }

                iriMapping = IriExpansion.Expand(run, active, idText, vocab: true, scope: scope);
                if (iriMapping is null || !(Keywords.IsKeyword(iriMapping) || iriMapping.Contains(':', StringComparison.Ordinal)))
                {
                    throw JsonLdErrors.TermIdNotAnIri(idText, term, path);
                }

                if (iriMapping == Keywords.Context)
                {
                    throw JsonLdErrors.ContextAlias(term, path);
                }

                // 14.2.4: a term that looks like a compact IRI or an IRI must expand to its own @id.
                var innerColon = term.IndexOf(':', 1);
                if ((innerColon > 0 && innerColon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
                {
                    scope.MarkDefined(term);
                    var expandedTerm = IriExpansion.Expand(run, active, term, vocab: true, scope: scope);
                    if (expandedTerm != iriMapping)
                    {
                        throw JsonLdErrors.IriLikeTermMismatch(term, path, expandedTerm, iriMapping);
                    }
                }

                // 14.2.5.
                if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm &&
                    (IriResolver.IsBlankNode(iriMapping) || (iriMapping.Length > 0 && ":/?#[]@".Contains(iriMapping[^1], StringComparison.Ordinal))))
                {
                    isPrefix = true;
                }
            }
        }
        else if (term.Length > 1 && term.IndexOf(':', 1) > 0)
        {
            // Step 15: a compact IRI, an IRI or a blank node identifier used as a term.
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            var suffix = term[(colon + 1)..];
            var isCompactIri = prefix != "_" && !suffix.StartsWith("//", StringComparison.Ordinal);
            if (isCompactIri && scope.LocalContext.ContainsKey(prefix))
            {
                CreateTermDefinition(run, active, scope, prefix);
            }

            var prefixDefinition = isCompactIri ? active.Term(prefix) : null;
            iriMapping = prefixDefinition?.IriMapping is not null ? prefixDefinition.IriMapping + suffix : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            // Step 16: a relative IRI reference used as a term. Expanded without the local context: the term
            // itself is in it, and looking it up would be a cycle (expand#ter49).
            iriMapping = IriExpansion.Expand(run, active, term, vocab: true);
            if (iriMapping is null || !IriResolver.HasScheme(iriMapping))
            {
                throw JsonLdErrors.TermNotAnIri(term, path);
            }
        }
        else if (term == Keywords.Type)
        {
            // Step 17.
            iriMapping = Keywords.Type;
        }
        else if (active.Vocab is not null)
        {
            // Step 18.
            iriMapping = active.Vocab + term;
        }
        else
        {
            throw JsonLdErrors.TermWithoutIdOrVocab(term, path);
        }

        // Step 19.
        var container = ContainerKinds.None;
        if (map.TryGetValue(Keywords.Container, out var containerValue))
        {
            container = ParseContainer(containerValue, active.IsJsonLd10, term, path);
            if ((container & ContainerKinds.Type) != 0)
            {
                typeMapping ??= Keywords.Id;
                if (typeMapping is not (Keywords.Id or Keywords.Vocab))
                {
                    throw JsonLdErrors.TypeContainerNeedsIdOrVocab(term, path);
                }
            }
        }

        // Step 20.
        string? indexMapping = null;
        if (map.TryGetValue(Keywords.Index, out var indexValue))
        {
            indexMapping = ParseIndexMapping(run, active, scope, indexValue, container, term, path);
        }

        // Step 21: validate the scoped context now; it is applied (again, cached) where it is used.
        JToken? scopedContext = null;
        if (map.TryGetValue(Keywords.Context, out var contextValue))
        {
            if (active.IsJsonLd10)
            {
                throw JsonLdErrors.ScopedContextInJsonLd10(term, path);
            }

            try
            {
                using (run.SuppressEvents())
                {
                    ProcessCore(run, active, contextValue, scope.BaseUrl, path.Key(Keywords.Context), scope.RemoteContexts, overrideProtected: true, propagate: true, validateScopedContext: false);
                }
            }
            catch (JsonLdException e) when (e is not JsonLdSafeModeException)
            {
                throw JsonLdErrors.ScopedContextInvalid(term, path, e.Message, e);
            }

            // A private copy: the definition is cached and shared, the caller's token might change.
            scopedContext = contextValue.DeepClone();
        }

        // Steps 22 and 23.
        var hasLanguage = false;
        string? languageMapping = null;
        var hasDirection = false;
        string? directionMapping = null;
        if (!map.ContainsKey(Keywords.Type))
        {
            if (map.TryGetValue(Keywords.Language, out var languageValue))
            {
                if (languageValue.Type is not (JTokenType.Null or JTokenType.String))
                {
                    throw JsonLdErrors.TermLanguageOfWrongKind(term, path);
                }

                hasLanguage = true;
                languageMapping = languageValue.Type == JTokenType.String ? ((string)languageValue!).ToLowerInvariant() : null;
                if (languageMapping is not null)
                {
                    CheckLanguageTag(run, languageMapping, path.Key(Keywords.Language));
                }
            }

            if (map.TryGetValue(Keywords.Direction, out var directionValue))
            {
                hasDirection = true;
                directionMapping = directionValue.Type switch
                {
                    JTokenType.Null => null,
                    JTokenType.String when (string)directionValue! is "ltr" or "rtl" => (string)directionValue!,
                    _ => throw JsonLdErrors.TermDirectionInvalid(term, path),
                };
            }
        }

        // Step 24.
        string? nestValue = null;
        if (map.TryGetValue(Keywords.Nest, out var nest))
        {
            if (active.IsJsonLd10)
            {
                throw JsonLdErrors.NestInJsonLd10(term, path);
            }

            if (nest.Type != JTokenType.String || (Keywords.IsKeyword((string)nest!) && (string)nest! != Keywords.Nest))
            {
                throw JsonLdErrors.NestNotATerm(term, path);
            }

            nestValue = (string)nest!;
        }

        // Step 25.
        if (map.TryGetValue(Keywords.Prefix, out var prefixValue))
        {
            if (active.IsJsonLd10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw JsonLdErrors.PrefixNotAllowedHere(term, path);
            }

            if (prefixValue.Type != JTokenType.Boolean)
            {
                throw JsonLdErrors.PrefixNotBoolean(term, path);
            }

            isPrefix = (bool)prefixValue;
            if (isPrefix && Keywords.IsKeyword(iriMapping))
            {
                throw JsonLdErrors.KeywordAliasAsPrefix(term, path);
            }
        }

        // Step 26.
        foreach (var property in map.Properties())
        {
            if (Array.IndexOf(TermDefinitionKeys, property.Name) < 0)
            {
                throw JsonLdErrors.TermDefinitionEntryNotAllowed(property.Name, path);
            }
        }

        var definition = new TermDefinition
        {
            IriMapping = iriMapping,
            IsPrefix = isPrefix,
            IsProtected = isProtected,
            TypeMapping = typeMapping,
            HasLanguageMapping = hasLanguage,
            LanguageMapping = languageMapping,
            HasDirectionMapping = hasDirection,
            DirectionMapping = directionMapping,
            Container = container,
            IndexMapping = indexMapping,
            NestValue = nestValue,
            LocalContext = scopedContext,
            BaseUrl = scopedContext is null ? null : scope.BaseUrl,
        };
        Store(active, scope, term, path, definition, previous);
    }

    // Step 20.
    private static string ParseIndexMapping(JsonLdRun run, Context active, TermDefinitionScope scope, JToken indexValue, ContainerKinds container, string term, JsonPath path)
    {
        if (active.IsJsonLd10 || (container & ContainerKinds.Index) == 0)
        {
            throw JsonLdErrors.IndexNeedsIndexContainer(term, path);
        }

        var expandedIndex = indexValue.Type == JTokenType.String ? IriExpansion.Expand(run, active, (string)indexValue!, vocab: true, scope: scope) : null;
        if (expandedIndex is null || Keywords.IsKeyword(expandedIndex) || !IriResolver.HasScheme(expandedIndex))
        {
            throw JsonLdErrors.IndexNotAnIri(term, path);
        }

        return (string)indexValue!;
    }

    // Steps 27 and 28.
    private static void Store(Context active, TermDefinitionScope scope, string term, JsonPath path, TermDefinition definition, TermDefinition? previous)
    {
        if (!scope.OverrideProtected && previous is { IsProtected: true })
        {
            if (!definition.SameDefinitionAs(previous))
            {
                throw JsonLdErrors.ProtectedTermRedefined(term, path);
            }

            definition = previous;
        }

        active.SetTerm(term, definition);
        scope.MarkDefined(term);
    }

    private static ContainerKinds ParseContainer(JToken value, bool jsonLd10, string term, JsonPath path)
    {
        JsonLdException Invalid() => JsonLdErrors.ContainerInvalid(term, path);

        var kinds = ContainerKinds.None;
        var values = value is JArray array ? (IList<JToken>)array : [value];
        if (values.Count == 0 || (jsonLd10 && value is JArray))
        {
            throw Invalid();
        }

        foreach (var item in values)
        {
            if (item.Type != JTokenType.String)
            {
                throw Invalid();
            }

            kinds |= (string)item! switch
            {
                Keywords.List => ContainerKinds.List,
                Keywords.Set => ContainerKinds.Set,
                Keywords.Index => ContainerKinds.Index,
                Keywords.Language => ContainerKinds.Language,
                Keywords.Id => ContainerKinds.Id,
                Keywords.Type => ContainerKinds.Type,
                Keywords.Graph => ContainerKinds.Graph,
                _ => throw Invalid(),
            };
        }

        if (jsonLd10 && (kinds & (ContainerKinds.Graph | ContainerKinds.Id | ContainerKinds.Type)) != 0)
        {
            throw Invalid();
        }

        var others = kinds & ~ContainerKinds.Set;
        var single = others == 0 || (others & (others - 1)) == 0;
        var valid =
            (single && (others != ContainerKinds.List || kinds == ContainerKinds.List)) ||
            ((kinds & ContainerKinds.Graph) != 0 && (kinds & ~(ContainerKinds.Graph | ContainerKinds.Id | ContainerKinds.Index | ContainerKinds.Set)) == 0 &&
             (kinds & (ContainerKinds.Id | ContainerKinds.Index)) != (ContainerKinds.Id | ContainerKinds.Index));
        if (!valid)
        {
            throw Invalid();
        }

        return kinds;
    }

    /// <summary>Reports a language tag that is not well-formed BCP 47 (spec: processors SHOULD warn).</summary>
    public static void CheckLanguageTag(JsonLdRun run, string tag, JsonPath path)
    {
        if (!LanguageTags.IsWellFormedForJsonLd(tag))
        {
            run.Emit(JsonLdEventCode.InvalidLanguage, tag, path, $"the language tag '{tag}' at {path} is not well-formed BCP 47");
        }
    }
}
