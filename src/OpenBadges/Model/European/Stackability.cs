namespace OpenBadges.Model;

/// <summary>O4, integration/stackability options (Annex I).</summary>
public enum Stackability
{
    /// <summary><c>standalone</c>: an independent credential.</summary>
    Standalone = 1,

    /// <summary><c>stackable</c>: can be combined into a larger credential.</summary>
    Stackable,
}
