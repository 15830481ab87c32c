using Newtonsoft.Json.Linq;

namespace OpenBadges.Json;

/// <summary>
/// A document read as if one top-level member were absent and, optionally, its <c>@context</c> replaced: the
/// unsecured document a proof was made over (the secured document without <c>proof</c>, with the proof's context),
/// processed in place instead of first copied. Expansion and JCS read the root through it; nothing is modified.
/// </summary>
/// <param name="Root">The document.</param>
/// <param name="OmittedMember">The top-level member to ignore (e.g. <c>proof</c>), or null for none.</param>
/// <param name="Context">The <c>@context</c> to use instead of the document's, or null for the document's own.</param>
internal sealed record DocumentView(JObject Root, string? OmittedMember, JToken? Context)
{
    /// <summary>The whole of <paramref name="root"/>, as it is.</summary>
    public static DocumentView Whole(JObject root) => new(root, null, null);

    /// <summary>True when <paramref name="name"/> is a member of <paramref name="container"/> the view hides.</summary>
    /// <remarks><c>@context</c> counts as hidden when the view replaces it (the replacement is read through <see cref="ContextOf"/>).</remarks>
    public bool Hides(JObject container, string name) =>
        ReferenceEquals(container, Root) &&
        ((OmittedMember is not null && string.Equals(name, OmittedMember, StringComparison.Ordinal)) || (Context is not null && string.Equals(name, "@context", StringComparison.Ordinal)));

    /// <summary>The <c>@context</c> of <paramref name="container"/> as the view shows it.</summary>
    public JToken? ContextOf(JObject container) =>
        ReferenceEquals(container, Root) && Context is not null ? Context : container["@context"];
}
