namespace OpenBadges.Model;

/// <summary>An <c>achievement.alignment[]</c> entry: a learning outcome (M6), quality assurance (M11), EQF level (M8) or larger credential (O4).</summary>
public sealed class AlignmentView
{
    internal AlignmentView(string? targetName, string? targetUrl, string? targetDescription, string? targetCode, string? targetFramework)
    {
        TargetName = targetName;
        TargetUrl = targetUrl;
        TargetDescription = targetDescription;
        TargetCode = targetCode;
        TargetFramework = targetFramework;
    }

    /// <summary><c>targetName</c>.</summary>
    public string? TargetName { get; }

    /// <summary><c>targetUrl</c> (for ESCO skills the ESCO IRI).</summary>
    public string? TargetUrl { get; }

    /// <summary><c>targetDescription</c>.</summary>
    public string? TargetDescription { get; }

    /// <summary><c>targetCode</c>.</summary>
    public string? TargetCode { get; }

    /// <summary><c>targetFramework</c>.</summary>
    public string? TargetFramework { get; }
}
