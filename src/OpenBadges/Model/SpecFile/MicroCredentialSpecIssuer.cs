namespace OpenBadges.Model;

/// <summary>M4 in a <see cref="MicroCredentialSpec"/>: the awarding body.</summary>
public sealed record MicroCredentialSpecIssuer
{
    /// <summary><c>id</c>: DID or URL; the controller of the signing key.</summary>
    public string? Id { get; init; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>url</c>: home page.</summary>
    public string? Url { get; init; }

    /// <summary><c>email</c>.</summary>
    public string? Email { get; init; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>brin</c>: the Dutch institution code (written as <c>otherIdentifier</c> <c>ext:BRIN</c>).</summary>
    public string? Brin { get; init; }

    /// <summary><c>identifiers</c>: further identifiers (<c>identifier</c>, <c>type</c>).</summary>
    public IReadOnlyList<IdentifierEntry> Identifiers { get; init; } = [];

    /// <summary><c>countryName</c>: the country's name, beside the code in the spec's <c>country</c>.</summary>
    public string? CountryName { get; init; }

    /// <summary><c>locality</c>: city or town.</summary>
    public string? Locality { get; init; }
}
