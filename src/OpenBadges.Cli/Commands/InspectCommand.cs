using System.CommandLine;
using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
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

    /// <summary>Writes the elements of <paramref name="credential"/> to <paramref name="view"/>.</summary>
    internal static void Describe(JObject credential, StringBuilder view)
    {
        var subject = First(credential["credentialSubject"]) as JObject;
        var achievement = subject?["achievement"] as JObject;
        var issuer = credential["issuer"] as JObject;
        var alignments = Many(achievement?["alignment"]).OfType<JObject>().ToList();

        var title = Text(achievement?["name"]) ?? Text(credential["name"]) ?? "(untitled credential)";
        view.AppendLine(Clean(title));
        var kinds = new List<string>();
        if (Many(achievement?["type"]).Any(t => Text(t) == "EuropeanMicroCredential"))
        {
            kinds.Add("European micro-credential");
        }

        kinds.Add(Many(credential["type"]).Any(t => Text(t) is "OpenBadgeCredential" or "AchievementCredential") ? "Open Badges 3.0 credential" : "verifiable credential");
        if (Text(credential["id"]) is { } id)
        {
            kinds.Add(id);
        }

        view.AppendLine(Clean("  " + string.Join(" · ", kinds)));
        view.AppendLine();
        view.AppendLine("Mandatory elements (EU Council Recommendation 2022, Annex I)");
        Line(view, "M1", "Learner", Learner(subject));
        Line(view, "M2", "Title", Text(achievement?["name"]));
        Line(view, "M3", "Country of the awarding body", Country(issuer));
        Line(view, "M4", "Awarding body", AwardingBody(credential["issuer"]));
        Line(view, "M5", "Date of issuing", Join(Text(credential["validFrom"]) ?? Text(credential["issuanceDate"]), Text(credential["validUntil"]) is { } until ? "valid until " + until : null));
        var outcomes = Aligned(alignments, "ext:LearningOutcome");
        if (Text(achievement?["criteria"]?["narrative"]) is { } summary)
        {
            outcomes.Add("in short: " + summary);
        }

        Line(view, "M6", "Learning outcomes", outcomes);
        Line(view, "M7", "Notional workload", Workload(achievement));
        var eqf = alignments.Where(a => Text(a["targetType"]) == "ext:EQF").Select(a => Join("EQF level " + Text(a["targetCode"]), Link(a["targetUrl"]))!).ToList();
        Line(view, "M8", "Level (EQF)", eqf.Count > 0 ? eqf : achievement is null ? [] : ["not applicable (no EQF level given)"]);
        Line(view, "M9", "Type of assessment", Text(achievement?["assessmentType"]));
        Line(view, "M10", "Form of participation", Text(achievement?["participationType"]));
        Line(view, "M11", "Quality assurance", Aligned(alignments, "ext:QualityAssurance"));

        var optional = new StringBuilder();
        Optional(optional, "O1", "Prerequisites", Text(achievement?["prerequisites"]));
        Optional(optional, "O2", "Supervision and identity check", Supervision(achievement));
        Optional(optional, "O3", "Grade", Grades(subject, achievement));
        Optional(optional, "O4", "Stackability", Stackability(achievement, alignments));
        Optional(optional, "O5", "Further information", FurtherInformation(credential, achievement));
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

    private static List<string> Learner(JObject? subject)
    {
        var lines = new List<string>();
        if (subject is null)
        {
            return lines;
        }

        if (Text(subject["id"]) is { } id)
        {
            lines.Add(id);
        }

        foreach (var identity in Many(subject["identifier"]).OfType<JObject>())
        {
            var type = Text(identity["identityType"]) switch
            {
                "emailAddress" => "e-mail address",
                "ext:StudentNumber" => "student number",
                "name" => "name",
                { } other => other,
                null => "identifier",
            };
            var hash = Text(identity["identityHash"]) ?? "";
            var hashed = identity["hashed"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;
            if (hashed)
            {
                var algorithm = hash.Contains('$', StringComparison.Ordinal) ? hash[..hash.IndexOf('$', StringComparison.Ordinal)] : "hash";
                lines.Add($"{type}: hashed ({algorithm}{(identity["salt"] is null ? "" : ", salted")}) — only someone who knows the {type} can match it");
            }
            else
            {
                lines.Add($"{type}: {hash}");
            }
        }

        return lines;
    }

    private static string? Country(JObject? issuer)
    {
        var address = issuer?["address"] as JObject;
        var code = Text(address?["addressCountryCode"]);
        var name = Text(address?["addressCountry"]);
        var locality = Text(address?["addressLocality"]);
        return code is null ? null : Join(code, name is null ? null : $"({name})") + (locality is null ? "" : ", " + locality);
    }

    private static List<string> AwardingBody(JToken? issuerToken)
    {
        if (issuerToken is JValue { Type: JTokenType.String } reference)
        {
            return [(string)reference! + " (reference only: no name in the credential)"];
        }

        if (issuerToken is not JObject issuer)
        {
            return [];
        }

        var lines = new List<string> { Join(Text(issuer["name"]), Text(issuer["id"]) is { } id ? $"({id})" : null) ?? "(no name)" };
        if (Text(issuer["url"]) is { } url)
        {
            lines.Add(url);
        }

        foreach (var other in Many(issuer["otherIdentifier"]).OfType<JObject>())
        {
            lines.Add($"{Identifier(Text(other["identifierType"]))} {Text(other["identifier"])}");
        }

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

    private static List<string> Aligned(List<JObject> alignments, string targetType) =>
        alignments.Where(a => Text(a["targetType"]) == targetType)
            .Select(a => Join(Text(a["targetName"]), Link(a["targetUrl"]), Text(a["targetDescription"]) is { } d ? "— " + d : null) ?? "(unnamed)")
            .ToList();

    private static List<string> Workload(JObject? achievement)
    {
        var lines = new List<string>();
        if (Number(achievement?["ECTS"]) is { } ects)
        {
            lines.Add(ects + " ECTS credits");
        }

        if (Number(achievement?["SBU"]) is { } sbu)
        {
            lines.Add(sbu + " study hours (SBU)");
        }

        if (lines.Count == 0 && Number(achievement?["creditsAvailable"]) is { } credits)
        {
            lines.Add(credits + " credits");
        }

        return lines;
    }

    private static string? Supervision(JObject? achievement)
    {
        var type = Text(achievement?["supervisionType"]);
        var checkedToken = achievement?["identityChecked"];
        if (type is null && checkedToken is null)
        {
            return null;
        }

        var identity = checkedToken is JValue { Type: JTokenType.Boolean } value ? ((bool)value ? "identity checked" : "identity not checked") : null;
        return type is not null && identity is not null ? $"{type}; {identity}" : type ?? identity;
    }

    private static List<string> Grades(JObject? subject, JObject? achievement)
    {
        var descriptions = Many(achievement?["resultDescription"]).OfType<JObject>().ToDictionary(d => Text(d["id"]) ?? "", d => d, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var result in Many(subject?["result"]).OfType<JObject>())
        {
            descriptions.TryGetValue(Text(result["resultDescription"]) ?? "", out var description);
            var details = new List<string>();
            if (Text(description?["requiredValue"]) is { } required)
            {
                details.Add("pass mark " + required);
            }

            if (Text(description?["valueMin"]) is { } min && Text(description?["valueMax"]) is { } max)
            {
                details.Add($"scale {min}–{max}");
            }

            var name = Text(description?["name"]) ?? "Result";
            lines.Add($"{name}: {Text(result["value"]) ?? Text(result["status"]) ?? "(no value)"}{(details.Count > 0 ? " (" + string.Join(", ", details) + ")" : "")}");
        }

        return lines;
    }

    private static List<string> Stackability(JObject? achievement, List<JObject> alignments)
    {
        var lines = new List<string>();
        if (Text(achievement?["stackability"]) is { } stackability)
        {
            lines.Add(stackability);
        }

        lines.AddRange(Aligned(alignments, "ceterms:Credential").Select(line => "part of: " + line));
        return lines;
    }

    private static List<string> FurtherInformation(JObject credential, JObject? achievement)
    {
        var lines = new List<string>();
        if (Text(achievement?["description"]) is { } description)
        {
            lines.Add(description);
        }

        if (Text(achievement?["criteria"]?["id"]) is { } criteria)
        {
            lines.Add("criteria: " + criteria);
        }

        foreach (var identifier in Many(achievement?["otherIdentifier"]).OfType<JObject>())
        {
            lines.Add($"{Identifier(Text(identifier["identifierType"]))} {Text(identifier["identifier"])}");
        }

        foreach (var evidence in Many(credential["evidence"]).OfType<JObject>())
        {
            lines.Add("evidence: " + (Join(Text(evidence["name"]), Text(evidence["id"])) ?? "(unnamed)"));
        }

        if (Text(achievement?["inLanguage"]) is { } language)
        {
            lines.Add("language: " + language);
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

        for (var i = 0; i < values.Count; i++)
        {
            view.Append(i == 0 ? prefix : new string(' ', prefix.Length)).AppendLine(Clean(values[i]));
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

    private static string? Link(JToken? url) => Text(url) is { } text ? $"<{text}>" : null;

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static string? Number(JToken? token) => token is JValue { Type: JTokenType.Integer or JTokenType.Float } value
        ? Convert.ToString(value.Value, CultureInfo.InvariantCulture)
        : null;

    private static JToken? First(JToken? token) => token is JArray array ? array.FirstOrDefault() : token;

    private static IEnumerable<JToken> Many(JToken? token) => token switch
    {
        null => [],
        JArray array => array,
        _ => [token],
    };

    /// <summary>
    /// Text from a credential goes to a terminal: control characters (escape sequences, and line breaks that could
    /// fake a "Verification: VALID" line) become U+FFFD.
    /// </summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }
}
