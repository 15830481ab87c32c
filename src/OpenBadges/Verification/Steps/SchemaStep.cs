using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Schemas;

namespace OpenBadges.Verification;

/// <summary>
/// Step 5: the embedded OB 3.0 JSON Schema (VC 2.0), or the VC 1.1 structure; for a CLR, that its schema is not
/// available offline; for a VC that is no Open Badge, that the OB checks do not apply.
/// </summary>
internal sealed class SchemaStep : IVerificationStep
{
    public ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        var credential = run.Credential!;
        switch (run.CredentialKind)
        {
            case CredentialKind.Clr:
                // Honest rather than silent: the 1EdTech CLR 2.0 schema is not among the schemas this package carries.
                run.NotApplicable(CheckNames.Schema, "The CLR 2.0 JSON Schema is not available offline (not embedded); the CLR structure is checked by clr.subject, and each credential inside by its own schema.", "$",
                    "the credential conforms to the CLR 2.0 JSON Schema, when it is available");
                break;
            case CredentialKind.Other:
                run.NotApplicable(CheckNames.OpenBadge, "Not an Open Badge: OB checks not applied (the OB 3.0 schema, credentialSubject and issuer Profile rules); the Verifiable Credential checks were.", "$.type",
                    "an OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential gets the Open Badges checks");
                break;
            default:
                CheckOpenBadgesSchema(credential, run, run.CredentialKind);
                break;
        }

        return ValueTask.FromResult(true);
    }

    private static void CheckOpenBadgesSchema(JObject credential, VerificationRun run, CredentialKind kind)
    {
        if (run.IsVc1)
        {
            CheckVc1Structure(credential, run);
            return;
        }

        var schemaId = kind == CredentialKind.Endorsement ? OpenBadgesSchemas.EndorsementCredentialSchemaId : OpenBadgesSchemas.AchievementCredentialSchemaId;
        var errors = ValidateEmbedded(schemaId, credential, run)!;
        var rule = "the credential conforms to the OB 3.0 JSON Schema " + schemaId;
        ReportSchemaErrors(CheckNames.Schema, errors, run, "$", rule);
    }

    /// <summary>
    /// Validates <paramref name="credential"/> against the embedded schema <paramref name="schemaId"/>, once per run
    /// (schema validation is most of a verification's cost); null when no such schema is embedded.
    /// </summary>
    public static IReadOnlyList<SchemaValidationError>? ValidateEmbedded(string schemaId, JObject credential, VerificationRun run)
    {
        if (run.EmbeddedSchemaResults.TryGetValue(schemaId, out var known))
        {
            return known;
        }

        IReadOnlyList<SchemaValidationError>? errors = schemaId switch
        {
            OpenBadgesSchemas.AchievementCredentialSchemaId => OpenBadgesSchemas.ValidateAchievementCredential(credential),
            OpenBadgesSchemas.EndorsementCredentialSchemaId => OpenBadgesSchemas.ValidateEndorsementCredential(credential),
            OpenBadgesSchemas.ProfileSchemaId => OpenBadgesSchemas.ValidateProfile(credential),
            _ => null,
        };
        if (errors is not null)
        {
            run.EmbeddedSchemaResults[schemaId] = errors;
        }

        return errors;
    }

    public static void ReportSchemaErrors(string name, IReadOnlyList<SchemaValidationError> errors, VerificationRun run, string path, string rule)
    {
        if (errors.Count == 0)
        {
            run.Pass(name, "Conforms.", path, rule);
            return;
        }

        var leaves = errors.SelectMany(e => e.SelfAndDetails()).Where(e => e.Details.Count == 0).Select(e => e.ToString()).Distinct().Take(8).ToList();
        run.Fail(name, $"{errors.Count} violation(s): {string.Join("; ", leaves)}.", SchemaPathToJsonPath(errors[0].Path), rule);
    }

    private static string SchemaPathToJsonPath(string schemaPath) =>
        schemaPath.StartsWith("#/", StringComparison.Ordinal) ? "$." + schemaPath[2..].Replace('/', '.') : "$";

    private static void CheckVc1Structure(JObject credential, VerificationRun run)
    {
        const string rule = "VC 1.1: issuer, issuanceDate and credentialSubject are present (the OB 3.0 schemas describe the VC 2.0 form; the VC 1.1 'any' schemas are not available offline)";
        var missing = new[] { "issuer", "issuanceDate", "credentialSubject" }.Where(p => credential[p] is null or { Type: JTokenType.Null }).ToList();
        if (missing.Count > 0)
        {
            run.Fail(CheckNames.Schema, "VC 1.1 credential without " + string.Join(", ", missing) + ".", "$." + missing[0], rule);
        }
        else
        {
            run.Pass(CheckNames.Schema, "VC 1.1 credential: the OB 3.0 JSON Schemas describe VC 2.0 credentials and the VC 1.1 schemas are not available offline, so the VC 1.1 structure was checked instead (issuer, issuanceDate, credentialSubject present).", "$", rule);
        }
    }
}
