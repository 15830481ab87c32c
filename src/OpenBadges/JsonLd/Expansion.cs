using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.JsonLd;

/// <summary>
/// The Expansion Algorithm (spec 5.1.2). Builds fresh JObject/JArray output and never changes its input.
/// Recursion depth is bounded by <see cref="JsonLdOptions.MaxDepth"/>, so hostile nesting fails cleanly
/// instead of overflowing the stack.
/// </summary>
internal sealed class Expansion
{
    private readonly JsonLdRun _run;

    // Not in the spec: the root may be read through a view (a member hidden, the context replaced), so that a
    // secured document's unsecured form is expanded without copying it first. Null: the input as it is.
    private readonly DocumentView? _view;

    public Expansion(JsonLdRun run, DocumentView? view = null)
    {
        _run = run;
        _view = view;
    }

    /// <summary>Expands <paramref name="element"/>; returns null, a JObject or a JArray.</summary>
    public JToken? Expand(Context active, string? activeProperty, JToken element, string? baseUrl, JsonPath path, int depth, bool fromMap = false)
    {
        _run.CheckDepth(depth, path);

        // Step 1.
        if (element.Type == JTokenType.Null)
        {
            return null;
        }

        // Step 3.
        var propertyDefinition = activeProperty is null ? null : active.Term(activeProperty);
        var propertyScopedContext = propertyDefinition?.LocalContext;

        // Step 4: a scalar.
        if (element is JValue scalar)
        {
            if (activeProperty is null or Keywords.Graph)
            {
                _run.Emit(JsonLdEventCode.FreeFloatingScalar, scalar.ToString(), path, $"the value {scalar.ToString(Newtonsoft.Json.Formatting.None)} at {path} belongs to no property; it is dropped");
                return null;
            }

            if (propertyScopedContext is not null)
            {
                active = ContextProcessor.Process(_run, active, propertyScopedContext, propertyDefinition!.BaseUrl, path, overrideProtected: true, ownedToken: true);
            }

            return ValueExpansion.Expand(_run, active, activeProperty, scalar, path);
        }

        // Step 5: an array.
        if (element is JArray array)
        {
            var result = new JArray();
            var isList = propertyDefinition is not null && propertyDefinition.Has(ContainerKinds.List);
            for (var i = 0; i < array.Count; i++)
            {
                var expandedItem = Expand(active, activeProperty, array[i], baseUrl, path.Index(i), depth + 1, fromMap);
                if (isList && expandedItem is JArray nestedList)
                {
                    expandedItem = new JObject { [Keywords.List] = nestedList };
                }

                AppendFlattened(result, expandedItem);
            }

            return result;
        }

        return ExpandObject(active, activeProperty, (JObject)element, baseUrl, path, depth, fromMap, propertyDefinition);
    }

    private JToken? ExpandObject(Context active, string? activeProperty, JObject element, string? baseUrl, JsonPath path, int depth, bool fromMap, TermDefinition? propertyDefinition)
    {
        // Step 7: a type-scoped context does not reach into nested node objects.
        if (active.PreviousContext is not null && !fromMap && !KeepsTypeScopedContext(active, element))
        {
            active = active.PreviousContext;
        }

        // Step 8.
        if (propertyDefinition?.LocalContext is not null)
        {
            active = ContextProcessor.Process(_run, active, propertyDefinition.LocalContext, propertyDefinition.BaseUrl, path, overrideProtected: true, ownedToken: true);
        }

        // Step 9.
        if ((_view is null ? element[Keywords.Context] : _view.ContextOf(element)) is { } localContext)
        {
            active = ContextProcessor.Process(_run, active, localContext, baseUrl, path.Key(Keywords.Context));
        }

        // Step 10.
        var typeScopedContext = active;

        // Steps 11 and 12: apply the contexts scoped to the node's types, in lexicographic order of the types.
        string? inputType = null;
        var typeKeys = TypeKeys(active, element);
        if (typeKeys is not null)
        {
            foreach (var key in typeKeys)
            {
                foreach (var type in SortedStrings(element[key]!))
                {
                    var typeDefinition = typeScopedContext.Term(type);
                    if (typeDefinition?.LocalContext is not null)
                    {
                        active = ContextProcessor.Process(_run, active, typeDefinition.LocalContext, typeDefinition.BaseUrl, path.Key(key), propagate: false, ownedToken: true);
                    }
                }
            }

            var firstTypes = element[typeKeys[0]]!;
            JToken last = firstTypes is JArray { Count: > 0 } lastArray ? lastArray[^1]! : firstTypes;
            if (last.Type == JTokenType.String)
            {
                inputType = IriExpansion.Expand(_run, active, (string)last!, vocab: true);
            }
        }

        // Steps 13 and 14.
        var result = new JObject();
        ExpandEntries(result, element, active, typeScopedContext, activeProperty, inputType, baseUrl, path, depth);

        return Finish(result, activeProperty, path);
    }

    // Step 7's exceptions: value objects, and node references holding nothing but @id.
    private bool KeepsTypeScopedContext(Context active, JObject element)
    {
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (_view is not null && _view.Hides(element, property.Name))
            {
                continue;
            }

            var expanded = IriExpansion.Expand(_run, active, property.Name, vocab: true);
            if (expanded == Keywords.Value || (expanded == Keywords.Id && element.Count == 1))
            {
                return true;
            }
        }

        return false;
    }

    private List<string>? TypeKeys(Context active, JObject element)
    {
        List<string>? keys = null;
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (_view is not null && _view.Hides(element, property.Name))
            {
                continue;
            }

            if (IriExpansion.Expand(_run, active, property.Name, vocab: true) == Keywords.Type)
            {
                (keys ??= []).Add(property.Name);
            }
        }

        keys?.Sort(StringComparer.Ordinal);
        return keys;
    }

    // Step 13 (and 14, through recursion for @nest).
    private void ExpandEntries(JObject result, JObject element, Context active, Context typeScopedContext, string? activeProperty, string? inputType, string? baseUrl, JsonPath path, int depth)
    {
        List<string>? nests = null;
        // (Members walked through the token links: Properties() allocates an iterator per object.)
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            _run.CancellationToken.ThrowIfCancellationRequested();
            var key = property.Name;
            var value = property.Value;

            // Step 13.1 (and a member the view hides).
            if (key == Keywords.Context || (_view is not null && _view.Hides(element, key)))
            {
                continue;
            }

            var keyPath = path.Key(key);

            // Steps 13.2 and 13.3.
            var expandedProperty = IriExpansion.Expand(_run, active, key, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':', StringComparison.Ordinal) && !Keywords.IsKeyword(expandedProperty)))
            {
                ReportDroppedProperty(active, key, expandedProperty, keyPath);
                continue;
            }

            // Step 13.4.
            if (Keywords.IsKeyword(expandedProperty))
            {
                ExpandKeyword(result, ref nests, key, expandedProperty, value, active, typeScopedContext, activeProperty, inputType, baseUrl, keyPath, depth);
                continue;
            }

            // Step 13.5.
            var definition = active.Term(key);
            var container = definition?.Container ?? ContainerKinds.None;
            JToken? expandedValue;

            if (definition?.TypeMapping == Keywords.Json)
            {
                // Step 13.6: the value is kept as a JSON literal, unexamined.
                _run.CheckValueDepth(value, depth + 1, keyPath);
                expandedValue = new JObject { [Keywords.Value] = value.DeepClone(), [Keywords.Type] = Keywords.Json };
            }
            else if ((container & ContainerKinds.Language) != 0 && value is JObject languageMap)
            {
                expandedValue = ExpandLanguageMap(active, definition!, languageMap, keyPath);
            }
            else if ((container & (ContainerKinds.Index | ContainerKinds.Type | ContainerKinds.Id)) != 0 && value is JObject indexMap)
            {
                expandedValue = ExpandIndexMap(active, key, definition!, indexMap, baseUrl, keyPath, depth);
            }
            else
            {
                // Step 13.9.
                expandedValue = Expand(active, key, value, baseUrl, keyPath, depth + 1);
            }

            // Step 13.10.
            if (expandedValue is null)
            {
                continue;
            }

            // Step 13.11.
            if ((container & ContainerKinds.List) != 0 && !IsListObject(expandedValue))
            {
                expandedValue = new JObject { [Keywords.List] = AsArray(expandedValue) };
            }

            // Step 13.12.
            if ((container & ContainerKinds.Graph) != 0 && (container & (ContainerKinds.Id | ContainerKinds.Index)) == 0)
            {
                var graphs = new JArray();
                foreach (var item in AsArray(expandedValue))
                {
                    graphs.Add(new JObject { [Keywords.Graph] = AsArray(item) });
                }

                expandedValue = graphs;
            }

            if (definition is { IsReverse: true })
            {
                // Step 13.13.
                var reverseMap = (JObject?)result[Keywords.Reverse] ?? (JObject)(result[Keywords.Reverse] = new JObject());
                foreach (var item in AsArray(expandedValue))
                {
                    if (IsValueObject(item) || IsListObject(item))
                    {
                        throw JsonLdErrors.ReversePropertyHoldsValueObject(key, keyPath);
                    }

                    AddValue(reverseMap, expandedProperty, item);
                }
            }
            else
            {
                // Step 13.14.
                AddValues(result, expandedProperty, expandedValue);
            }
        }

        // Step 14.
        if (nests is null)
        {
            return;
        }

        foreach (var nestingKey in nests)
        {
            var nestedValues = element[nestingKey]!;
            var nestPath = path.Key(nestingKey);

            // A nesting term's scoped context applies to what is nested under it (expand#tc037).
            var nestContext = active;
            if (active.Term(nestingKey) is { LocalContext: not null } nestDefinition)
            {
                nestContext = ContextProcessor.Process(_run, active, nestDefinition.LocalContext, nestDefinition.BaseUrl, nestPath, overrideProtected: true, ownedToken: true);
            }

            var list = nestedValues is JArray nestedArray ? (IList<JToken>)nestedArray : [nestedValues];
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = nestedValues is JArray ? nestPath.Index(i) : nestPath;
                if (list[i] is not JObject nested || nested.Properties().Any(p => IriExpansion.Expand(_run, nestContext, p.Name, vocab: true) == Keywords.Value))
                {
                    throw JsonLdErrors.NestValueNotANodeMap(itemPath);
                }

                _run.CheckDepth(depth + 1, itemPath);
                ExpandEntries(result, nested, nestContext, typeScopedContext, activeProperty, inputType, baseUrl, itemPath, depth + 1);
            }
        }
    }

    private void ReportDroppedProperty(Context active, string key, string? expandedProperty, JsonPath path)
    {
        var why = Keywords.HasKeywordForm(key)
            ? "has the form of a keyword, which JSON-LD reserves"
            : active.Term(key) is { IriMapping: null }
                ? "is explicitly mapped to null by the context"
                : expandedProperty is null
                    ? "does not expand to an absolute IRI"
                    : active.Vocab is null
                        ? "does not expand to an absolute IRI (no context defines it)"
                        : $"does not expand to an absolute IRI (it became '{expandedProperty}')";
        _run.Emit(JsonLdEventCode.InvalidProperty, key, path, $"property '{key}' at {path} {why}");
    }

    // Step 13.4: an entry whose key is (an alias of) a keyword.
    private void ExpandKeyword(
        JObject result,
        ref List<string>? nests,
        string key,
        string expandedProperty,
        JToken value,
        Context active,
        Context typeScopedContext,
        string? activeProperty,
        string? inputType,
        string? baseUrl,
        JsonPath path,
        int depth)
    {
        // 13.4.1.
        if (activeProperty == Keywords.Reverse)
        {
            throw JsonLdErrors.KeywordInsideReverse(key, path);
        }

        // 13.4.2.
        if (result.ContainsKey(expandedProperty) && expandedProperty is not (Keywords.Included or Keywords.Type))
        {
            throw JsonLdErrors.CollidingKeywords(key, path, expandedProperty);
        }

        JToken? expandedValue;
        switch (expandedProperty)
        {
            case Keywords.Id:
                // 13.4.3. A null @id is not in the spec's grammar; like jsonld.js we drop it and report it.
                if (value.Type == JTokenType.Null)
                {
                    _run.Emit(JsonLdEventCode.NullId, key, path, $"'{key}' at {path} is null; the entry is dropped");
                    return;
                }

                if (value.Type != JTokenType.String)
                {
                    throw JsonLdErrors.IdNotAString(key, path);
                }

                var id = (string)value!;
                var expandedId = IriExpansion.Expand(_run, active, id, documentRelative: true);
                if (expandedId is null)
                {
                    // The suite keeps such a node with a null @id (expand#t0122); it becomes a blank node.
                    _run.Emit(JsonLdEventCode.ReservedIdValue, id, path, $"the @id '{id}' at {path} has the form of a keyword; it is ignored");
                    result[Keywords.Id] = JValue.CreateNull();
                    return;
                }

                if (!IriResolver.HasScheme(expandedId) && !IriResolver.IsBlankNode(expandedId))
                {
                    _run.Emit(JsonLdEventCode.RelativeIdReference, id, path, $"the @id '{id}' at {path} is a relative IRI reference and there is no base IRI to resolve it against");
                }

                expandedValue = expandedId;
                break;

            case Keywords.Type:
                // 13.4.4.
                expandedValue = ExpandTypeValue(typeScopedContext, key, value, path);
                if (result.TryGetValue(Keywords.Type, out var existingTypes))
                {
                    var combined = new JArray();
                    AppendFlattened(combined, existingTypes.DeepClone());
                    AppendFlattened(combined, expandedValue);
                    expandedValue = combined;
                }

                break;

            case Keywords.Graph:
                // 13.4.5.
                expandedValue = AsArray(Expand(active, Keywords.Graph, value, baseUrl, path, depth + 1));
                break;

            case Keywords.Included:
                // 13.4.6.
                if (active.IsJsonLd10)
                {
                    return;
                }

                // Expanded as the value of a property (not as top-level content), so that scalars, value
                // objects and lists are kept long enough to be rejected below instead of silently dropped.
                var included = AsArray(Expand(active, Keywords.Included, value, baseUrl, path, depth + 1));
                foreach (var item in included)
                {
                    if (item is not JObject node || IsValueObject(node) || IsListObject(node) || node.ContainsKey(Keywords.Set))
                    {
                        throw JsonLdErrors.IncludedNotNodeObjects(key, path);
                    }
                }

                if (result.TryGetValue(Keywords.Included, out var existingIncluded))
                {
                    var all = new JArray();
                    AppendFlattened(all, existingIncluded.DeepClone());
                    AppendFlattened(all, included);
                    included = all;
                }

                expandedValue = included;
                break;

            case Keywords.Value:
                // 13.4.7.
                if (inputType == Keywords.Json)
                {
                    if (active.IsJsonLd10)
                    {
                        throw JsonLdErrors.JsonLiteralInJsonLd10(key, path);
                    }

                    _run.CheckValueDepth(value, depth + 1, path);
                    expandedValue = value.DeepClone();
                }
                else if (value is JContainer)
                {
                    throw JsonLdErrors.ValueNotAScalar(key, path);
                }
                else
                {
                    expandedValue = value.DeepClone();
                }

                // A null @value is kept for now so step 15 sees the value object and drops it as a whole.
                result[Keywords.Value] = expandedValue;
                return;

            case Keywords.Language:
                // 13.4.8.
                if (value.Type != JTokenType.String)
                {
                    throw JsonLdErrors.LanguageNotAString(key, path);
                }

                ContextProcessor.CheckLanguageTag(_run, (string)value!, path);
                expandedValue = ((string)value!).ToLowerInvariant();
                break;

            case Keywords.Direction:
                // 13.4.9.
                if (active.IsJsonLd10)
                {
                    return;
                }

                if (value.Type != JTokenType.String || (string)value! is not ("ltr" or "rtl"))
                {
                    throw JsonLdErrors.DirectionInvalid(key, path);
                }

                expandedValue = value.DeepClone();
                break;

            case Keywords.Index:
                // 13.4.10.
                if (value.Type != JTokenType.String)
                {
                    throw JsonLdErrors.IndexNotAString(key, path);
                }

                expandedValue = value.DeepClone();
                break;

            case Keywords.List:
                // 13.4.11.
                if (activeProperty is null or Keywords.Graph)
                {
                    _run.Emit(JsonLdEventCode.FreeFloatingValue, key, path, $"the list at {path} belongs to no property; it is dropped");
                    return;
                }

                expandedValue = AsArray(Expand(active, activeProperty, value, baseUrl, path, depth + 1));
                break;

            case Keywords.Set:
                // 13.4.12.
                expandedValue = Expand(active, activeProperty, value, baseUrl, path, depth + 1);
                break;

            case Keywords.Reverse:
                // 13.4.13.
                if (value is not JObject)
                {
                    throw JsonLdErrors.ReverseNotAMap(key, path);
                }

                var expandedReverse = (JObject?)Expand(active, Keywords.Reverse, value, baseUrl, path, depth + 1) ?? [];
                if (expandedReverse.TryGetValue(Keywords.Reverse, out var doubleReversed))
                {
                    foreach (var reversed in ((JObject)doubleReversed).Properties())
                    {
                        AddValues(result, reversed.Name, reversed.Value);
                    }
                }

                foreach (var reverseProperty in expandedReverse.Properties())
                {
                    if (reverseProperty.Name == Keywords.Reverse)
                    {
                        continue;
                    }

                    var reverseMap = (JObject?)result[Keywords.Reverse] ?? (JObject)(result[Keywords.Reverse] = new JObject());
                    foreach (var item in AsArray(reverseProperty.Value))
                    {
                        if (IsValueObject(item) || IsListObject(item))
                        {
                            throw JsonLdErrors.ReversePropertyHoldsValueObject(reverseProperty.Name, path);
                        }

                        AddValue(reverseMap, reverseProperty.Name, item);
                    }
                }

                return;

            case Keywords.Nest:
                // 13.4.14.
                (nests ??= []).Add(key);
                return;

            default:
                // Other keywords (@base, @vocab, @version...) mean nothing in a node object; the spec ignores them,
                // which drops the entry's value: report it like any other dropped property.
                _run.Emit(JsonLdEventCode.InvalidProperty, key, path, $"property '{key}' at {path} is the keyword {expandedProperty}, which means nothing in a node object; it is dropped");
                return;
        }

        // 13.4.16.
        if (expandedValue is not null)
        {
            result[expandedProperty] = expandedValue;
        }

        return;
    }

    private JToken ExpandTypeValue(Context typeScopedContext, string key, JToken value, JsonPath path)
    {
        if (value.Type == JTokenType.String)
        {
            return ExpandTypeIri(typeScopedContext, (string)value!, path) is { } single ? single : new JArray();
        }

        if (value is not JArray array || array.Any(t => t.Type != JTokenType.String))
        {
            throw JsonLdErrors.TypeNotStrings(key, path);
        }

        var result = new JArray();
        for (var i = 0; i < array.Count; i++)
        {
            if (ExpandTypeIri(typeScopedContext, (string)array[i]!, path.Index(i)) is { } type)
            {
                result.Add(type);
            }
        }

        return result;
    }

    private string? ExpandTypeIri(Context typeScopedContext, string type, JsonPath path)
    {
        var expanded = IriExpansion.Expand(_run, typeScopedContext, type, documentRelative: true, vocab: true);
        if (expanded is null)
        {
            _run.Emit(JsonLdEventCode.RelativeTypeReference, type, path, $"the type '{type}' at {path} has the form of a keyword; it is dropped");
            return null;
        }

        if (!Keywords.IsKeyword(expanded) && !IriResolver.HasScheme(expanded) && !IriResolver.IsBlankNode(expanded))
        {
            _run.Emit(JsonLdEventCode.RelativeTypeReference, type, path, $"the type '{type}' at {path} does not expand to an absolute IRI (no context defines it)");
        }

        return expanded;
    }

    // Step 13.7.
    private JArray ExpandLanguageMap(Context active, TermDefinition definition, JObject languageMap, JsonPath path)
    {
        var result = new JArray();
        var direction = definition.HasDirectionMapping ? definition.DirectionMapping : active.DefaultDirection;
        foreach (var entry in languageMap.Properties())
        {
            var language = entry.Name;
            var values = entry.Value is JArray array ? (IList<JToken>)array : [entry.Value];
            var isNone = language == Keywords.None || IriExpansion.Expand(_run, active, language, vocab: true) == Keywords.None;
            foreach (var item in values)
            {
                if (item.Type == JTokenType.Null)
                {
                    continue;
                }

                if (item.Type != JTokenType.String)
                {
                    throw JsonLdErrors.LanguageMapEntryNotStrings(language, path);
                }

                var valueObject = new JObject { [Keywords.Value] = (string)item! };
                if (!isNone)
                {
                    ContextProcessor.CheckLanguageTag(_run, language, path.Key(language));
                    valueObject[Keywords.Language] = language.ToLowerInvariant();
                }

                if (direction is not null)
                {
                    valueObject[Keywords.Direction] = direction;
                }

                result.Add(valueObject);
            }
        }

        return result;
    }

    // Step 13.8: @index, @id and @type maps.
    private JArray ExpandIndexMap(Context active, string key, TermDefinition definition, JObject map, string? baseUrl, JsonPath path, int depth)
    {
        var result = new JArray();
        var container = definition.Container;
        var indexKey = definition.IndexMapping ?? Keywords.Index;
        foreach (var entry in map.Properties())
        {
            var index = entry.Name;
            var entryPath = path.Key(index);

            // 13.8.3.1 to 13.8.3.3. Like type-scoped contexts elsewhere, a type map's context does not propagate.
            var mapContext = active;
            if ((container & (ContainerKinds.Id | ContainerKinds.Type)) != 0)
            {
                mapContext = active.PreviousContext ?? active;
            }

            if ((container & ContainerKinds.Type) != 0 && mapContext.Term(index) is { LocalContext: not null } indexDefinition)
            {
                mapContext = ContextProcessor.Process(_run, mapContext, indexDefinition.LocalContext, indexDefinition.BaseUrl, entryPath, propagate: false, ownedToken: true);
            }

            // 13.8.3.4.
            var expandedIndex = IriExpansion.Expand(_run, active, index, vocab: true);

            // 13.8.3.5 and 13.8.3.6.
            var indexValue = entry.Value is JArray ? entry.Value : new JArray(entry.Value.DeepClone());
            var expandedItems = AsArray(Expand(mapContext, key, indexValue, baseUrl, entryPath, depth + 1, fromMap: true));

            foreach (var expandedItem in expandedItems.ToList())
            {
                var item = expandedItem;
                item.Remove();

                // 13.8.3.7.1.
                if ((container & ContainerKinds.Graph) != 0 && !IsGraphObject(item))
                {
                    item = new JObject { [Keywords.Graph] = AsArray(item) };
                }

                if (item is not JObject node)
                {
                    result.Add(item);
                    continue;
                }

                if ((container & ContainerKinds.Index) != 0 && indexKey != Keywords.Index && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.2: a property-valued index becomes a value of that property.
                    var reExpandedIndex = ValueExpansion.Expand(_run, active, indexKey, new JValue(index), entryPath);
                    var expandedIndexKey = IriExpansion.Expand(_run, active, indexKey, vocab: true)!;
                    var indexPropertyValues = new JArray();
                    if (reExpandedIndex is not null)
                    {
                        indexPropertyValues.Add(reExpandedIndex);
                    }

                    if (node.TryGetValue(expandedIndexKey, out var existing))
                    {
                        AppendFlattened(indexPropertyValues, existing.DeepClone());
                    }

                    node[expandedIndexKey] = indexPropertyValues;
                    if (IsValueObject(node))
                    {
                        throw JsonLdErrors.ValueObjectWithIndexProperty(entryPath, indexKey);
                    }
                }
                else if ((container & ContainerKinds.Index) != 0 && !node.ContainsKey(Keywords.Index) && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.3.
                    node[Keywords.Index] = index;
                }
                else if ((container & ContainerKinds.Id) != 0 && !node.ContainsKey(Keywords.Id) && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.4.
                    var id = IriExpansion.Expand(_run, active, index, documentRelative: true);
                    if (id is not null && !IriResolver.HasScheme(id) && !IriResolver.IsBlankNode(id))
                    {
                        _run.Emit(JsonLdEventCode.RelativeIdReference, index, entryPath, $"the @id '{index}' at {entryPath} is a relative IRI reference and there is no base IRI to resolve it against");
                    }

                    node[Keywords.Id] = id;
                }
                else if ((container & ContainerKinds.Type) != 0 && expandedIndex != Keywords.None)
                {
                    // 13.8.3.7.5.
                    var types = new JArray(expandedIndex!);
                    if (node.TryGetValue(Keywords.Type, out var existingTypes))
                    {
                        AppendFlattened(types, existingTypes.DeepClone());
                    }

                    node[Keywords.Type] = types;
                }

                result.Add(node);
            }
        }

        return result;
    }

    // Steps 15 to 20.
    private JToken? Finish(JObject result, string? activeProperty, JsonPath path)
    {
        if (result.TryGetValue(Keywords.Value, out var value))
        {
            // Step 15.1.
            foreach (var property in result.Properties())
            {
                if (property.Name is not (Keywords.Direction or Keywords.Index or Keywords.Language or Keywords.Type or Keywords.Value))
                {
                    throw JsonLdErrors.ValueObjectEntryNotAllowed(path, property.Name);
                }
            }

            var hasType = result.TryGetValue(Keywords.Type, out var type);
            if (hasType && (result.ContainsKey(Keywords.Language) || result.ContainsKey(Keywords.Direction)))
            {
                throw JsonLdErrors.ValueObjectTypeAndLanguage(path);
            }

            // Step 15.2.
            if (hasType && type!.Type == JTokenType.String && (string)type! == Keywords.Json)
            {
                // A JSON literal: any JSON is fine.
            }
            else if (value.Type == JTokenType.Null || value is JArray { Count: 0 })
            {
                // Step 15.3.
                _run.Emit(JsonLdEventCode.NullValue, Keywords.Value, path, $"the value object at {path} has a null @value; it is dropped");
                return null;
            }
            else if (value.Type != JTokenType.String && result.ContainsKey(Keywords.Language))
            {
                // Step 15.4.
                throw JsonLdErrors.LanguageOnNonString(path);
            }
            else if (hasType && (type!.Type != JTokenType.String || !IriResolver.IsWellFormedAbsoluteIri((string)type!)))
            {
                // Step 15.5.
                throw JsonLdErrors.ValueTypeNotAnIri(path);
            }
        }
        else if (result.TryGetValue(Keywords.Type, out var types) && types is not JArray)
        {
            // Step 16.
            result[Keywords.Type] = new JArray(types);
        }
        else if (result.ContainsKey(Keywords.Set) || result.ContainsKey(Keywords.List))
        {
            // Step 17.
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey(Keywords.Index)))
            {
                throw JsonLdErrors.SetOrListWithExtraEntries(path);
            }

            if (result.TryGetValue(Keywords.Set, out var set))
            {
                result.Remove(Keywords.Set);
                if (set is not JObject setObject)
                {
                    return set;
                }

                // Steps 18 and 19 still apply to what the @set held.
                result = setObject;
            }
        }

        // Step 18.
        if (result.Count == 1 && result.ContainsKey(Keywords.Language))
        {
            _run.Emit(JsonLdEventCode.ObjectWithOnlyLanguage, Keywords.Language, path, $"the object at {path} has nothing but @language; it is dropped");
            return null;
        }

        // Step 19: drop free-floating values.
        if (activeProperty is null or Keywords.Graph)
        {
            if (result.Count == 0)
            {
                _run.Emit(JsonLdEventCode.EmptyObject, null, path, $"the object at {path} is empty after expansion and belongs to no property; it is dropped");
                return null;
            }

            if (result.ContainsKey(Keywords.Value) || result.ContainsKey(Keywords.List))
            {
                _run.Emit(JsonLdEventCode.FreeFloatingValue, null, path, $"the value at {path} belongs to no property; it is dropped");
                return null;
            }

            if (result.Count == 1 && result.ContainsKey(Keywords.Id))
            {
                _run.Emit(JsonLdEventCode.ObjectWithOnlyId, (string?)result[Keywords.Id], path, $"the object at {path} has nothing but @id and belongs to no property; it states nothing and is dropped");
                return null;
            }
        }

        return result;
    }

    // The strings of a value or array, in ordinal order (a list sort; the LINQ chain allocated per node).
    private static List<string> SortedStrings(JToken types)
    {
        var sorted = new List<string>();
        if (types is JArray typeArray)
        {
            for (var i = 0; i < typeArray.Count; i++)
            {
                if (typeArray[i].Type == JTokenType.String)
                {
                    sorted.Add((string)typeArray[i]!);
                }
            }
        }
        else if (types.Type == JTokenType.String)
        {
            sorted.Add((string)types!);
        }

        sorted.Sort(StringComparer.Ordinal);
        return sorted;
    }

    internal static bool IsValueObject(JToken token) => token is JObject map && map.ContainsKey(Keywords.Value);

    internal static bool IsListObject(JToken token) => token is JObject map && map.ContainsKey(Keywords.List);

    internal static bool IsGraphObject(JToken token) =>
        token is JObject map && map.ContainsKey(Keywords.Graph) &&
        map.Properties().All(p => p.Name is Keywords.Graph or Keywords.Id or Keywords.Index or Keywords.Context);

    /// <summary><paramref name="token"/> as an array (a new one unless it already is).</summary>
    internal static JArray AsArray(JToken? token) => token switch
    {
        null => [],
        JArray array => array,
        _ => new JArray(token),
    };

    private static void AppendFlattened(JArray target, JToken? item)
    {
        if (item is JArray items)
        {
            foreach (var child in Detach(items))
            {
                target.Add(child);
            }
        }
        else if (item is not null)
        {
            target.Add(item);
        }
    }

    private static void AddValues(JObject target, string property, JToken values)
    {
        if (values is JArray array)
        {
            if (!target.ContainsKey(property))
            {
                // Keep an empty array too: "property": [] expands to an empty set, not to nothing.
                if (array.Parent is null)
                {
                    // A fresh array (expansion's own output) becomes the entry as it is, instead of being
                    // emptied one item at a time into a new one.
                    target[property] = array;
                    return;
                }

                target[property] = new JArray();
            }

            foreach (var child in Detach(array))
            {
                AddValue(target, property, child);
            }
        }
        else
        {
            AddValue(target, property, values);
        }
    }

    // The items of an array, taken out of it (a token has one parent; adding a parented one copies it).
    private static JToken[] Detach(JArray array)
    {
        var children = new JToken[array.Count];
        array.CopyTo(children, 0);
        array.RemoveAll();
        return children;
    }

    private static void AddValue(JObject target, string property, JToken value)
    {
        if (target[property] is JArray existing)
        {
            existing.Add(value);
        }
        else
        {
            target[property] = new JArray(value);
        }
    }
}
