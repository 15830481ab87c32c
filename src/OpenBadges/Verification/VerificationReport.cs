using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>
/// The answer of a <see cref="CredentialVerifier"/> or <see cref="PresentationVerifier"/>: every named check in the
/// order run, the reports of the endorsements (and, for a presentation, of the credentials) inside, and the verdict.
/// <see cref="ToJson"/> gives the stable shape documented in <c>docs/verification-report.md</c>.
/// </summary>
public sealed class VerificationReport
{
    internal VerificationReport(
        VerificationReportKind kind,
        string? location,
        string? format,
        JObject? credential,
        IReadOnlyList<VerificationCheck> checks,
        IReadOnlyList<VerificationReport> endorsements,
        IReadOnlyList<VerificationReport> credentials,
        VerificationReport? refreshed,
        bool strict)
    {
        Kind = kind;
        Location = location;
        Format = format;
        Credential = credential;
        Checks = checks;
        Endorsements = endorsements;
        Credentials = credentials;
        Refreshed = refreshed;
        IsStrict = strict;
        Verdict = Combine(checks, endorsements.Concat(credentials), strict);
        WarningCount = checks.Count(c => c.Status == CheckStatus.Warning) + endorsements.Concat(credentials).Sum(r => r.WarningCount);
    }

    /// <summary>What was verified.</summary>
    public VerificationReportKind Kind { get; }

    /// <summary>Where in the enclosing document this was found (e.g. <c>$.credentialSubject.achievement.endorsement[0]</c>); null at the top.</summary>
    public string? Location { get; }

    /// <summary>How the input came: <c>json</c>, <c>jwt</c>, <c>png</c>, <c>svg</c> or <c>object</c> (a JObject); null when unreadable.</summary>
    public string? Format { get; }

    /// <summary>
    /// The credential (or presentation) as read — for a VC-JWT, the payload's credential. A copy; do not trust its content
    /// unless <see cref="Verdict"/> is <see cref="Verdict.Valid"/>. Null when the input could not be read.
    /// </summary>
    public JObject? Credential { get; }

    /// <summary>The credential's <c>id</c>, when it has a string one.</summary>
    public string? CredentialId => Credential?["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null;

    /// <summary>The issuer's id (string issuer or Profile <c>id</c>), when present.</summary>
    public string? IssuerId => Credential?["issuer"] switch
    {
        JValue { Type: JTokenType.String } value => (string?)value,
        JObject profile when profile["id"] is JValue { Type: JTokenType.String } id => (string?)id,
        _ => null,
    };

    /// <summary>Every check run on this document, in order (see <see cref="CheckNames"/>).</summary>
    public IReadOnlyList<VerificationCheck> Checks { get; }

    /// <summary>The reports of the endorsements found in the document, in document order.</summary>
    public IReadOnlyList<VerificationReport> Endorsements { get; }

    /// <summary>For a presentation or a CLR: the reports of the credentials inside, in order. Empty otherwise.</summary>
    public IReadOnlyList<VerificationReport> Credentials { get; }

    /// <summary>
    /// The report on the refreshed credential when a refresh service answered; informational — it does not change
    /// <see cref="Verdict"/>, which is about the credential that was given.
    /// </summary>
    public VerificationReport? Refreshed { get; }

    /// <summary>
    /// <see cref="Verdict.Invalid"/> when a check failed here or in an endorsement or contained credential;
    /// otherwise <see cref="Verdict.Indeterminate"/> when something could not be checked; otherwise <see cref="Verdict.Valid"/>.
    /// </summary>
    public Verdict Verdict { get; }

    /// <summary>
    /// How many checks ended <see cref="CheckStatus.Warning"/>, here and in the endorsements and contained credentials: a
    /// <see cref="Verdict.Valid"/> report with warnings is "valid with N warnings".
    /// </summary>
    public int WarningCount { get; }

    /// <summary>True when the verifier was strict (<see cref="CredentialVerifierOptions.Strict"/>): every warning made the verdict invalid.</summary>
    public bool IsStrict { get; }

    /// <summary>True when <see cref="Verdict"/> is <see cref="Verdict.Valid"/>.</summary>
    public bool IsValid => Verdict == Verdict.Valid;

    /// <summary>The first check named <paramref name="name"/>, or null.</summary>
    public VerificationCheck? Find(string name) => Checks.FirstOrDefault(c => c.Name == name);

    /// <summary>The report as JSON (shape: <c>docs/verification-report.md</c>).</summary>
    public JObject ToJson()
    {
        var json = new JObject
        {
            ["kind"] = Kind.ToString(),
            ["verdict"] = Verdict.ToString(),
            ["warnings"] = WarningCount,
            ["location"] = Location,
            ["format"] = Format,
            ["credentialId"] = CredentialId,
            ["issuer"] = IssuerId,
            ["checks"] = new JArray(Checks.Select(CheckToJson)),
            ["endorsements"] = new JArray(Endorsements.Select(e => e.ToJson())),
        };
        if (Kind == VerificationReportKind.Presentation || Credentials.Count > 0)
        {
            json["credentials"] = new JArray(Credentials.Select(c => c.ToJson()));
        }

        if (Refreshed is not null)
        {
            json["refreshed"] = Refreshed.ToJson();
        }

        return json;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Verdict}" + (Verdict == Verdict.Valid && WarningCount > 0 ? $" with {WarningCount} warning(s)" : string.Empty) + ": " +
        string.Join("; ", Checks.Where(c => c.Status is CheckStatus.Failed or CheckStatus.CouldNotCheck or CheckStatus.Warning).Select(c => $"{c.Name} {c.Status} [{c.Code}]: {c.Message}"));

    internal static JObject CheckToJson(VerificationCheck check)
    {
        var json = new JObject
        {
            ["name"] = check.Name,
            ["status"] = check.Status.ToString(),
        };
        if (check.Code is { } code)
        {
            json["code"] = code;
            json["type"] = check.ProblemType;
        }

        json["message"] = check.Message;
        json["path"] = check.JsonPath;
        json["rule"] = check.Rule;
        return json;
    }

    private static Verdict Combine(IReadOnlyList<VerificationCheck> checks, IEnumerable<VerificationReport> children, bool strict)
    {
        var verdict = VerdictRules.Combine(checks, strict);
        foreach (var child in children)
        {
            if (child.Verdict == Verdict.Invalid)
            {
                return Verdict.Invalid;
            }

            if (child.Verdict == Verdict.Indeterminate)
            {
                verdict = verdict == Verdict.Invalid ? verdict : Verdict.Indeterminate;
            }
        }

        return verdict;
    }
}
