using Newtonsoft.Json.Linq;
using OpenBadges.Rdf;
using OpenBadges.Json;
using OpenBadges.Internal;

namespace OpenBadges.JsonLd;

/// <summary>
/// toRdf for plain JSON-LD in one walk of the JSON: the quads come straight out of the document, with no expanded
/// document and no node map in between. This is what a signature needs (the dataset up to blank node labels and
/// quad order, which RDFC-1.0 does not see), at a fraction of the spec path's time and allocation (measured in
/// benchmarks/README.md).
/// </summary>
/// <remarks>
/// <para>
/// A departure from DESIGN §5 rule 2 (one spec-mirroring file per algorithm), made for the performance issue:
/// this is not a second reading of the spec but a transcription of what <see cref="Expansion"/> followed by
/// <see cref="NodeMapGeneration"/> and <see cref="RdfSerialization"/> do, for the few constructs credentials use:
/// node objects with <c>@id</c>, <c>@type</c> and properties; strings, numbers and booleans; term coercion
/// (<c>@id</c>, <c>@vocab</c>, a datatype, a language, a direction); value objects with <c>@type</c>,
/// <c>@language</c> or <c>@direction</c>; embedded, type-scoped and property-scoped contexts; <c>@set</c>,
/// <c>@list</c> and <c>@graph</c> containers (an embedded proof). Comments name the step of the spec-mirroring code
/// they transcribe.
/// </para>
/// <para>
/// At the first thing outside that subset (a <c>@list</c> or <c>@graph</c> object, a map container, <c>@reverse</c>,
/// <c>@nest</c>, <c>@included</c>, <c>@json</c>, nested arrays), and at anything the spec path would report or reject (an
/// undefined term, a relative IRI, a null <c>@id</c>, an ill-formed language tag...), it gives up and the caller
/// runs the spec path, which then reports exactly what it always reports. So every document this class converts
/// is one the spec path converts without an event, to the same dataset: the differential tests check that over
/// the W3C toRdf and expand inputs, the interop corpus and every tamper mutation of it.
/// </para>
/// <para>Only for safe mode without an event callback (an event always ends the spec path's run too).</para>
/// </remarks>
internal sealed class OnePassToRdf
{
    private static readonly RdfTerm RdfType = RdfTerm.Iri(RdfVocabulary.Type);
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(RdfVocabulary.First);
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(RdfVocabulary.Rest);
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(RdfVocabulary.Nil);

    private readonly JsonLdRun _run;
    private readonly DocumentView? _view;
    private readonly string? _baseUrl;
    private readonly List<RdfQuad> _quads;
    private readonly List<string> _typeScratch = new(4);
    private Dictionary<string, RdfTerm>? _documentBlankNodes;

    // The graph the statements being written belong to: the default graph, or the blank node naming the graph
    // object a @graph container made of a value.
    private RdfTerm _graph = RdfTerm.DefaultGraph;
    private int _blankNodeCount;

    // The top-level member whose statements are told apart (a secured document's proof), and where they lie in _quads:
    // the walk writes each member's statements in one run, so the document without that member is the rest.
    private string? _setAside;
    private int _setAsideStart = -1;
    private int _setAsideEnd = -1;

    private OnePassToRdf(JsonLdRun run, DocumentView? view, List<RdfQuad>? into)
    {
        _run = run;
        _view = view;
        _baseUrl = run.Options.Base;
        _quads = into ?? new List<RdfQuad>(64);
    }

    /// <summary>True when <paramref name="options"/> allow the one-pass conversion at all.</summary>
    public static bool Applies(JsonLdOptions options) =>
        options.SafeMode &&
        options.OnEvent is null &&
        options.ExpandContext is null &&
        options.ProcessingMode == "json-ld-1.1";

    /// <summary>
    /// The dataset of <paramref name="document"/> (read through <paramref name="view"/> when given), or null when
    /// the document is outside the subset or anything about it needs the spec path's judgement.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// <paramref name="into"/>: an empty list to write the quads into (a caller's reused one), or null for a new list.
    /// </remarks>
    public static List<RdfQuad>? TryConvert(JToken document, DocumentView? view, JsonLdOptions options, CancellationToken cancellationToken, List<RdfQuad>? into = null) =>
        TryConvert(document, view, options, cancellationToken, into, setAside: null, out _);

    /// <summary>
    /// As <see cref="TryConvert(JToken, DocumentView?, JsonLdOptions, CancellationToken, List{RdfQuad}?)"/>, and also tells
    /// which statements came from the top-level member <paramref name="setAside"/>: <paramref name="setAsideStatements"/>
    /// is their range in the result (the document without that member is everything else), or null when the member is
    /// absent, states nothing, or is no plain property (an alias of a keyword).
    /// </summary>
    public static List<RdfQuad>? TryConvert(JToken document, DocumentView? view, JsonLdOptions options, CancellationToken cancellationToken, List<RdfQuad>? into, string? setAside, out Range? setAsideStatements)
    {
        setAsideStatements = null;
        if (!Applies(options) || document is not JObject root)
        {
            return null;
        }

        var run = new JsonLdRun(options, cancellationToken);
        var converter = new OnePassToRdf(run, view, into) { _setAside = setAside };
        try
        {
            var active = run.Cache.InitialContext(options.Base, options.ProcessingMode);

            // Expansion step 19: a top-level node that states nothing is dropped with an event; leave that to the spec path.
            if (converter.Element(active, null, null, root, depth: 0) is null || converter._quads.Count == 0)
            {
                return null;
            }

            if (converter._setAsideStart >= 0 && converter._setAsideEnd > converter._setAsideStart)
            {
                setAsideStatements = converter._setAsideStart..converter._setAsideEnd;
            }

            return converter._quads;
        }
        catch (JsonLdException)
        {
            // Context processing refused something (safe mode, a limit, an invalid context): the spec path will
            // refuse it again, with the document position in its message.
            return null;
        }
    }

    // Expansion of one map (ExpandObject, steps 7 to 13) into quads. Returns the map's RDF term: its subject for a
    // node object, the literal for a value object; null to give up.
    private RdfTerm? Element(Context active, string? activeProperty, TermDefinition? propertyDefinition, JObject element, int depth)
    {
        if (depth > _run.Options.MaxDepth)
        {
            return null;
        }

        _run.CancellationToken.ThrowIfCancellationRequested();

        // Step 7: a type-scoped context does not reach into nested node objects.
        if (active.PreviousContext is not null && !KeepsTypeScopedContext(active, element))
        {
            active = active.PreviousContext;
        }

        // Step 8.
        if (propertyDefinition?.LocalContext is not null)
        {
            active = ContextProcessor.Process(_run, active, propertyDefinition.LocalContext, propertyDefinition.BaseUrl, JsonPath.Root, overrideProtected: true, ownedToken: true);
        }

        // Step 9.
        if ((_view is null ? element[Keywords.Context] : _view.ContextOf(element)) is { } localContext)
        {
            active = ContextProcessor.Process(_run, active, localContext, _baseUrl, JsonPath.Root);
        }

        // Steps 10 to 12: the contexts scoped to the node's types, in lexicographic order of the types.
        var typeScopedContext = active;
        var typeKeys = 0;
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (!Hidden(element, property.Name) && typeScopedContext.Meaning(_run, property.Name).Expanded == Keywords.Type)
            {
                if (!SortedTypes(property.Value))
                {
                    return null;
                }

                typeKeys++;
                foreach (var type in _typeScratch)
                {
                    if (typeScopedContext.Term(type) is { LocalContext: not null } typeDefinition)
                    {
                        active = ContextProcessor.Process(_run, active, typeDefinition.LocalContext, typeDefinition.BaseUrl, JsonPath.Root, propagate: false, ownedToken: true);
                    }
                }
            }
        }

        if (typeKeys > 1)
        {
            // Several keys for @type: the spec path applies their contexts in the order of the sorted keys.
            return null;
        }

        // Step 13, first look: is this a value object, and which member is the @id?
        JProperty? idMember = null;
        var isValueObject = false;
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (property.Name == Keywords.Context || Hidden(element, property.Name))
            {
                continue;
            }

            switch (active.Meaning(_run, property.Name).Expanded)
            {
                case Keywords.Id when idMember is null:
                    idMember = property;
                    break;
                case Keywords.Value:
                    isValueObject = true;
                    break;
                case Keywords.Type or Keywords.Language or Keywords.Direction:
                    break;
                case null:
                    return null;
                case var expanded when Keywords.IsKeyword(expanded):
                    // A second @id, @list, @set, @graph, @reverse, @included, @nest, @index...: the spec path's.
                    return null;
            }
        }

        if (isValueObject)
        {
            return idMember is null ? ValueObject(active, typeScopedContext, element) : null;
        }

        return activeProperty is null && depth > 0 ? null : NodeObject(active, typeScopedContext, element, idMember, depth);
    }

    // Step 13 for a node object, with Node Map Generation and toRdf's statements for it.
    private RdfTerm? NodeObject(Context active, Context typeScopedContext, JObject element, JProperty? idMember, int depth)
    {
        // 13.4.3 and node map step 6: the subject.
        RdfTerm subject;
        if (idMember is null)
        {
            subject = NewBlankNode();
        }
        else if (idMember.Value.Type != JTokenType.String || Resource(IriExpansion.Expand(_run, active, (string)idMember.Value!, documentRelative: true)) is not { } identified)
        {
            return null;
        }
        else
        {
            subject = identified;
        }

        var setAside = depth == 0 ? _setAside : null;
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            var key = property.Name;
            if (setAside is not null && _setAsideStart >= 0 && _setAsideEnd < 0)
            {
                // The member set aside was the one before: its statements end here.
                _setAsideEnd = _quads.Count;
            }

            if (key == Keywords.Context || Hidden(element, key) || ReferenceEquals(property, idMember))
            {
                continue;
            }

            // Steps 13.2 and 13.3.
            var meaning = active.Meaning(_run, key);
            if (meaning.Expanded == Keywords.Type)
            {
                // 13.4.4 with the type-scoped context; toRdf 1.3.2.1.
                if (!SortedTypes(property.Value))
                {
                    return null;
                }

                foreach (var type in _typeScratch)
                {
                    if (Resource(IriExpansion.Expand(_run, typeScopedContext, type, documentRelative: true, vocab: true), vocabulary: true) is not { } typeTerm)
                    {
                        return null;
                    }

                    _quads.Add(new RdfQuad(subject, RdfType, typeTerm, _graph));
                }

                continue;
            }

            if (meaning.Predicate is not { } predicate)
            {
                // @language/@direction in a node object, a property dropped (13.3) or relative (toRdf 1.3.2.4),
                // or a blank node predicate (1.3.2.3): the spec path reports each.
                return null;
            }

            if (setAside is not null && key == setAside)
            {
                _setAsideStart = _quads.Count;
            }

            // Step 13.5 onwards, for what this class handles: no container but @set or @list, no reverse, no JSON literal.
            var definition = meaning.Definition;
            if (definition is not null &&
                ((definition.Container & ~(ContainerKinds.Set | ContainerKinds.List | ContainerKinds.Graph)) != 0 || definition.IsReverse || definition.TypeMapping == Keywords.Json || definition.NestValue is not null))
            {
                return null;
            }

            var value = property.Value;
            if (definition is not null && definition.Has(ContainerKinds.Graph))
            {
                if (!GraphObjects(active, key, definition, value, depth + 1, subject, predicate))
                {
                    return null;
                }

                continue;
            }

            if (definition is not null && definition.Has(ContainerKinds.List))
            {
                // Step 13.11 (a null value expands to nothing, so it states nothing, not even an empty list).
                if (value.Type != JTokenType.Null)
                {
                    if (List(active, key, definition, value, depth + 1) is not { } head)
                    {
                        return null;
                    }

                    _quads.Add(new RdfQuad(subject, predicate, head, _graph));
                }

                continue;
            }
            if (value is JArray array)
            {
                if (depth + 1 > _run.Options.MaxDepth)
                {
                    return null;
                }

                // Step 5 of the recursive call: each item, flattened (an array in an array is the spec path's).
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    if (item.Type == JTokenType.Null)
                    {
                        continue;
                    }

                    if (item is JArray || PropertyValue(active, key, definition, item, depth + 2) is not { } @object)
                    {
                        return null;
                    }

                    _quads.Add(new RdfQuad(subject, predicate, @object, _graph));
                }
            }
            else if (value.Type != JTokenType.Null)
            {
                if (PropertyValue(active, key, definition, value, depth + 1) is not { } @object)
                {
                    return null;
                }

                _quads.Add(new RdfQuad(subject, predicate, @object, _graph));
            }
        }

        if (setAside is not null && _setAsideStart >= 0 && _setAsideEnd < 0)
        {
            _setAsideEnd = _quads.Count;
        }

        return subject;
    }

    // A @graph container's value (expansion step 13.12): each node object becomes a graph object, i.e. a blank node
    // naming a graph that holds the node's statements (node map generation, toRdf step 1). E.g. an embedded proof.
    private bool GraphObjects(Context active, string activeProperty, TermDefinition definition, JToken value, int depth, RdfTerm subject, RdfTerm predicate)
    {
        if (value is JArray array)
        {
            if (depth > _run.Options.MaxDepth)
            {
                return false;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i].Type != JTokenType.Null && !GraphObject(active, activeProperty, definition, array[i], depth + 1, subject, predicate))
                {
                    return false;
                }
            }

            return true;
        }

        return value.Type == JTokenType.Null || GraphObject(active, activeProperty, definition, value, depth, subject, predicate);
    }

    private bool GraphObject(Context active, string activeProperty, TermDefinition definition, JToken value, int depth, RdfTerm subject, RdfTerm predicate)
    {
        // Only node objects: values, lists or nested arrays in a graph container are the spec path's.
        if (value is not JObject map)
        {
            return false;
        }

        var outer = _graph;
        var graphName = NewBlankNode();
        var before = _quads.Count;
        _graph = graphName;
        var node = Element(active, activeProperty, definition, map, depth);
        _graph = outer;

        // A graph that states nothing, or holds a value rather than a node: leave it to the spec path.
        if (node is null || node.IsLiteral || _quads.Count == before)
        {
            return false;
        }

        _quads.Add(new RdfQuad(subject, predicate, graphName, _graph));
        return true;
    }

    // A @list container's value (expansion step 13.11) and List Conversion (8.3.2): the head of the list.
    private RdfTerm? List(Context active, string activeProperty, TermDefinition definition, JToken value, int depth)
    {
        if (depth > _run.Options.MaxDepth)
        {
            return null;
        }

        var items = new List<RdfTerm>();
        if (value is JArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var item = array[i];
                if (item.Type == JTokenType.Null)
                {
                    continue;
                }

                // A list in a list is the spec path's.
                if (item is JArray || PropertyValue(active, activeProperty, definition, item, depth + 1) is not { } term)
                {
                    return null;
                }

                items.Add(term);
            }
        }
        else if (PropertyValue(active, activeProperty, definition, value, depth) is { } term)
        {
            items.Add(term);
        }
        else
        {
            return null;
        }

        if (items.Count == 0)
        {
            return RdfNil;
        }

        var head = NewBlankNode();
        var node = head;
        for (var i = 0; i < items.Count; i++)
        {
            var rest = i + 1 < items.Count ? NewBlankNode() : RdfNil;
            _quads.Add(new RdfQuad(node, RdfFirst, items[i], _graph));
            _quads.Add(new RdfQuad(node, RdfRest, rest, _graph));
            node = rest;
        }

        return head;
    }

    // The recursive Expand of a property's value (steps 3 and 4, or a map), as the RDF object of its statement.
    private RdfTerm? PropertyValue(Context active, string activeProperty, TermDefinition? definition, JToken value, int depth)
    {
        if (depth > _run.Options.MaxDepth)
        {
            return null;
        }

        if (value is JObject map)
        {
            return Element(active, activeProperty, definition, map, depth);
        }

        if (value is not JValue scalar)
        {
            return null;
        }

        // Step 4: the property-scoped context applies, then Value Expansion with the definition it gives.
        if (definition?.LocalContext is not null)
        {
            active = ContextProcessor.Process(_run, active, definition.LocalContext, definition.BaseUrl, JsonPath.Root, overrideProtected: true, ownedToken: true);
            definition = active.Term(activeProperty);
        }

        var typeMapping = definition?.TypeMapping;
        if (scalar.Type == JTokenType.String && typeMapping is Keywords.Id or Keywords.Vocab)
        {
            // Value Expansion steps 1 and 2, then Object to RDF steps 1 and 2: a node reference.
            return Resource(IriExpansion.Expand(_run, active, (string)scalar!, documentRelative: true, vocab: typeMapping == Keywords.Vocab));
        }

        // Value Expansion steps 3 to 5.
        string? datatype = null, language = null, direction = null;
        if (typeMapping is not null and not (Keywords.Id or Keywords.Vocab or Keywords.None))
        {
            datatype = typeMapping;
        }
        else if (scalar.Type == JTokenType.String)
        {
            language = definition is { HasLanguageMapping: true } ? definition.LanguageMapping : active.DefaultLanguage;
            direction = definition is { HasDirectionMapping: true } ? definition.DirectionMapping : active.DefaultDirection;
        }

        return Literal(scalar, datatype, language, direction);
    }

    // Step 13.4 for the keywords of a value object (13.4.4, 13.4.7 to 13.4.9), its checks in step 15, and Object to RDF.
    private RdfTerm? ValueObject(Context active, Context typeScopedContext, JObject element)
    {
        JValue? value = null;
        string? datatype = null, language = null, direction = null;
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (property.Name == Keywords.Context)
            {
                continue;
            }

            var v = property.Value;
            switch (active.Meaning(_run, property.Name).Expanded)
            {
                case Keywords.Value when value is null && v is JValue scalar && scalar.Type != JTokenType.Null:
                    value = scalar;
                    break;
                case Keywords.Type when datatype is null && v.Type == JTokenType.String:
                    datatype = IriExpansion.Expand(_run, typeScopedContext, (string)v!, documentRelative: true, vocab: true);
                    if (datatype is null || !IriResolver.IsWellFormedAbsoluteIri(datatype))
                    {
                        return null;
                    }

                    break;
                case Keywords.Language when language is null && v.Type == JTokenType.String && LanguageTags.IsWellFormedForJsonLd((string)v!):
                    language = ((string)v!).ToLowerInvariant();
                    break;
                case Keywords.Direction when direction is null && v.Type == JTokenType.String && (string)v! is "ltr" or "rtl":
                    direction = (string)v!;
                    break;
                default:
                    return null;
            }
        }

        // Step 15.1 and 15.4.
        if (value is null || (datatype is not null && (language is not null || direction is not null)) || (language is not null && value.Type != JTokenType.String))
        {
            return null;
        }

        return Literal(value, datatype, language, direction);
    }

    // Object to RDF (8.2.2) steps 6 to 14 for a value.
    private RdfTerm? Literal(JValue value, string? datatype, string? language, string? direction)
    {
        if ((datatype is not null && !IriResolver.IsWellFormedAbsoluteIri(datatype)) || (language is not null && !LanguageTags.IsWellFormedForJsonLd(language)))
        {
            return null;
        }

        string lexical;
        switch (value.Type)
        {
            case JTokenType.Boolean:
                lexical = (bool)value ? "true" : "false";
                datatype ??= RdfVocabulary.XsdBoolean;
                break;
            case JTokenType.Integer:
            case JTokenType.Float:
                if (value.Value is double d && !double.IsFinite(d))
                {
                    return null;
                }

                if (!RdfLiterals.IsIntegral(value) || datatype == RdfVocabulary.XsdDouble)
                {
                    lexical = RdfLiterals.DoubleForm(value);
                    datatype ??= RdfVocabulary.XsdDouble;
                }
                else
                {
                    lexical = RdfLiterals.IntegerForm(value);
                    datatype ??= RdfVocabulary.XsdInteger;
                }

                break;
            case JTokenType.String:
                lexical = (string)value!;
                break;
            default:
                return null;
        }

        if (direction is not null)
        {
            // Step 13, as eddsa-rdfc-2022 signs it; plain or compound literals are the spec path's.
            return _run.Options.RdfDirection == "i18n-datatype"
                ? RdfTerm.Literal(lexical, IriTerms.I18nDatatype(language, direction))
                : null;
        }

        return language is not null
            ? RdfTerm.Literal(lexical, language: language)
            : RdfTerm.Literal(lexical, datatype ?? RdfVocabulary.XsdString);
    }

    // An IRI or blank node identifier as an RDF term; null when toRdf would drop it (relative, a keyword, none).
    private RdfTerm? Resource(string? value, bool vocabulary = false)
    {
        if (value is null)
        {
            return null;
        }

        if (IriResolver.IsBlankNode(value))
        {
            // Node map step 6 (and 3 for types): the document's label, relabelled consistently.
            var labels = _documentBlankNodes ??= new Dictionary<string, RdfTerm>(StringComparer.Ordinal);
            if (!labels.TryGetValue(value, out var term))
            {
                labels.Add(value, term = NewBlankNode());
            }

            return term;
        }

        if (!IriResolver.IsWellFormedAbsoluteIri(value))
        {
            return null;
        }

        // Types and the like repeat from document to document; node identifiers mostly do not.
        return vocabulary ? IriTerms.Get(value) : RdfTerm.Iri(value);
    }

    private RdfTerm NewBlankNode() => IriTerms.BlankNode(_blankNodeCount++);

    // Step 7's exceptions: value objects, and node references holding nothing but @id.
    private bool KeepsTypeScopedContext(Context active, JObject element)
    {
        for (var member = element.First; member is not null; member = member.Next)
        {
            var property = (JProperty)member;
            if (Hidden(element, property.Name))
            {
                continue;
            }

            var expanded = active.Meaning(_run, property.Name).Expanded;
            if (expanded == Keywords.Value || (expanded == Keywords.Id && element.Count == 1))
            {
                return true;
            }
        }

        return false;
    }

    // The strings of a @type value into the scratch list, sorted; false when it is not a string or strings.
    private bool SortedTypes(JToken types)
    {
        _typeScratch.Clear();
        if (types.Type == JTokenType.String)
        {
            _typeScratch.Add((string)types!);
            return true;
        }

        if (types is not JArray array)
        {
            return false;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i].Type != JTokenType.String)
            {
                return false;
            }

            _typeScratch.Add((string)array[i]!);
        }

        if (_typeScratch.Count > 1)
        {
            _typeScratch.Sort(StringComparer.Ordinal);
        }

        return true;
    }

    private bool Hidden(JObject element, string name) => _view is not null && _view.Hides(element, name);
}
