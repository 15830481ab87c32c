namespace OpenBadges.Checks;

/// <summary>One named check with its outcome, said so a person can act on it.</summary>
/// <param name="Name">Stable check name, e.g. <c>proof.signature</c>.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Message">What was found, in plain words.</param>
/// <param name="JsonPath">Where in the document, e.g. <c>$.proof[0].verificationMethod</c>; null when the check is about the whole document.</param>
/// <param name="Rule">The rule the check enforces, in plain words.</param>
public sealed record VerificationCheck(string Name, CheckStatus Status, string Message, string? JsonPath, string Rule)
{
    private readonly string? _code;

    /// <summary>
    /// The stable problem code (<see cref="ProblemCodes"/>) of a Failed, Warning or CouldNotCheck check; null for Passed and
    /// NotApplicable. When none is given, the check's name and status choose the code (<see cref="ProblemCodes.Default"/>).
    /// </summary>
    public string? Code
    {
        get => Status is CheckStatus.Passed or CheckStatus.NotApplicable ? null : _code ?? ProblemCodes.Default(Name, Status);
        init => _code = value;
    }

    /// <summary>The VC Data Model 2.0 §7.1 ProblemDetails <c>type</c> URL of <see cref="Code"/>; null when there is no code.</summary>
    public string? ProblemType => Code is { } code ? ProblemCodes.TypeOf(code) : null;

    /// <summary>A passed check.</summary>
    public static VerificationCheck Pass(string name, string message, string? path, string rule) => new(name, CheckStatus.Passed, message, path, rule);

    /// <summary>A failed check; <paramref name="code"/> when the check's default code is not specific enough.</summary>
    public static VerificationCheck Fail(string name, string message, string? path, string rule, string? code = null) => new(name, CheckStatus.Failed, message, path, rule) { Code = code };

    /// <summary>A check that could not be decided.</summary>
    public static VerificationCheck Undecided(string name, string message, string? path, string rule, string? code = null) => new(name, CheckStatus.CouldNotCheck, message, path, rule) { Code = code };

    /// <summary>A check that holds as far as the schema and the algorithm go, against a data-model MUST (name the spec section in the message).</summary>
    public static VerificationCheck Warn(string name, string message, string? path, string rule, string? code = null) => new(name, CheckStatus.Warning, message, path, rule) { Code = code };

    /// <summary>A check that was not run: it does not apply, or depends on one that did not pass.</summary>
    public static VerificationCheck NotApplicable(string name, string message, string? path, string rule) => new(name, CheckStatus.NotApplicable, message, path, rule);
}
