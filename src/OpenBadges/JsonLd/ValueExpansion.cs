using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>Value Expansion (spec 5.3.2): a scalar to a value object or, for @id/@vocab coercion, a node reference.</summary>
internal static class ValueExpansion
{
    /// <summary>Expands the scalar <paramref name="value"/> of <paramref name="activeProperty"/>; null when it must be dropped.</summary>
    public static JObject? Expand(JsonLdRun run, Context active, string? activeProperty, JValue value, JsonPath path)
    {
        var definition = activeProperty is null ? null : active.Term(activeProperty);
        var typeMapping = definition?.TypeMapping;

        // Steps 1 and 2: a string coerced to an IRI.
        if (value.Type == JTokenType.String && typeMapping is Keywords.Id or Keywords.Vocab)
        {
            var text = (string)value!;
            var iri = IriExpansion.Expand(run, active, text, documentRelative: true, vocab: typeMapping == Keywords.Vocab);
            if (iri is null)
            {
                run.Emit(JsonLdEventCode.ReservedIdValue, text, path, $"the value '{text}' at {path} is used as an IRI but has the form of a keyword; it is dropped");
                return null;
            }

            if (!Keywords.IsKeyword(iri) && !IriResolver.HasScheme(iri) && !IriResolver.IsBlankNode(iri))
            {
                run.Emit(JsonLdEventCode.RelativeIdReference, text, path, $"the IRI '{text}' at {path} is relative and there is no base IRI to resolve it against");
            }

            return new JObject { [Keywords.Id] = iri };
        }

        // Step 3.
        var result = new JObject { [Keywords.Value] = value.Parent is null ? value : new JValue(value) };

        // Step 4.
        if (typeMapping is not null and not (Keywords.Id or Keywords.Vocab or Keywords.None))
        {
            result[Keywords.Type] = typeMapping;
        }
        else if (value.Type == JTokenType.String)
        {
            // Step 5: a term's own @language/@direction (even null) wins over the context default.
            var language = definition is { HasLanguageMapping: true } ? definition.LanguageMapping : active.DefaultLanguage;
            var direction = definition is { HasDirectionMapping: true } ? definition.DirectionMapping : active.DefaultDirection;
            if (language is not null)
            {
                result[Keywords.Language] = language;
            }

            if (direction is not null)
            {
                result[Keywords.Direction] = direction;
            }
        }

        return result;
    }
}
