namespace OpenBadges.JsonLd;

/// <summary>Issues blank node identifiers <c>_:b0</c>, <c>_:b1</c>... and maps the document's own labels to them (spec 7.3).</summary>
internal sealed class BlankNodeIssuer
{
    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private int _counter;

    /// <summary>The new identifier for the document's <paramref name="existing"/> label (the same one every time).</summary>
    public string Get(string existing)
    {
        if (!_issued.TryGetValue(existing, out var label))
        {
            label = New();
            _issued[existing] = label;
        }

        return label;
    }

    /// <summary>A fresh identifier, for a node that has none.</summary>
    public string New() => "_:b" + _counter++;
}
