using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>Step 7: <c>credentialSubject</c> of an Open Badge or endorsement, what the schemas cannot express (1EdTech validator).</summary>
internal sealed class CredentialSubjectStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        if (run.CredentialKind is CredentialKind.Achievement or CredentialKind.Endorsement)
        {
            Check(run.Credential!, run, run.CredentialKind);
        }

        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run, CredentialKind kind)
    {
        var rule = kind == CredentialKind.Endorsement
            ? "credentialSubject is one EndorsementSubject with an id"
            : "credentialSubject is one AchievementSubject with an id or identifier[], an Achievement with criteria (id or narrative), and typed nested objects (IdentityObject, Result, ResultDescription, Profile)";
        if (credential["credentialSubject"] is not JObject subject)
        {
            run.Fail(CheckNames.CredentialSubject, credential["credentialSubject"] is null ? "There is no credentialSubject." : "credentialSubject is not a single object.", "$.credentialSubject", rule);
            return;
        }

        var problems = new List<(string Message, string Path)>();
        if (kind == CredentialKind.Endorsement)
        {
            RequireType(subject["type"], "EndorsementSubject", "$.credentialSubject", problems);
            if (!IsNonEmptyString(subject["id"]))
            {
                problems.Add(("the endorsed entity's id is missing", "$.credentialSubject.id"));
            }
        }
        else
        {
            RequireType(subject["type"], "AchievementSubject", "$.credentialSubject", problems);
            if (!IsNonEmptyString(subject["id"]) && subject["identifier"] is not JArray { Count: > 0 } && subject["identifier"] is not JObject)
            {
                problems.Add(("neither id nor identifier names the learner (OB 3.0 §B.1.3 AchievementSubject: either id or at least one identifier MUST be supplied)", "$.credentialSubject"));
            }

            EachObject(subject["identifier"], "$.credentialSubject.identifier", (item, path) => RequireType(item["type"], "IdentityObject", path, problems));
            EachObject(subject["result"], "$.credentialSubject.result", (item, path) => RequireType(item["type"], "Result", path, problems));
            if (subject["source"] is JObject source)
            {
                RequireType(source["type"], "Profile", "$.credentialSubject.source", problems);
            }

            if (subject["achievement"] is JObject achievement)
            {
                RequireType(achievement["type"], "Achievement", "$.credentialSubject.achievement", problems);
                EachObject(achievement["resultDescription"], "$.credentialSubject.achievement.resultDescription", (item, path) => RequireType(item["type"], "ResultDescription", path, problems));
                if (achievement["criteria"] is not JObject criteria || (!IsNonEmptyString(criteria["id"]) && !IsNonEmptyString(criteria["narrative"])))
                {
                    problems.Add(("the achievement's criteria have neither id nor narrative (OB 3.0 §B.1.6 Criteria; the 1EdTech validator requires one of them)", "$.credentialSubject.achievement.criteria"));
                }
            }
            else
            {
                // The schema requires an achievement: without one the credential is against the official schema.
                run.Fail(CheckNames.CredentialSubject, "There is no achievement object.", "$.credentialSubject.achievement", rule, ProblemCodes.SubjectInvalid);
                return;
            }
        }

        if (problems.Count == 0)
        {
            run.Pass(CheckNames.CredentialSubject, kind == CredentialKind.Endorsement ? "An EndorsementSubject." : "An AchievementSubject naming its learner and achievement.", "$.credentialSubject", rule);
        }
        else
        {
            // Data-model MUSTs the official schema does not check (it accepts any single string as a type, and neither
            // id-or-identifier nor id-or-narrative is expressible in it): a warning, not a forgery.
            run.Warn(CheckNames.CredentialSubject, Describe(problems) + ".", problems[0].Path, rule,
                kind == CredentialKind.Endorsement ? ProblemCodes.DataModelWarning : ProblemCodes.SubjectDataModel);
        }
    }
}
