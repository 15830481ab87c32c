using Newtonsoft.Json.Linq;
using OpenBadges.Rdf;
using OpenBadges.Internal;

namespace OpenBadges.JsonLd;

/// <summary>
/// Deserialize JSON-LD to RDF (spec 8.1.2), Object to RDF (8.2.2) and List Conversion (8.3.2). Everything the
/// algorithm skips (relative IRIs, blank node predicates, ill-formed language tags) is reported as an event.
/// </summary>
internal sealed class RdfSerialization
{
    private const string I18nNamespace = "https://www.w3.org/ns/i18n#";
    private static readonly RdfTerm RdfType = RdfTerm.Iri(RdfVocabulary.Type);
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(RdfVocabulary.First);
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(RdfVocabulary.Rest);
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(RdfVocabulary.Nil);

    private readonly JsonLdRun _run;
    private readonly BlankNodeIssuer _issuer;
    private readonly List<RdfQuad> _quads = [];
    private readonly List<RdfQuad> _listTriples = [];

    public RdfSerialization(JsonLdRun run, BlankNodeIssuer issuer)
    {
        _run = run;
        _issuer = issuer;
    }

    public IReadOnlyList<RdfQuad> ToDataset(NodeMap nodeMap)
    {
        // Step 1.
        foreach (var graphName in Sorted(nodeMap.Graphs.Keys))
        {
            RdfTerm graphTerm;
            if (graphName == NodeMap.DefaultGraph)
            {
                graphTerm = RdfTerm.DefaultGraph;
            }
            else if (ToResource(graphName) is { } named)
            {
                graphTerm = named;
            }
            else
            {
                // 1.1.
                _run.Emit(JsonLdEventCode.RelativeGraphReference, graphName, NodePath(graphName), $"the named graph '{graphName}' has a relative IRI as its name; the whole graph is dropped");
                continue;
            }

            var graph = nodeMap.Graphs[graphName];
            foreach (var subject in Sorted(graph.Keys))
            {
                _run.CancellationToken.ThrowIfCancellationRequested();
                var node = graph[subject];
                if (node.Types.Count == 0 && !HasValues(node))
                {
                    // Only referenced (or empty): no statements, so nothing to drop or report.
                    continue;
                }

                var subjectTerm = ToResource(subject);
                if (subjectTerm is null)
                {
                    _run.Emit(JsonLdEventCode.RelativeSubjectReference, subject, NodePath(subject), $"the subject '{subject}' is a relative IRI reference; its statements are dropped");
                    continue;
                }

                WriteNode(node, subjectTerm, graphTerm);
            }
        }

        return _quads;
    }

    private void WriteNode(NodeMap.Node node, RdfTerm subject, RdfTerm graph)
    {
        // 1.3.2.1.
        foreach (var type in node.Types)
        {
            if (ToResource(type) is { } typeTerm)
            {
                _quads.Add(new RdfQuad(subject, RdfType, typeTerm, graph));
            }
            else
            {
                _run.Emit(JsonLdEventCode.RelativeTypeReference, type, NodePath(node.Id).Key(Keywords.Type), $"the type '{type}' of '{node.Id}' is a relative IRI reference; it is dropped");
            }
        }

        // Paths only name things in events; one per node, not one per value.
        var nodePath = NodePath(node.Id);
        foreach (var property in Sorted(node.Properties.Keys))
        {
            RdfTerm predicate;
            if (IriResolver.IsBlankNode(property))
            {
                // 1.3.2.3.
                if (!_run.Options.ProduceGeneralizedRdf)
                {
                    _run.Emit(JsonLdEventCode.BlankNodePredicate, property, nodePath.Key(property), $"the property '{property}' of '{node.Id}' is a blank node, which RDF does not allow as a predicate; its statements are dropped");
                    continue;
                }

                predicate = RdfTerm.BlankNode(property);
            }
            else if (IriResolver.IsWellFormedAbsoluteIri(property))
            {
                predicate = RdfTerm.Iri(property);
            }
            else
            {
                // 1.3.2.4.
                _run.Emit(JsonLdEventCode.RelativePropertyReference, property, nodePath.Key(property), $"the property '{property}' of '{node.Id}' is a relative IRI reference; its statements are dropped");
                continue;
            }

            var propertyPath = nodePath.Key(property);
            foreach (var item in node.Properties[property].Items)
            {
                // 1.3.2.5. (One list of list triples, emptied per value: they follow the value's own triple.)
                var listTriples = _listTriples;
                listTriples.Clear();
                var @object = ObjectToRdf(item, graph, listTriples, propertyPath);
                if (@object is not null)
                {
                    _quads.Add(new RdfQuad(subject, predicate, @object, graph));
                }

                _quads.AddRange(listTriples);
            }
        }
    }

    // Object to RDF (spec 8.2.2).
    private RdfTerm? ObjectToRdf(JObject item, RdfTerm graph, List<RdfQuad> extra, JsonPath path)
    {
        // Steps 1 and 2: a node reference.
        if (!item.ContainsKey(Keywords.Value) && !item.ContainsKey(Keywords.List))
        {
            var id = (string?)item[Keywords.Id] ?? string.Empty;
            var term = ToResource(id);
            if (term is null)
            {
                _run.Emit(JsonLdEventCode.RelativeObjectReference, id, path, $"the node reference '{id}' is a relative IRI reference; the statement is dropped");
            }

            return term;
        }

        // Step 3.
        if (item.TryGetValue(Keywords.List, out var list))
        {
            return ListToRdf((JArray)list, graph, extra, path.Key(Keywords.List));
        }

        // Steps 4 and 5.
        var value = item[Keywords.Value]!;
        var datatype = (string?)item[Keywords.Type];
        var language = (string?)item[Keywords.Language];

        // Step 6.
        if (datatype is not null && datatype != Keywords.Json && !IriResolver.IsWellFormedAbsoluteIri(datatype))
        {
            _run.Emit(JsonLdEventCode.RelativeObjectReference, datatype, path, $"the datatype '{datatype}' is not an absolute IRI; the literal is dropped");
            return null;
        }

        // Step 7.
        if (language is not null && !LanguageTags.IsWellFormedForJsonLd(language))
        {
            _run.Emit(JsonLdEventCode.InvalidLanguage, language, path, $"the language tag '{language}' is not well-formed BCP 47; the literal is dropped");
            return null;
        }

        string lexical;
        if (datatype == Keywords.Json)
        {
            // Step 8. The literal was never walked by expansion when it came in already expanded: bound it here.
            _run.CheckValueDepth(value, 0, path);
            lexical = JsonLiteral.CanonicalForm(value);
            datatype = RdfVocabulary.Json;
        }
        else if (value.Type == JTokenType.Boolean)
        {
            // Step 9.
            lexical = (bool)value ? "true" : "false";
            datatype ??= RdfVocabulary.XsdBoolean;
        }
        else if (value is JValue number && value.Type is JTokenType.Integer or JTokenType.Float)
        {
            // Steps 10 and 11: the integer form unless the number has a fraction, is too large, or is an xsd:double.
            if (!RdfLiterals.IsIntegral(number) || datatype == RdfVocabulary.XsdDouble)
            {
                lexical = RdfLiterals.DoubleForm(number);
                datatype ??= RdfVocabulary.XsdDouble;
            }
            else
            {
                lexical = RdfLiterals.IntegerForm(number);
                datatype ??= RdfVocabulary.XsdInteger;
            }
        }
        else
        {
            // Step 12.
            lexical = value.Type == JTokenType.String ? (string)value! : value.ToString(Newtonsoft.Json.Formatting.None);
            datatype ??= language is null ? RdfVocabulary.XsdString : RdfVocabulary.LangString;
        }

        // Step 13.
        var direction = (string?)item[Keywords.Direction];
        if (direction is not null && _run.Options.RdfDirection is null)
        {
            _run.Emit(
                JsonLdEventCode.DirectionDropped,
                direction,
                path,
                $"the value at {path} has @direction '{direction}', which plain RDF literals cannot carry; set JsonLdOptions.RdfDirection (eddsa-rdfc-2022 uses 'i18n-datatype') to keep it");
        }

        if (direction is not null && _run.Options.RdfDirection is { } rdfDirection)
        {
            var lowerLanguage = language?.ToLowerInvariant() ?? string.Empty;
            if (rdfDirection == "i18n-datatype")
            {
                return RdfTerm.Literal(lexical, I18nNamespace + lowerLanguage + "_" + direction);
            }

            // compound-literal
            var literal = RdfTerm.BlankNode(_issuer.New());
            extra.Add(new RdfQuad(literal, RdfTerm.Iri(RdfVocabulary.Value), RdfTerm.Literal(lexical), graph));
            if (language is not null)
            {
                extra.Add(new RdfQuad(literal, RdfTerm.Iri(RdfVocabulary.Language), RdfTerm.Literal(lowerLanguage), graph));
            }

            extra.Add(new RdfQuad(literal, RdfTerm.Iri(RdfVocabulary.Direction), RdfTerm.Literal(direction), graph));
            return literal;
        }

        // Step 14.
        return language is not null ? RdfTerm.Literal(lexical, language: language) : RdfTerm.Literal(lexical, datatype);
    }

    // List Conversion (spec 8.3.2).
    private RdfTerm ListToRdf(JArray list, RdfTerm graph, List<RdfQuad> extra, JsonPath path)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }

        var nodes = new RdfTerm[list.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = RdfTerm.BlankNode(_issuer.New());
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var embedded = new List<RdfQuad>();
            var @object = ObjectToRdf((JObject)list[i], graph, embedded, path.Index(i));
            if (@object is not null)
            {
                extra.Add(new RdfQuad(nodes[i], RdfFirst, @object, graph));
            }

            extra.Add(new RdfQuad(nodes[i], RdfRest, i + 1 < nodes.Length ? nodes[i + 1] : RdfNil, graph));
            extra.AddRange(embedded);
        }

        return nodes[0];
    }

    // The keys in ordinal order (an array sort; LINQ's Order cost more than the sorting).
    private static string[] Sorted(Dictionary<string, NodeMap.Node>.KeyCollection keys) => SortedArray(keys);

    private static string[] Sorted(Dictionary<string, Dictionary<string, NodeMap.Node>>.KeyCollection keys) => SortedArray(keys);

    private static string[] Sorted(Dictionary<string, NodeMap.PropertyValues>.KeyCollection keys) => SortedArray(keys);

    private static string[] SortedArray(ICollection<string> keys)
    {
        var sorted = new string[keys.Count];
        keys.CopyTo(sorted, 0);
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    private static bool HasValues(NodeMap.Node node)
    {
        foreach (var values in node.Properties.Values)
        {
            if (values.Items.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    // toRdf works on the node map, where the document's nesting is gone: events name the node instead.
    private static JsonPath NodePath(string id) => JsonPath.OfLabel("node <" + id + ">");

    private static RdfTerm? ToResource(string value)
    {
        if (IriResolver.IsBlankNode(value))
        {
            return RdfTerm.BlankNode(value);
        }

        return IriResolver.IsWellFormedAbsoluteIri(value) ? RdfTerm.Iri(value) : null;
    }
}
