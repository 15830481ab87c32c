using Newtonsoft.Json.Linq;
using OpenBadges.Schemas;

namespace OpenBadges.Verification;

/// <summary>Step 5: the embedded OB 3.0 JSON Schema (VC 2.0), or the VC 1.1 structure.</summary>
public sealed partial class CredentialVerifier
{
    private static void CheckSchema(JObject credential, Run run, CredentialKind kind)
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
    private static IReadOnlyList<SchemaValidationError>? ValidateEmbedded(string schemaId, JObject credential, Run run)
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

    private static void ReportSchemaErrors(string name, IReadOnlyList<SchemaValidationError> errors, Run run, string path, string rule)
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

    private static void CheckVc1Structure(JObject credential, Run run)
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
