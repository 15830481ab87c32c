using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>
/// CLR 2.0 (1EdTech Comprehensive Learner Record): a ClrCredential gets the VC checks, its own ClrSubject check, and
/// every AchievementCredential / OpenBadgeCredential inside <c>credentialSubject.verifiableCredential</c> is verified on
/// its own, each with a report nested under the CLR's (<see cref="VerificationReport.Credentials"/>).
/// </summary>
public sealed partial class CredentialVerifier
{
    private const string ClrSubjectRule = "credentialSubject is one ClrSubject with at least one verifiableCredential; achievements are Achievements; each association is an Association whose sourceId and targetId name achievements of the CLR (CLR 2.0 §B ClrSubject, Association)";

    private static void CheckClrSchema(Run run) =>
        // Honest rather than silent: the 1EdTech CLR 2.0 schema is not among the schemas this package carries.
        run.NotApplicable(CheckNames.Schema, "The CLR 2.0 JSON Schema is not available offline (not embedded); the CLR structure is checked by clr.subject, and each credential inside by its own schema.", "$",
            "the credential conforms to the CLR 2.0 JSON Schema, when it is available");

    private static void CheckClrSubject(JObject credential, Run run)
    {
        if (credential["credentialSubject"] is not JObject subject)
        {
            run.Fail(CheckNames.ClrSubject, credential["credentialSubject"] is null ? "There is no credentialSubject." : "credentialSubject is not a single object.", "$.credentialSubject", ClrSubjectRule, ProblemCodes.SubjectInvalid);
            return;
        }

        if (!Strings(subject["type"]).Contains("ClrSubject"))
        {
            run.Fail(CheckNames.ClrSubject, "credentialSubject.type does not include ClrSubject.", "$.credentialSubject.type", ClrSubjectRule, ProblemCodes.SubjectInvalid);
            return;
        }

        var credentials = subject["verifiableCredential"] switch
        {
            JArray array => array.Count,
            null => 0,
            _ => 1,
        };
        if (credentials == 0)
        {
            run.Fail(CheckNames.ClrSubject, "The ClrSubject carries no verifiableCredential (CLR 2.0 requires at least one).", "$.credentialSubject.verifiableCredential", ClrSubjectRule, ProblemCodes.SubjectInvalid);
            return;
        }

        // What the CLR schema cannot express: associations between achievements the CLR lists.
        var problems = new List<(string Message, string Path)>();
        var achievementIds = new HashSet<string>(StringComparer.Ordinal);
        EachObject(subject["achievement"], "$.credentialSubject.achievement", (achievement, path) =>
        {
            RequireType(achievement["type"], "Achievement", path, problems);
            if (achievement["id"] is JValue { Type: JTokenType.String } id)
            {
                achievementIds.Add((string)id!);
            }
        });
        EachObject(subject["verifiableCredential"], "$.credentialSubject.verifiableCredential", (inner, _) =>
        {
            if (inner["credentialSubject"]?["achievement"]?["id"] is JValue { Type: JTokenType.String } id)
            {
                achievementIds.Add((string)id!);
            }
        });
        EachObject(subject["association"], "$.credentialSubject.association", (association, path) =>
        {
            RequireType(association["type"], "Association", path, problems);
            foreach (var end in new[] { "sourceId", "targetId" })
            {
                if (association[end] is not JValue { Type: JTokenType.String } value || !achievementIds.Contains((string)value!))
                {
                    problems.Add(($"{end} does not name an achievement of this CLR", $"{path}.{end}"));
                }
            }
        });

        if (problems.Count == 0)
        {
            run.Pass(CheckNames.ClrSubject, $"A ClrSubject with {credentials} credential(s) and {achievementIds.Count} achievement(s).", "$.credentialSubject", ClrSubjectRule);
        }
        else
        {
            run.Warn(CheckNames.ClrSubject, string.Join("; ", problems.Select(p => $"{p.Message} ({p.Path})")) + " (CLR 2.0 data model).", problems[0].Path, ClrSubjectRule, ProblemCodes.ClrDataModel);
        }
    }

    private async Task CheckClrCredentialsAsync(JObject credential, Run run, CancellationToken cancellationToken)
    {
        var rule = $"every credential in the CLR verifies on its own (at most {_options.MaxEndorsements}, to a depth of {_options.MaxEndorsementDepth})";
        var items = new List<(JToken Item, string Path)>();
        switch (credential["credentialSubject"]?["verifiableCredential"])
        {
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add((array[i], $"$.credentialSubject.verifiableCredential[{i}]"));
                }

                break;
            case null:
                run.NotApplicable(CheckNames.ClrCredentials, "The CLR carries no credentials (see clr.subject).", "$.credentialSubject.verifiableCredential", rule);
                return;
            case var single:
                items.Add((single, "$.credentialSubject.verifiableCredential"));
                break;
        }

        if (run.Depth >= _options.MaxEndorsementDepth)
        {
            run.Undecided(CheckNames.ClrCredentials, $"{items.Count} credential(s) at depth {run.Depth + 1} were not verified: the nesting limit is {_options.MaxEndorsementDepth}.", items[0].Path, rule, ProblemCodes.LimitReached);
            return;
        }

        foreach (var (item, path) in items.Take(_options.MaxEndorsements))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Credentials.Add(await VerifyEmbeddedAsync(item, VerificationReportKind.Credential, path, run.Depth + 1, cancellationToken).ConfigureAwait(false));
        }

        var valid = run.Credentials.Count(c => c.Verdict == Verdict.Valid);
        var invalid = run.Credentials.Count(c => c.Verdict == Verdict.Invalid);
        var skipped = items.Count - run.Credentials.Count;
        var summary = $"{items.Count} credential(s): {valid} valid, {invalid} invalid, {run.Credentials.Count - valid - invalid} indeterminate" + (skipped > 0 ? $", {skipped} not verified (limit)." : ".");
        if (invalid > 0)
        {
            run.Fail(CheckNames.ClrCredentials, summary, run.Credentials.First(c => c.Verdict == Verdict.Invalid).Location, rule);
        }
        else if (valid < items.Count)
        {
            run.Undecided(CheckNames.ClrCredentials, summary, "$.credentialSubject.verifiableCredential", rule, skipped > 0 ? ProblemCodes.LimitReached : null);
        }
        else
        {
            run.Pass(CheckNames.ClrCredentials, summary, "$.credentialSubject.verifiableCredential", rule);
        }
    }
}
