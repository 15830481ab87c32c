using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>Step 8: <c>issuer</c>, the Profile rules the schemas cannot express (1EdTech validator).</summary>
internal sealed class IssuerStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run)
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
                    run.Warn(CheckNames.Issuer, Describe(problems) + " (OB 3.0 Profile, ProfileRef).", problems[0].Path, rule);
                }

                return;
            default:
                run.Fail(CheckNames.Issuer, "The issuer is neither a Profile object nor a URI.", "$.issuer", rule);
                return;
        }
    }
}
