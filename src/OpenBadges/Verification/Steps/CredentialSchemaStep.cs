using Newtonsoft.Json.Linq;
using NJsonSchema;
using OpenBadges.Json;
using OpenBadges.Schemas;
using static OpenBadges.Verification.CredentialJson;

namespace OpenBadges.Verification;

/// <summary>Step 6: the credential's own <c>credentialSchema</c> entries (type <c>1EdTechJsonSchemaValidator2019</c>).</summary>
internal sealed class CredentialSchemaStep : IVerificationStep
{
    private const string JsonSchemaValidatorType = "1EdTechJsonSchemaValidator2019";

    public async ValueTask<bool> RunAsync(VerificationRun run, CancellationToken cancellationToken)
    {
        await CheckAsync(run.Credential!, run, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task CheckAsync(JObject credential, VerificationRun run, CancellationToken cancellationToken)
    {
        const string rule = "each credentialSchema of type 1EdTechJsonSchemaValidator2019 validates the credential (OB 3.0 schemas offline, others through the fetcher)";
        var entries = new List<(JObject Entry, string Path)>();
        EachObject(credential["credentialSchema"], "$.credentialSchema", (entry, path) => entries.Add((entry, path)));
        if (entries.Count == 0)
        {
            run.NotApplicable(CheckNames.CredentialSchema, "The credential names no credentialSchema.", "$.credentialSchema", rule);
            return;
        }

        foreach (var (entry, path) in entries)
        {
            var type = entry["type"]?.Type == JTokenType.String ? (string?)entry["type"] : null;
            var id = entry["id"]?.Type == JTokenType.String ? (string?)entry["id"] : null;
            if (type != JsonSchemaValidatorType)
            {
                run.NotApplicable(CheckNames.CredentialSchema, $"Schema type '{type}' is not one this verifier validates.", path, rule);
                continue;
            }

            if (id is null)
            {
                run.Fail(CheckNames.CredentialSchema, "The credentialSchema entry has no id.", path + ".id", rule);
                continue;
            }

            if (SchemaStep.ValidateEmbedded(id, credential, run) is { } errors)
            {
                SchemaStep.ReportSchemaErrors(CheckNames.CredentialSchema, errors, run, path, rule + $"; {id} is embedded");
                continue;
            }

            if (EduCredentialSchemas.Find(id) is { } dutch)
            {
                await ValidateSchemaTextAsync(credential, id, dutch, path, run, rule + $"; {id} is embedded (SURF eduCredentials)", cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (run.Settings.Options.Fetcher is null)
            {
                run.NotApplicable(CheckNames.CredentialSchema, $"{id} is not one of the embedded OB 3.0 or SURF eduCredentials schemas and no fetcher is configured (offline): not validated.", path, rule);
                continue;
            }

            await ValidateFetchedSchemaAsync(credential, id, path, run, rule, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ValidateFetchedSchemaAsync(JObject credential, string id, string path, VerificationRun run, string rule, CancellationToken cancellationToken)
    {
        var fetched = await DocumentFetch.FetchAsync(id, run, cancellationToken).ConfigureAwait(false);
        if (fetched.Text is null)
        {
            run.Undecided(CheckNames.CredentialSchema, $"The schema {id} could not be fetched: {fetched.Error}.", path, rule);
            return;
        }

        await ValidateSchemaTextAsync(credential, id, fetched.Text, path, run, rule + $"; {id} was fetched", cancellationToken).ConfigureAwait(false);
    }

    private static async Task ValidateSchemaTextAsync(JObject credential, string id, string text, string path, VerificationRun run, string rule, CancellationToken cancellationToken)
    {
        JToken document;
        try
        {
            document = JsonInput.Parse(text, run.Settings.Options.JsonLimits);
        }
        catch (JsonInputException e)
        {
            run.Undecided(CheckNames.CredentialSchema, $"The schema {id} is not usable JSON: {e.Message}", path, rule);
            return;
        }

        // A schema that points elsewhere would make NJsonSchema fetch on its own, outside the fetcher and its limits.
        var external = document is JContainer container
            ? container.DescendantsAndSelf().OfType<JProperty>().FirstOrDefault(p => p.Name == "$ref" && p.Value.Type == JTokenType.String && !((string)p.Value!).StartsWith('#'))
            : null;
        if (external is not null)
        {
            run.Undecided(CheckNames.CredentialSchema, $"The schema {id} refers to another document ({external.Value}); external references are not followed.", path, rule);
            return;
        }

        try
        {
            var schema = await JsonSchema.FromJsonAsync(document.ToString(Newtonsoft.Json.Formatting.None), cancellationToken).ConfigureAwait(false);
            var errors = schema.Validate(credential).Select(e => new SchemaValidationError(e.Path ?? "#", e.Kind.ToString(), e.Property, [])).ToList();
            SchemaStep.ReportSchemaErrors(CheckNames.CredentialSchema, errors, run, path, rule);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Undecided(CheckNames.CredentialSchema, $"The schema {id} could not be used: {e.GetType().Name}: {e.Message}", path, rule);
        }
    }
}
