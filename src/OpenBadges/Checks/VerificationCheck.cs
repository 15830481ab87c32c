namespace OpenBadges.Checks;

/// <summary>One named check with its outcome, said so a person can act on it.</summary>
/// <param name="Name">Stable check name, e.g. <c>proof.signature</c>.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Message">What was found, in plain words.</param>
/// <param name="JsonPath">Where in the document, e.g. <c>$.proof[0].verificationMethod</c>; null when the check is about the whole document.</param>
/// <param name="Rule">The rule the check enforces, in plain words.</param>
public sealed record VerificationCheck(string Name, CheckStatus Status, string Message, string? JsonPath, string Rule)
{
    /// <summary>A passed check.</summary>
    public static VerificationCheck Pass(string name, string message, string? path, string rule) => new(name, CheckStatus.Passed, message, path, rule);

    /// <summary>A failed check.</summary>
    public static VerificationCheck Fail(string name, string message, string? path, string rule) => new(name, CheckStatus.Failed, message, path, rule);

    /// <summary>A check that could not be decided.</summary>
    public static VerificationCheck Undecided(string name, string message, string? path, string rule) => new(name, CheckStatus.CouldNotCheck, message, path, rule);

    /// <summary>A check that was not run.</summary>
    public static VerificationCheck Skip(string name, string message, string? path, string rule) => new(name, CheckStatus.Skipped, message, path, rule);
}
