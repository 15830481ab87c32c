using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// Node Map Generation (spec 7.2.2) over expanded JSON-LD. Unlike the spec's version it does not consume its
/// input: it reads the expanded document and builds a separate <see cref="NodeMap"/>.
/// </summary>
internal sealed class NodeMapGeneration
{
    private readonly JsonLdRun _run;
    private readonly NodeMap _map = new(new BlankNodeIssuer());

    // The expanded input; error paths are worked out from a token's position under it, only when there is an
    // error (building a path object for every value walked was a tenth of toRdf's allocations).
    private JToken? _root;

    public NodeMapGeneration(JsonLdRun run)
    {
        _run = run;
    }

    public NodeMap Generate(JToken expanded)
    {
        _root = expanded;
        Process(expanded, NodeMap.DefaultGraph, null, false, null, null, 0);
        return _map;
    }

    // activeSubject with reverse = true is the spec's "active subject is a map" case: the node being
    // processed gets activeProperty pointing back at activeSubject.
    private void Process(JToken element, string activeGraph, string? activeSubject, bool reverse, string? activeProperty, JArray? list, int depth)
    {
        _run.CancellationToken.ThrowIfCancellationRequested();
        if (depth > _run.Options.MaxDepth)
        {
            _run.CheckDepth(depth, PathOf(element));
        }

        // Step 1.
        if (element is JArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Process(array[i], activeGraph, activeSubject, reverse, activeProperty, list, depth + 1);
            }

            return;
        }

        if (element is not JObject map)
        {
            throw Malformed(PathOf(element), $"expected a node, value or list object, not a {element.Type}");
        }

        // Step 2.
        var graph = _map.Graph(activeGraph);
        var subjectNode = activeSubject is not null && !reverse ? graph[activeSubject] : null;

        if (map.ContainsKey(Keywords.Value))
        {
            CheckValueObject(map);

            // Step 4.
            if (list is null)
            {
                subjectNode?.Property(activeProperty!).AddUnique(map);
            }
            else
            {
                list.Add(map.DeepClone());
            }

            return;
        }

        if (map.TryGetValue(Keywords.List, out var listValue))
        {
            if (listValue is not JArray)
            {
                throw Malformed(PathOf(map), "@list must hold an array");
            }

            // Step 5.
            var result = new JArray();
            Process(listValue, activeGraph, activeSubject, reverse, activeProperty, result, depth + 1);
            var listObject = new JObject { [Keywords.List] = result };
            if (list is null)
            {
                subjectNode?.Property(activeProperty!).Append(listObject);
            }
            else
            {
                list.Add(listObject);
            }

            return;
        }

        // Step 6: a node object. One whose @id was ignored (keyword form, reported during expansion) is no
        // node at all: it is neither created nor referenced (toRdf#te122).
        if (map.TryGetValue(Keywords.Id, out var ignoredId) && ignoredId.Type == JTokenType.Null)
        {
            return;
        }

        string id;
        if (map.TryGetValue(Keywords.Id, out var idValue) && idValue.Type != JTokenType.String)
        {
            throw Malformed(PathOf(map), "@id must be a string");
        }

        if (idValue is not null)
        {
            id = (string)idValue!;
            if (IriResolver.IsBlankNode(id))
            {
                id = _map.Issuer.Get(id);
            }
        }
        else
        {
            id = _map.Issuer.New();
        }

        if (!graph.TryGetValue(id, out var node))
        {
            node = new NodeMap.Node(id);
            graph[id] = node;
        }

        if (reverse)
        {
            // 6.4.
            node.Property(activeProperty!).AddUnique(new JObject { [Keywords.Id] = activeSubject });
        }
        else if (activeProperty is not null)
        {
            // 6.5.
            var reference = new JObject { [Keywords.Id] = id };
            if (list is null)
            {
                subjectNode?.Property(activeProperty).AddUnique(reference);
            }
            else
            {
                list.Add(reference);
            }
        }

        // Steps 3 and 6.6.
        if (map.TryGetValue(Keywords.Type, out var types))
        {
            var typeArray = Expansion.AsArray(types);
            for (var i = 0; i < typeArray.Count; i++)
            {
                var type = typeArray[i];
                var text = type.Type == JTokenType.String ? (string)type! : throw Malformed(PathOf(map), "@type must hold strings");
                node.AddType(IriResolver.IsBlankNode(text) ? _map.Issuer.Get(text) : text);
            }
        }

        // 6.7.
        if (map.TryGetValue(Keywords.Index, out var index))
        {
            var text = index.Type == JTokenType.String ? (string)index! : throw Malformed(PathOf(map), "@index must be a string");
            if (node.Index is not null && node.Index != text)
            {
                throw JsonLdErrors.ConflictingIndexes(id, node.Index, text);
            }

            node.Index = text;
        }

        // 6.8.
        if (map.TryGetValue(Keywords.Reverse, out var reverseMap))
        {
            if (reverseMap is not JObject reverseProperties)
            {
                throw Malformed(PathOf(map), "@reverse must be a map");
            }

            foreach (var property in reverseProperties.Properties())
            {
                Process(property.Value, activeGraph, id, true, property.Name, null, depth + 1);
            }
        }

        // 6.9.
        if (map.TryGetValue(Keywords.Graph, out var namedGraph))
        {
            _map.Graph(id);
            Process(namedGraph, id, null, false, null, null, depth + 1);
        }

        // 6.10.
        if (map.TryGetValue(Keywords.Included, out var included))
        {
            Process(included, activeGraph, null, false, null, null, depth + 1);
        }

        // 6.11.
        foreach (var property in SortedProperties(map))
        {
            if (Keywords.IsKeyword(property.Name))
            {
                continue;
            }

            var name = IriResolver.IsBlankNode(property.Name) ? _map.Issuer.Get(property.Name) : property.Name;
            node.Property(name);
            Process(property.Value, activeGraph, id, false, name, null, depth + 1);
        }
    }

    // ExpandedToRdf accepts expanded JSON-LD from callers: anything not of that shape is refused with a clear
    // error instead of a cast exception deep inside.
    private static JsonLdException Malformed(JsonPath path, string rule) =>
        JsonLdErrors.NotExpanded(path, rule);

    private static readonly string[] ValueObjectStringEntries = [Keywords.Type, Keywords.Language, Keywords.Direction, Keywords.Index];

    // The properties in ordinal order of their names (an array sort: LINQ's OrderBy cost more than the step).
    private static JProperty[] SortedProperties(JObject map)
    {
        var properties = new JProperty[map.Count];
        var i = 0;
        for (var token = map.First; token is not null; token = token.Next)
        {
            properties[i++] = (JProperty)token;
        }

        Array.Sort(properties, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return properties;
    }

    /// <summary>The JSON path of <paramref name="token"/> under the expanded input (<c>$</c>), as the walk would have built it.</summary>
    private JsonPath PathOf(JToken token)
    {
        var steps = new Stack<JToken>();
        for (var t = token; t is not null && !ReferenceEquals(t, _root); t = t.Parent)
        {
            steps.Push(t);
        }

        var path = JsonPath.Root;
        foreach (var step in steps)
        {
            switch (step.Parent)
            {
                case JArray array:
                    path = path.Index(array.IndexOf(step));
                    break;
                case JProperty property:
                    path = path.Key(property.Name);
                    break;
            }
        }

        return path;
    }

    private void CheckValueObject(JObject map)
    {
        foreach (var key in ValueObjectStringEntries)
        {
            if (map.TryGetValue(key, out var entry) && entry.Type != JTokenType.String)
            {
                throw Malformed(PathOf(map).Key(key), key + " of a value object must be a string");
            }
        }

        if (map[Keywords.Value] is JContainer && (string?)map[Keywords.Type] != Keywords.Json)
        {
            throw Malformed(PathOf(map).Key(Keywords.Value), "@value must be a string, number, boolean or null unless @type is @json");
        }
    }
}
