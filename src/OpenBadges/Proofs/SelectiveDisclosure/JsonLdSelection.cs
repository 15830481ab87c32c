using Newtonsoft.Json.Linq;

namespace OpenBadges.Proofs;

/// <summary>
/// selectJsonLd (vc-di-ecdsa §3.4.11–3.4.13): the part of a compact JSON-LD document that a set of JSON Pointers
/// selects, keeping the <c>@context</c> and the <c>id</c> and <c>type</c> of every object on each pointer's path.
/// </summary>
internal static class JsonLdSelection
{
    /// <summary>The selection document, or null when there are no pointers.</summary>
    /// <exception cref="ArgumentException">A pointer does not match the document.</exception>
    public static JObject? Select(JObject document, IReadOnlyList<string> pointers)
    {
        // Step 1: no pointers, no selection.
        if (pointers.Count == 0)
        {
            return null;
        }

        // Steps 2-4: the root's initial selection with the context.
        var arrays = new List<JArray>();
        var selection = InitialSelection(document);
        if (document["@context"] is { } context)
        {
            selection.AddFirst(new JProperty("@context", context.DeepClone()));
        }

        // Step 5: each pointer's path.
        foreach (var pointer in pointers)
        {
            SelectPath(document, pointer, JsonPointer.Parse(pointer), selection, arrays);
        }

        // Step 6: arrays were filled by index; the unselected slots go.
        foreach (var array in arrays)
        {
            for (var i = array.Count - 1; i >= 0; i--)
            {
                if (array[i].Type == JTokenType.Undefined)
                {
                    array.RemoveAt(i);
                }
            }
        }

        return selection;
    }

    /// <summary>createInitialSelection: the source's id (unless a blank node identifier) and type.</summary>
    private static JObject InitialSelection(JObject source)
    {
        var selection = new JObject();
        foreach (var key in (string[])["id", "@id"])
        {
            if (source[key] is JValue { Type: JTokenType.String } id && !((string)id!).StartsWith("_:", StringComparison.Ordinal))
            {
                selection[key] = id.DeepClone();
            }
        }

        foreach (var key in (string[])["type", "@type"])
        {
            if (source[key] is { } type)
            {
                selection[key] = type.DeepClone();
            }
        }

        return selection;
    }

    /// <summary>selectPaths: walks the pointer through the document, building the same path in the selection.</summary>
    private static void SelectPath(JObject document, string pointer, string[] paths, JObject selection, List<JArray> arrays)
    {
        JToken value = document;
        JToken selectedValue = selection;
        JToken selectedParent = selection;
        for (var i = 0; i < paths.Length; i++)
        {
            var path = paths[i];
            selectedParent = selectedValue;
            value = JsonPointer.Step(value, path) ?? throw ProofErrors.PointerDoesNotMatch(pointer, path, nameof(pointer));
            if (i == paths.Length - 1)
            {
                break;
            }

            var existing = Get(selectedParent, path);
            if (existing is null)
            {
                if (value is JArray)
                {
                    var array = new JArray();
                    arrays.Add(array);
                    existing = array;
                }
                else if (value is JObject source)
                {
                    existing = InitialSelection(source);
                }
                else
                {
                    throw ProofErrors.PointerThroughScalar(pointer, path, nameof(pointer));
                }

                Set(selectedParent, path, existing);
            }

            selectedValue = existing;
        }

        // The pointer's target: a literal or array as it is; an object merged over what the selection already holds.
        JToken final;
        if (value is JObject obj && Get(selectedParent, paths[^1]) is JObject already)
        {
            final = already;
            foreach (var property in obj.Properties())
            {
                already[property.Name] = property.Value.DeepClone();
            }
        }
        else
        {
            final = value.DeepClone();
        }

        Set(selectedParent, paths[^1], final);
    }

    private static JToken? Get(JToken parent, string path) => parent switch
    {
        JObject obj => obj[path],
        JArray array => JsonPointer.IsIndex(path, out var index) && index < array.Count && array[index].Type != JTokenType.Undefined ? array[index] : null,
        _ => null,
    };

    private static void Set(JToken parent, string path, JToken value)
    {
        if (parent is JObject obj)
        {
            obj[path] = value;
            return;
        }

        var array = (JArray)parent;
        JsonPointer.IsIndex(path, out var index);
        while (array.Count <= index)
        {
            array.Add(JValue.CreateUndefined());
        }

        array[index] = value;
    }
}
