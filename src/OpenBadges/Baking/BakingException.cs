namespace OpenBadges.Baking;

/// <summary>An image that cannot be baked or unbaked: not a PNG/SVG, corrupt, or with an ambiguous credential.</summary>
public sealed class BakingException(string message) : FormatException(message);
