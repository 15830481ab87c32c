using Newtonsoft.Json.Linq;
using OpenBadges.Model;

namespace OpenBadges.Verification;

/// <summary>Step 13: the recipient — the subject's <c>id</c>, or an IdentityObject matched through <see cref="IdentityObject.Matches"/>.</summary>
internal sealed class RecipientStep : IVerificationStep
{

    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        Check(run.Credential!, run);
        return ValueTask.FromResult(true);
    }

    private static void Check(JObject credential, VerificationRun run)
    {
        const string rule = "the credential subject is the expected recipient: its id, or an identifier IdentityObject (plain, or sha256$ hash with salt) matching the given value";
        var expected = run.Settings.Options.ExpectedRecipient;
        if (expected is null || run.Kind == VerificationReportKind.Endorsement)
        {
            run.NotApplicable(CheckNames.Recipient, run.Kind == VerificationReportKind.Endorsement ? "Not applicable to an endorsement." : "No expected recipient was given.", "$.credentialSubject", rule);
            return;
        }

        if (credential["credentialSubject"] is not JObject subject)
        {
            run.Fail(CheckNames.Recipient, "There is no credentialSubject to compare with.", "$.credentialSubject", rule);
            return;
        }

        if (subject["id"]?.Type == JTokenType.String && string.Equals((string?)subject["id"], expected, StringComparison.Ordinal))
        {
            run.Pass(CheckNames.Recipient, "The credential subject's id is the expected recipient.", "$.credentialSubject.id", rule);
            return;
        }

        // E-mail addresses are commonly hashed lower-cased; try the value as given first, then lower-cased.
        var candidates = expected.Contains('@', StringComparison.Ordinal) ? new[] { expected, expected.ToLowerInvariant() }.Distinct().ToArray() : [expected];
        var identifiers = subject["identifier"] switch
        {
            JObject single => [single],
            JArray array => array.OfType<JObject>().ToList(),
            _ => new List<JObject>(),
        };
        for (var i = 0; i < identifiers.Count; i++)
        {
            var identity = ToIdentityObject(identifiers[i]);
            if (candidates.Any(identity.Matches))
            {
                var path = subject["identifier"] is JArray ? $"$.credentialSubject.identifier[{i}]" : "$.credentialSubject.identifier";
                run.Pass(CheckNames.Recipient, $"The {identity.IdentityType ?? "identifier"} {(identity.Hashed == true ? "hash" : "value")} matches the expected recipient.", path, rule);
                return;
            }
        }

        run.Fail(CheckNames.Recipient, $"Neither the credential subject's id nor any of its {identifiers.Count} identifier(s) is the expected recipient.", "$.credentialSubject", rule);
    }

    private static IdentityObject ToIdentityObject(JObject json) => new()
    {
        Type = json["type"]?.Type == JTokenType.String ? (string?)json["type"] : null,
        Hashed = json["hashed"]?.Type == JTokenType.Boolean ? (bool?)json["hashed"] : null,
        IdentityHash = json["identityHash"]?.Type == JTokenType.String ? (string?)json["identityHash"] : null,
        IdentityType = json["identityType"]?.Type == JTokenType.String ? (string?)json["identityType"] : null,
        Salt = json["salt"]?.Type == JTokenType.String ? (string?)json["salt"] : null,
    };
}
