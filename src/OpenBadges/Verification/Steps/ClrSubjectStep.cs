using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>Step 7 for a CLR 2.0 ClrCredential: its ClrSubject, and the associations between the achievements it lists.</summary>
internal sealed class ClrSubjectStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        if (run.CredentialKind == CredentialKind.Clr)
        {
            Check(run.Credential!, run);
        }

        return ValueTask.FromResult(true);
    }

    private const string ClrSubjectRule = "credentialSubject is one ClrSubject with at least one verifiableCredential; achievements are Achievements; each association is an Association whose sourceId and targetId name achievements of the CLR (CLR 2.0 §B ClrSubject, Association)";

    private static void Check(JObject credential, VerificationRun run)
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
            run.Warn(CheckNames.ClrSubject, Describe(problems) + " (CLR 2.0 data model).", problems[0].Path, ClrSubjectRule, ProblemCodes.ClrDataModel);
        }
    }
}
