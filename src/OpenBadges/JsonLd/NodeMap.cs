using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>
/// The node map of spec 7.2: graph name to subject to node. Values are kept as expanded JSON-LD objects
/// (value objects, <c>{"@id"}</c> node references, <c>{"@list"}</c> list objects).
/// </summary>
internal sealed class NodeMap
{
    public const string DefaultGraph = Keywords.Default;

    public NodeMap(BlankNodeIssuer issuer)
    {
        Issuer = issuer;
        Graph(DefaultGraph);
    }

    /// <summary>The issuer that labelled the blank nodes; toRdf continues with it (spec 8.1).</summary>
    public BlankNodeIssuer Issuer { get; }

    public Dictionary<string, Dictionary<string, Node>> Graphs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Node> Graph(string name)
    {
        if (!Graphs.TryGetValue(name, out var graph))
        {
            graph = new Dictionary<string, Node>(StringComparer.Ordinal);
            Graphs[name] = graph;
        }

        return graph;
    }

    /// <summary>One node: its types, its index and its properties.</summary>
    internal sealed class Node(string id)
    {
        public string Id { get; } = id;

        public List<string> Types { get; } = [];

        public string? Index { get; set; }

        public Dictionary<string, PropertyValues> Properties { get; } = new(StringComparer.Ordinal);

        public void AddType(string type)
        {
            // A node has a handful of types: a linear (ordinal) search beats a hash set per node.
            if (!Types.Contains(type))
            {
                Types.Add(type);
            }
        }

        public PropertyValues Property(string property)
        {
            if (!Properties.TryGetValue(property, out var values))
            {
                values = new PropertyValues();
                Properties[property] = values;
            }

            return values;
        }
    }

    /// <summary>The values of one property, without duplicates (lists are never merged).</summary>
    internal sealed class PropertyValues
    {
        private static readonly string[] ValueObjectKeys = [Keywords.Value, Keywords.Type, Keywords.Language, Keywords.Direction, Keywords.Index, Keywords.Id];

        // The keys of the items added through AddUnique; made only when a second item arrives (most properties
        // have one value, which needs no comparison, and building its key was a string per value).
        private HashSet<string>? _keys;
        private JObject? _firstUnique;

        public List<JObject> Items { get; } = [];

        public void AddUnique(JObject item)
        {
            if (_keys is null)
            {
                if (_firstUnique is null)
                {
                    _firstUnique = item;
                    Items.Add(item);
                    return;
                }

                _keys = new HashSet<string>(StringComparer.Ordinal) { Key(_firstUnique) };
            }

            if (_keys.Add(Key(item)))
            {
                Items.Add(item);
            }
        }

        public void Append(JObject item) => Items.Add(item);

        // Equality of node references and value objects, as the spec's "add value ... unique" compares them.
        private static string Key(JObject item)
        {
            if (item.TryGetValue(Keywords.Id, out var id) && item.Count == 1)
            {
                return "@id\u0000" + (string?)id;
            }

            // A value object: its (few, fixed) entries in a fixed order.
            var key = new System.Text.StringBuilder();
            foreach (var name in ValueObjectKeys)
            {
                if (item.TryGetValue(name, out var entry))
                {
                    key.Append(name).Append('\u0001').Append(entry.Type == JTokenType.String ? "s" + (string)entry! : entry.ToString(Formatting.None)).Append('\u0000');
                }
            }

            return key.ToString();
        }
    }
}
