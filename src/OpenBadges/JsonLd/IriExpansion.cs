namespace OpenBadges.JsonLd;

/// <summary>IRI Expansion (spec 5.2.2): a term, compact IRI, keyword alias or relative IRI to an IRI.</summary>
internal static class IriExpansion
{
    /// <summary>
    /// Expands <paramref name="value"/>. <paramref name="scope"/> is given only while a context is being
    /// processed: terms of that context the value depends on are then defined first (steps 3 and 6.3).
    /// Returns null for null input, for a value of keyword form (the caller reports it), and for a term
    /// explicitly mapped to null.
    /// </summary>
    public static string? Expand(
        JsonLdRun run,
        Context active,
        string? value,
        bool documentRelative = false,
        bool vocab = false,
        TermDefinitionScope? scope = null)
    {
        // Keys (vocab-relative, outside context processing) depend on nothing but the finished context, which
        // remembers them.
        if (vocab && !documentRelative && scope is null && value is not null && active.IsFrozen)
        {
            return active.Meaning(run, value).Expanded;
        }

        return ExpandCore(run, active, value, documentRelative, vocab, scope);
    }

    /// <summary>The vocabulary-relative expansion of a key, uncached (<see cref="Context.Meaning"/> caches it).</summary>
    public static string? ExpandKey(JsonLdRun run, Context active, string key) =>
        ExpandCore(run, active, key, documentRelative: false, vocab: true, scope: null);

    private static string? ExpandCore(JsonLdRun run, Context active, string? value, bool documentRelative, bool vocab, TermDefinitionScope? scope)
    {
        // Step 1.
        if (value is null || Keywords.IsKeyword(value))
        {
            return value;
        }

        // Step 2: "@foo" is reserved for future keywords; ignore it.
        if (Keywords.HasKeywordForm(value))
        {
            return null;
        }

        // Step 3.
        if (scope is not null && scope.LocalContext.ContainsKey(value) && !scope.IsDefined(value))
        {
            ContextProcessor.CreateTermDefinition(run, active, scope, value);
        }

        var definition = active.Term(value);

        // Step 4.
        if (definition is not null && Keywords.IsKeyword(definition.IriMapping))
        {
            return definition.IriMapping;
        }

        // Step 5.
        if (vocab && definition is not null)
        {
            return definition.IriMapping;
        }

        // Step 6.
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            // 6.2: a blank node identifier, or an IRI with an authority ("http://..."): as is. (Checked on the
            // text itself: cutting out prefix and suffix first copied every absolute IRI of every document.)
            if ((colon == 1 && value[0] == '_') || value.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            var prefix = value[..colon];

            // 6.3.
            if (scope is not null && scope.LocalContext.ContainsKey(prefix) && !scope.IsDefined(prefix))
            {
                ContextProcessor.CreateTermDefinition(run, active, scope, prefix);
            }

            // 6.4.
            var prefixDefinition = active.Term(prefix);
            if (prefixDefinition is { IriMapping: not null, IsPrefix: true })
            {
                return string.Concat(prefixDefinition.IriMapping, value.AsSpan(colon + 1));
            }

            // 6.5.
            if (IriResolver.HasScheme(value))
            {
                return value;
            }
        }

        // Step 7.
        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        // Step 8.
        if (documentRelative)
        {
            return IriResolver.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
