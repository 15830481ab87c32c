namespace OpenBadges.Issuer.Issuing;

/// <summary>The awarding body (M3, M4) from configuration (<c>OpenBadges:Issuer</c>); its id is the signing key's controller.</summary>
public sealed class IssuerProfile
{
    public string Name { get; init; } = "";
    public string Url { get; init; } = "";
    public string Country { get; init; } = "";
    public string? Brin { get; init; }

    /// <summary>Where this service is reachable, e.g. <c>https://credentials.example.nl</c>: the status list URLs start with it.</summary>
    public string PublicBaseUrl { get; init; } = "https://localhost";
}
