using System.Collections.Frozen;

namespace OpenBadges.JsonLd;

/// <summary>The JSON-LD 1.1 keywords, and the "has the form of a keyword" test (spec 1.7, 4.2.2 step 5).</summary>
internal static class Keywords
{
    public const string Base = "@base";
    public const string Container = "@container";
    public const string Context = "@context";
    public const string Default = "@default";
    public const string Direction = "@direction";
    public const string Graph = "@graph";
    public const string Id = "@id";
    public const string Import = "@import";
    public const string Included = "@included";
    public const string Index = "@index";
    public const string Json = "@json";
    public const string Language = "@language";
    public const string List = "@list";
    public const string Nest = "@nest";
    public const string None = "@none";
    public const string Prefix = "@prefix";
    public const string Propagate = "@propagate";
    public const string Protected = "@protected";
    public const string Reverse = "@reverse";
    public const string Set = "@set";
    public const string Type = "@type";
    public const string Value = "@value";
    public const string Version = "@version";
    public const string Vocab = "@vocab";

    private static readonly FrozenSet<string> All = new[]
    {
        Base, Container, Context, Default, Direction, Graph, Id, Import, Included, Index, Json, Language, List,
        Nest, None, Prefix, Propagate, Protected, Reverse, Set, Type, Value, Version, Vocab,
        // The framing keywords (@embed, @explicit, ...) are left out on purpose: this processor does not
        // frame, so in a document they are just keyword-form keys, ignored like any other.
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for a JSON-LD keyword.</summary>
    public static bool IsKeyword(string? value) => value is not null && All.Contains(value);

    /// <summary>
    /// True when <paramref name="value"/> looks like a keyword: "@" followed by one or more ALPHA characters.
    /// The spec reserves that form for future keywords, so such terms and IRIs are ignored, not processed.
    /// </summary>
    public static bool HasKeywordForm(string value)
    {
        if (value.Length < 2 || value[0] != '@')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }
}
