using System.CommandLine;
using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Cli.Commands;

/// <summary>
/// <c>openbadges inspect FILE</c>: a person-readable view of a micro-credential (JSON, or baked into a PNG or SVG):
/// every European element with its label, then the verdict of the full verification (as <c>verify</c>, offline). Exit codes as <c>verify</c>.
/// </summary>
internal static class InspectCommand
{
    private const int LabelWidth = 30;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A credential: a JSON file, or a PNG/SVG image with a baked credential." };
        var command = new Command("inspect", "Show a micro-credential's European elements in plain words, and whether it verifies (offline).")
        {
            file,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            var path = parse.GetValue(file)!;

            // The verdict is the verify command's: the full OB 3.0 verification, offline (JSON, VC-JWT, PNG or SVG).
            var report = new CredentialVerifier(new CredentialVerifierOptions { KeyResolver = KeyResolvers.Offline })
                .VerifyAsync(ReadBytes(path)).GetAwaiter().GetResult();
            var credential = report.Credential
                ?? throw new CliInputException($"'{path}' holds no readable credential: {report.Find(CheckNames.Parse)?.Message ?? report.ToString()}");
            var how = report.Format switch
            {
                "jwt" => "VC-JWT",
                "png" or "svg" => $"baked {report.Format.ToUpperInvariant()}",
                _ => "JSON",
            };
            var (verdict, checks) = (report.Verdict, report.Checks);

            var view = new StringBuilder();
            Describe(credential, view);
            DescribeVerification(verdict, checks, how, view);
            context.Out.Write(view.ToString());
            return verdict switch
            {
                Verdict.Valid => ExitCodes.Ok,
                Verdict.Invalid => ExitCodes.Invalid,
                _ => ExitCodes.UsageOrInput,
            };
        }));
        return command;
    }

    private static byte[] ReadBytes(string path)
    {
        return InputFiles.ReadBytes(path);
    }

    /// <summary>Writes the elements of <paramref name="credential"/> (read by <see cref="MicroCredentialView"/>) to <paramref name="view"/>.</summary>
    internal static void Describe(JObject credential, StringBuilder view)
    {
        var read = MicroCredentialView.Read(credential);
        view.AppendLine(Clean(read.Title?.Value ?? read.CredentialName?.Value ?? "(untitled credential)"));
        var kinds = new List<string>();
        if (read.IsEuropeanMicroCredential)
        {
            kinds.Add("European micro-credential");
        }

        kinds.Add(read.IsOpenBadgeCredential ? "Open Badges 3.0 credential" : "verifiable credential");
        if (read.Id is { } id)
        {
            kinds.Add(id.Value);
        }

        view.AppendLine(Clean("  " + string.Join(" · ", kinds)));
        view.AppendLine();
        view.AppendLine("Mandatory elements (EU Council Recommendation 2022, Annex I)");
        Line(view, "M1", "Learner", Learner(read));
        Line(view, "M2", "Title", read.Title?.Value);
        Line(view, "M3", "Country of the awarding body", Country(read));
        Line(view, "M4", "Awarding body", AwardingBody(read.AwardingBody?.Value));
        Line(view, "M5", "Date of issuing", Join(read.IssuedOn?.Value, read.ValidUntil is { } until ? "valid until " + until.Value : null));
        var outcomes = Aligned(read.LearningOutcomes);
        if (read.LearningOutcomesSummary is { } summary)
        {
            outcomes.Add("in short: " + summary.Value);
        }

        Line(view, "M6", "Learning outcomes", outcomes);
        Line(view, "M7", "Notional workload", Workload(read));
        var eqf = read.EqfAlignments.Select(a => Join("EQF level " + a.Value.TargetCode, Link(a.Value.TargetUrl))!).ToList();
        Line(view, "M8", "Level (EQF)", eqf.Count > 0 ? eqf : !read.HasAchievement ? [] : ["not applicable (no EQF level given)"]);
        Line(view, "M9", "Type of assessment", read.AssessmentTypeText?.Value);
        Line(view, "M10", "Form of participation", read.ParticipationTypeText?.Value);
        Line(view, "M11", "Quality assurance", Aligned(read.QualityAssurance));

        var optional = new StringBuilder();
        Optional(optional, "O1", "Prerequisites", read.Prerequisites?.Value);
        Optional(optional, "O2", "Supervision and identity check", Supervision(read));
        Optional(optional, "O3", "Grade", Grades(read));
        Optional(optional, "O4", "Stackability", Stackability(read));
        Optional(optional, "O5", "Further information", FurtherInformation(read));
        view.AppendLine();
        view.AppendLine("Optional elements present");
        view.Append(optional.Length > 0 ? optional.ToString() : "  (none)" + Environment.NewLine);
    }

    private static void DescribeVerification(Verdict verdict, IEnumerable<VerificationCheck> checks, string how, StringBuilder view)
    {
        view.AppendLine();
        view.AppendLine($"Verification (offline, {how}, full Open Badges 3.0 checks): {verdict.ToString().ToUpperInvariant()}");
        foreach (var check in checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Passed => "ok  ",
                CheckStatus.Failed => "FAIL",
                CheckStatus.CouldNotCheck => "??  ",
                _ => "--  ",
            };
            view.AppendLine($"  {mark} {check.Name}: {Clean(check.Message)}");
        }
    }

    private static List<string> Learner(MicroCredentialView read)
    {
        var lines = new List<string>();
        if (read.LearnerId is { } id)
        {
            lines.Add(id.Value);
        }

        foreach (var identity in read.LearnerIdentifiers.Select(i => i.Value))
        {
            var type = identity.IdentityType switch
            {
                "emailAddress" => "e-mail address",
                "ext:StudentNumber" => "student number",
                "name" => "name",
                { } other => other,
                null => "identifier",
            };
            lines.Add(identity.Hashed
                ? $"{type}: hashed ({identity.HashAlgorithm ?? "hash"}{(identity.Salted ? ", salted" : "")}) — only someone who knows the {type} can match it"
                : $"{type}: {identity.IdentityHash}");
        }

        return lines;
    }

    private static string? Country(MicroCredentialView read) =>
        read.CountryCode is not { } code
            ? null
            : Join(code.Value, read.CountryName is { } name ? $"({name.Value})" : null) + (read.Locality is { } locality ? ", " + locality.Value : "");

    private static List<string> AwardingBody(AwardingBodyView? issuer)
    {
        if (issuer is null)
        {
            return [];
        }

        if (issuer.ReferenceOnly)
        {
            return [issuer.Id + " (reference only: no name in the credential)"];
        }

        var lines = new List<string> { Join(issuer.Name, issuer.Id is { } id ? $"({id})" : null) ?? "(no name)" };
        if (issuer.Url is { } url)
        {
            lines.Add(url);
        }

        lines.AddRange(issuer.OtherIdentifiers.Select(other => $"{Identifier(other.IdentifierType)} {other.Identifier}"));
        return lines;
    }

    private static string Identifier(string? type) => type switch
    {
        "ext:BRIN" => "BRIN",
        "ext:CROHO" => "CROHO",
        "ext:CREBO" => "CREBO",
        { } other => other,
        null => "identifier",
    };

    private static List<string> Aligned(IEnumerable<Sourced<AlignmentView>> alignments) =>
        alignments.Select(a => Join(a.Value.TargetName, Link(a.Value.TargetUrl), a.Value.TargetDescription is { } d ? "— " + d : null) ?? "(unnamed)")
            .ToList();

    private static List<string> Workload(MicroCredentialView read)
    {
        var lines = new List<string>();
        if (read.Ects is { } ects)
        {
            lines.Add(Number(ects) + " ECTS credits");
        }

        if (read.Sbu is { } sbu)
        {
            lines.Add(Number(sbu) + " study hours (SBU)");
        }

        if (read.TimeInvestmentHours is { } hours)
        {
            lines.Add(Number(hours) + " hours (time investment)");
        }

        if (lines.Count == 0 && read.CreditsAvailable is { } credits)
        {
            lines.Add(Number(credits) + " credits");
        }

        return lines;
    }

    private static string? Supervision(MicroCredentialView read)
    {
        var type = read.SupervisionTypeText?.Value;
        var identity = read.IdentityChecked is { } identityChecked ? (identityChecked.Value ? "identity checked" : "identity not checked") : null;
        return type is not null && identity is not null ? $"{type}; {identity}" : type ?? identity;
    }

    private static List<string> Grades(MicroCredentialView read)
    {
        var lines = new List<string>();
        foreach (var grade in read.Grades.Select(g => g.Value))
        {
            var details = new List<string>();
            if (grade.RequiredValue is { } required)
            {
                details.Add("pass mark " + required);
            }

            if (grade.ValueMin is { } min && grade.ValueMax is { } max)
            {
                details.Add($"scale {min}–{max}");
            }

            lines.Add($"{grade.Name ?? "Result"}: {grade.Value ?? grade.Status ?? "(no value)"}{(details.Count > 0 ? " (" + string.Join(", ", details) + ")" : "")}");
        }

        return lines;
    }

    private static List<string> Stackability(MicroCredentialView read)
    {
        var lines = new List<string>();
        if (read.StackabilityText is { } stackability)
        {
            lines.Add(stackability.Value);
        }

        lines.AddRange(Aligned(read.PartOf).Select(line => "part of: " + line));
        return lines;
    }

    private static List<string> FurtherInformation(MicroCredentialView read)
    {
        var lines = new List<string>();
        if (read.Description is { } description)
        {
            lines.Add(description.Value);
        }

        if (read.CriteriaUrl is { } criteria)
        {
            lines.Add("criteria: " + criteria.Value);
        }

        lines.AddRange(read.ProgrammeIdentifiers.Select(i => $"{Identifier(i.Value.IdentifierType)} {i.Value.Identifier}"));
        lines.AddRange(read.Evidence.Select(e => "evidence: " + (Join(e.Value.Name, e.Value.Id) ?? "(unnamed)")));
        if (read.Language is { } language)
        {
            lines.Add("language: " + language.Value);
        }

        return lines;
    }

    private static void Line(StringBuilder view, string code, string label, string? value) =>
        Line(view, code, label, value is null ? [] : [value]);

    private static void Line(StringBuilder view, string code, string label, List<string> values)
    {
        var prefix = $"  {code,-4}{label}".PadRight(LabelWidth + 6) + " ";
        if (values.Count == 0)
        {
            view.Append(prefix).AppendLine("(missing)");
            return;
        }

        // A multi-line text (a narrative, a description) prints as indented lines: no line of it can start at the left
        // margin, where it could pass for a line of this report.
        var first = true;
        foreach (var line in values.SelectMany(v => v.ReplaceLineEndings("\n").Split('\n')))
        {
            view.Append(first ? prefix : new string(' ', prefix.Length)).AppendLine(Clean(line));
            first = false;
        }
    }

    private static void Optional(StringBuilder view, string code, string label, string? value)
    {
        if (value is not null)
        {
            Line(view, code, label, [value]);
        }
    }

    private static void Optional(StringBuilder view, string code, string label, List<string> values)
    {
        if (values.Count > 0)
        {
            Line(view, code, label, values);
        }
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(" ", present);
    }

    private static string? Link(string? url) => url is null ? null : $"<{url}>";

    private static string Number(Sourced<decimal> number) => number.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text from a credential goes to a terminal: control characters (escape sequences, and any line break left, which
    /// could fake a "Verification: VALID" line) become U+FFFD; a tab is a space.
    /// </summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c == '\t' ? ' ' : char.IsControl(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }
}
