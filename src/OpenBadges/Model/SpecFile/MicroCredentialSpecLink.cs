namespace OpenBadges.Model;

/// <summary>
/// A link to a framework node in a <see cref="MicroCredentialSpec"/>: a learning outcome (M6), a quality-assurance
/// framework or decision (M11), or a larger credential this one stacks into (O4).
/// </summary>
/// <param name="Name">The node's name (<c>targetName</c>).</param>
/// <param name="Url">The node's IRI (<c>targetUrl</c>), e.g. an ESCO skill.</param>
/// <param name="Description">Optional <c>targetDescription</c>.</param>
/// <param name="Code">Optional <c>targetCode</c>.</param>
/// <param name="Framework">Optional <c>targetFramework</c>.</param>
public sealed record MicroCredentialSpecLink(string Name, string Url, string? Description = null, string? Code = null, string? Framework = null);
