using System.Collections.ObjectModel;

namespace OpenBadges.Model;

/// <summary>
/// A one-item list that was read from a single JSON value (JSON-LD compacts a one-element set to the
/// element). Writing it produces the single value again, so a round trip keeps the document's shape.
/// </summary>
internal sealed class SingleValueList<T> : ReadOnlyCollection<T>
{
    public SingleValueList(T item)
        : base([item])
    {
    }
}
