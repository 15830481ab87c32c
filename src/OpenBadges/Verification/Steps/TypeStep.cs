using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using static OpenBadges.Verification.CredentialJson;
using static OpenBadges.Verification.CredentialFormStep;

namespace OpenBadges.Verification;

/// <summary>Step 4: <c>type</c> includes VerifiableCredential and the credential's own type.</summary>
internal sealed class TypeStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run, run.CredentialKind);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run, CredentialKind kind)
    {
        var types = Strings(credential["type"]);
        var rule = kind switch
        {
            CredentialKind.Endorsement => "type includes VerifiableCredential and EndorsementCredential",
            CredentialKind.Clr => "type includes VerifiableCredential and ClrCredential",
            CredentialKind.Other => "type includes VerifiableCredential",
            _ => "type includes VerifiableCredential and OpenBadgeCredential (or AchievementCredential, or EndorsementCredential)",
        };
        var missing = new List<string>();
        if (!types.Contains("VerifiableCredential"))
        {
            missing.Add("VerifiableCredential");
        }

        var hasOwnType = kind switch
        {
            CredentialKind.Endorsement => types.Contains(EndorsementCredentialType),
            CredentialKind.Clr => types.Contains(ClrCredentialType),
            CredentialKind.Other => true,
            _ => types.Contains("OpenBadgeCredential") || types.Contains("AchievementCredential"),
        };
        if (!hasOwnType)
        {
            missing.Add(kind == CredentialKind.Endorsement ? EndorsementCredentialType : "OpenBadgeCredential");
        }

        if (missing.Count == 0)
        {
            run.Pass(CheckNames.Type, "Types: " + string.Join(", ", types) + ".", "$.type", rule);
        }
        else
        {
            run.Fail(CheckNames.Type, $"type lacks {string.Join(" and ", missing)} (has: {(types.Count == 0 ? "none" : string.Join(", ", types))}).", "$.type", rule);
        }
    }
}
