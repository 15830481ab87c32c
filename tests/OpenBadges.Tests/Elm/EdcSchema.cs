using OpenBadges.Tests.Support;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace OpenBadges.Tests.Elm;

/// <summary>
/// The EDC JSON Schema (ELM 3.2, ../shared/conformance/eudi-dc4eu/standards/edc_schema.json) for offline use: its first
/// allOf entry is the EBSI registry's generic attestation schema (not available offline), so validation is against
/// the local <c>#/$defs/EuropeanDigitalCredentialType</c>; <c>$defs</c> are read as <c>definitions</c>, which is where
/// NJsonSchema resolves pointers (as the library does for the OB schemas).
/// </summary>
internal static class EdcSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema's rule for language-map keys (<c>Many!LangStringType</c> <c>propertyNames</c>), which NJsonSchema applies only as rewritten in Load.</summary>
    public static string LanguageKeyPattern =>
        (string)JObject.Parse(File.ReadAllText(SharedData.Conformance("eudi-dc4eu/standards/edc_schema.json")))
            .SelectToken("$defs.['Many!LangStringType'].propertyNames.pattern")!;

    public static IReadOnlyList<string> Validate(JToken elm) =>
        Schema.Value.Validate(elm.ToString(Newtonsoft.Json.Formatting.None)).Select(e => $"{e.Path}: {e.Kind}").ToList();

    private static JsonSchema Load()
    {
        var published = JObject.Parse(File.ReadAllText(SharedData.Conformance("eudi-dc4eu/standards/edc_schema.json")));
        // The root is EuropeanDigitalCredentialType itself (NJsonSchema does not follow a root that is only a $ref).
        var schema = (JObject)published["$defs"]!["EuropeanDigitalCredentialType"]!.DeepClone();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema["definitions"] = published["$defs"]!.DeepClone();
        foreach (var reference in schema.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String).ToList())
        {
            reference.Value = ((string)reference.Value!).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        }

        // NJsonSchema 11 ignores two draft 2020-12 keywords the EDC schema relies on; both are rewritten into forms it
        // applies, with the same meaning: "const": X is "enum": [X] (every node's "type"), and "propertyNames":
        // {"pattern": P} is "patternProperties": {P: {}} with "additionalProperties": false (the language-map keys).
        foreach (var constant in schema.Descendants().OfType<JProperty>().Where(p => p.Name == "const").ToList())
        {
            constant.Replace(new JProperty("enum", new JArray(constant.Value)));
        }

        foreach (var names in schema.Descendants().OfType<JProperty>().Where(p => p.Name == "propertyNames" && p.Value["pattern"] is JValue).ToList())
        {
            var owner = (JObject)names.Parent!;
            owner["patternProperties"] = new JObject { [(string)names.Value["pattern"]!] = new JObject() };
            owner["additionalProperties"] = false;
            names.Remove();
        }

        return JsonSchema.FromJsonAsync(schema.ToString()).GetAwaiter().GetResult();
    }
}
