using Newtonsoft.Json.Linq;
using OpenBadges.Checks;

namespace OpenBadges.Verification;

/// <summary>Steps 7–8: <c>credentialSubject</c> and <c>issuer</c>, the checks the schemas cannot express (1EdTech validator).</summary>
public sealed partial class CredentialVerifier
{
    private static void CheckCredentialSubject(JObject credential, Run run, CredentialKind kind)
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
            run.Warn(CheckNames.CredentialSubject, string.Join("; ", problems.Select(p => $"{p.Message} ({p.Path})")) + ".", problems[0].Path, rule,
                kind == CredentialKind.Endorsement ? ProblemCodes.DataModelWarning : ProblemCodes.SubjectDataModel);
        }
    }

    private static void CheckIssuer(JObject credential, Run run)
    {
        const string rule = "issuer is a Profile whose id is an absolute URI (typed parentOrg and otherIdentifier entries)";
        switch (credential["issuer"])
        {
            case null:
                run.Fail(CheckNames.Issuer, "There is no issuer.", "$.issuer", rule);
                return;
            case JValue { Type: JTokenType.String } value:
                if (IsAbsoluteUri((string?)value))
                {
                    run.Pass(CheckNames.Issuer, $"Issuer {value} (a bare id; OB 3.0 expects a Profile object, see the schema check).", "$.issuer", rule);
                }
                else
                {
                    run.Warn(CheckNames.Issuer, $"The issuer '{value}' is not an absolute URI (VC Data Model 2.0 §4.7 Issuer: it MUST be a URL).", "$.issuer", rule);
                }

                return;
            case JObject profile:
                var problems = new List<(string Message, string Path)>();
                if (!IsAbsoluteUri(profile["id"]?.Type == JTokenType.String ? (string?)profile["id"] : null))
                {
                    problems.Add(("the issuer's id is missing or not an absolute URI", "$.issuer.id"));
                }

                RequireType(profile["type"], "Profile", "$.issuer", problems);
                if (profile["parentOrg"] is JObject parent)
                {
                    RequireType(parent["type"], "Profile", "$.issuer.parentOrg", problems);
                }

                // OB 3.0 types otherIdentifier as IdentifierEntry; the 1EdTech validator asks for IdentityObject: accept both.
                EachObject(profile["otherIdentifier"], "$.issuer.otherIdentifier", (item, path) =>
                {
                    var types = Strings(item["type"]);
                    if (!types.Contains("IdentifierEntry") && !types.Contains("IdentityObject"))
                    {
                        problems.Add(("otherIdentifier is not an IdentifierEntry", path));
                    }
                });
                if (problems.Count == 0)
                {
                    run.Pass(CheckNames.Issuer, $"Issuer Profile {profile["id"]}.", "$.issuer", rule);
                }
                else
                {
                    // What the schema checks (id and type present) fails there; these are the rules it cannot express.
                    run.Warn(CheckNames.Issuer, string.Join("; ", problems.Select(p => $"{p.Message} ({p.Path})")) + " (OB 3.0 Profile, ProfileRef).", problems[0].Path, rule);
                }

                return;
            default:
                run.Fail(CheckNames.Issuer, "The issuer is neither a Profile object nor a URI.", "$.issuer", rule);
                return;
        }
    }

    private static void RequireType(JToken? type, string expected, string path, List<(string Message, string Path)> problems)
    {
        if (!Strings(type).Contains(expected))
        {
            problems.Add(($"type does not include {expected}", path + ".type"));
        }
    }

    private static void EachObject(JToken? token, string path, Action<JObject, string> action)
    {
        switch (token)
        {
            case JObject single:
                action(single, path);
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JObject item)
                    {
                        action(item, $"{path}[{i}]");
                    }
                }

                break;
        }
    }
}
