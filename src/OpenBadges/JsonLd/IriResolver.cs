namespace OpenBadges.JsonLd;

/// <summary>
/// RFC 3986 section 5.2 reference resolution and the IRI shape tests JSON-LD needs. Written out by hand
/// because <see cref="System.Uri"/> normalizes (case, percent-encoding, default ports, unicode, trailing
/// dots) and rejects IRIs the JSON-LD test suite requires to pass through unchanged.
/// </summary>
internal static class IriResolver
{
    /// <summary>
    /// True when <paramref name="value"/> starts with a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"),
    /// i.e. is an absolute IRI rather than a relative reference.
    /// </summary>
    public static bool HasScheme(string value) => SchemeLength(value) > 0;

    /// <summary>
    /// An absolute IRI good enough to become an RDF term: a scheme and no characters that IRIs forbid
    /// (spaces, controls, &lt; &gt; " { } | \ ^ `, a second #).
    /// </summary>
    public static bool IsWellFormedAbsoluteIri(string value)
    {
        if (!HasScheme(value))
        {
            return false;
        }

        // No control character, space or <>"{}|\^` (one vectorized search; this runs for every IRI of every
        // quad), and one fragment at most: "...#a#b" is not an IRI (toRdf#te111).
        var span = value.AsSpan();
        return !span.ContainsAny(NotInIri) && span.Count('#') <= 1;
    }

    private static readonly System.Buffers.SearchValues<char> NotInIri = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x21).Select(c => (char)c)) + "<>\"{}|\\^`");

    /// <summary>True for a blank node identifier (<c>_:</c> followed by a label).</summary>
    public static bool IsBlankNode(string value) => value.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>
    /// Resolves <paramref name="reference"/> against <paramref name="baseIri"/> (RFC 3986 5.2.2). A null base
    /// leaves the reference as it is; JSON-LD then keeps the relative IRI (and safe mode reports it).
    /// </summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (HasScheme(reference))
        {
            // R.scheme defined: T = R with dot segments removed from the path.
            var r = Split(reference);
            return Recompose(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        if (baseIri is null)
        {
            return reference;
        }

        var b = Split(baseIri);
        var rel = Split(reference);
        string? authority;
        string path;
        string? query;
        if (rel.Authority is not null)
        {
            authority = rel.Authority;
            path = RemoveDotSegments(rel.Path);
            query = rel.Query;
        }
        else
        {
            authority = b.Authority;
            if (rel.Path.Length == 0)
            {
                path = b.Path;
                query = rel.Query ?? b.Query;
            }
            else
            {
                path = rel.Path[0] == '/' ? RemoveDotSegments(rel.Path) : RemoveDotSegments(Merge(b, rel.Path));
                query = rel.Query;
            }
        }

        return Recompose(b.Scheme, authority, path, query, rel.Fragment);
    }

    private static int SchemeLength(string value)
    {
        if (value.Length == 0 || !char.IsAsciiLetter(value[0]))
        {
            return 0;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return i;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return 0;
            }
        }

        return 0;
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);

    // RFC 3986 appendix B, without a regular expression.
    private static Parts Split(string iri)
    {
        string? scheme = null;
        var rest = iri;
        var schemeLength = SchemeLength(iri);
        if (schemeLength > 0)
        {
            scheme = iri[..schemeLength];
            rest = iri[(schemeLength + 1)..];
        }

        string? fragment = null;
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            fragment = rest[(hash + 1)..];
            rest = rest[..hash];
        }

        string? query = null;
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        string? authority = null;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            authority = slash < 0 ? rest[2..] : rest[2..slash];
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        return new Parts(scheme, authority, rest, query, fragment);
    }

    // RFC 3986 5.2.3.
    private static string Merge(Parts baseParts, string relativePath)
    {
        if (baseParts.Authority is not null && baseParts.Path.Length == 0)
        {
            return "/" + relativePath;
        }

        var lastSlash = baseParts.Path.LastIndexOf('/');
        return lastSlash < 0 ? relativePath : baseParts.Path[..(lastSlash + 1)] + relativePath;
    }

    // RFC 3986 5.2.4, on segments rather than on a character buffer.
    internal static string RemoveDotSegments(string path)
    {
        if (path.Length == 0 || (!path.Contains("./", StringComparison.Ordinal) && !path.EndsWith('.')))
        {
            return path;
        }

        var absolute = path[0] == '/';
        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        var start = absolute ? 1 : 0;
        var endsWithDirectory = false;
        for (var i = start; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                endsWithDirectory = last;
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                endsWithDirectory = last;
                continue;
            }

            output.Add(segment);
            endsWithDirectory = false;
        }

        var result = string.Join('/', output);
        if (endsWithDirectory && output.Count > 0)
        {
            result += "/";
        }

        return absolute ? "/" + result : result;
    }

    private static string Recompose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var builder = new System.Text.StringBuilder();
        if (scheme is not null)
        {
            builder.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            builder.Append("//").Append(authority);
        }

        builder.Append(path);
        if (query is not null)
        {
            builder.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            builder.Append('#').Append(fragment);
        }

        return builder.ToString();
    }
}
