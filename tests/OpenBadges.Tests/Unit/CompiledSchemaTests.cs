using Newtonsoft.Json.Linq;
using NJsonSchema;
using OpenBadges.Json;
using OpenBadges.Schemas;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// <see cref="CompiledSchema"/> keyword by keyword against NJsonSchema on small schemas, including NJsonSchema's
/// quirks: wherever the compiled validator implements a keyword it must agree with NJsonSchema exactly (accept what
/// NJsonSchema accepts), and it must never accept what NJsonSchema rejects.
/// </summary>
public sealed class CompiledSchemaTests
{
    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "1", "-1", "42", "1.0", "1.5", "1e400", "12345678901234567890123456789012345678901234567890",
        "\"\"", "\"a\"", "\"1\"", "\"abc\"", "\"x\"", "\"True\"", "\"en\"", "\"en-GB\"", "\"EN\"",
        "\"2024-01-01T00:00:00Z\"", "\"2024-01-01\"", "\"2024-02-30\"", "\"2024-01-01T00:00:00\"", "\"yesterday\"",
        "\"https://example.org/a\"", "\"not a uri\"", "\"a.b.c\"", "\"a..c\"",
        "[]", "[1]", "[1,1]", "[1,2,3]", "[\"a\"]", "[\"a\",\"b\"]", "[\"a\",1]", "[null]", "[[1]]", "[{}]",
        "{}", "{\"a\":1}", "{\"a\":\"x\"}", "{\"a\":null}", "{\"b\":1}", "{\"a\":1,\"b\":2}", "{\"a\":1,\"c\":3}", "{\"en\":\"x\"}",
        "{\"A\":1}", "{\"a\":[1]}", "{\"a\":{\"a\":1}}",
    ];

    // Schemas the compiled validator implements exactly: on every value it must say what NJsonSchema says.
    public static TheoryData<string> ExactSchemas() =>
    [
        """{}""",
        """{"type":"string"}""",
        """{"type":"integer"}""",
        """{"type":"number"}""",
        """{"type":"boolean"}""",
        """{"type":"null"}""",
        """{"type":"object"}""",
        """{"type":"array"}""",
        """{"type":["string","null"]}""",
        """{"type":["integer","array"]}""",
        """{"type":["object","string"],"pattern":"^a"}""",
        """{"type":"array","minItems":2}""",
        """{"type":"array","maxItems":2}""",
        """{"maxItems":0}""",
        """{"minItems":1}""",
        """{"uniqueItems":true}""",
        """{"items":{"type":"integer"}}""",
        """{"items":[{"type":"integer"},{"type":"integer"}]}""",
        """{"items":[{"type":"integer"}],"additionalItems":false}""",
        """{"items":[{"type":"integer"}],"additionalItems":{"type":"integer"}}""",
        """{"contains":{"type":"string"}}""",
        """{"type":"array","contains":{"enum":["zzz"]},"minContains":2}""",
        """{"pattern":"b"}""",
        """{"pattern":"^[a-z]{2}(-[A-Z]{2})?$"}""",
        """{"type":"string","pattern":"^[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]*\\.[a-zA-Z0-9_-]+$"}""",
        """{"minLength":2}""",
        """{"maxLength":1}""",
        """{"format":"date-time"}""",
        """{"type":"string","format":"date"}""",
        """{"format":"uri"}""",
        """{"format":"time"}""",
        """{"format":"guid"}""",
        """{"format":"uuid"}""",
        """{"format":"time-span"}""",
        """{"type":"string","pattern":"^2024"}""",
        """{"type":"string","pattern":"Z$","maxLength":20}""",
        """{"enum":["https://example.org/a","01/01/2024 00:00:00"]}""",
        """{"properties":{"a":{"type":"string","format":"date-time"},"b":{"items":{"format":"date"}}}}""",
        """{"format":"email"}""",
        """{"format":"no-such-format"}""",
        """{"enum":["a","1","True"]}""",
        """{"enum":["a",null]}""",
        """{"enum":[1,"x"]}""",
        """{"const":"a"}""",
        """{"minimum":1}""",
        """{"maximum":1}""",
        """{"minimum":1,"exclusiveMinimum":true}""",
        """{"exclusiveMaximum":1}""",
        """{"multipleOf":2}""",
        """{"properties":{"a":{"type":"integer"}}}""",
        """{"properties":{"a":{"type":"integer"}},"required":["a"]}""",
        """{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]}""",
        """{"required":["b"]}""",
        """{"type":["object","null"],"required":["b"]}""",
        """{"properties":{"a":{"type":["integer","null"]}},"required":["a"]}""",
        """{"properties":{"a":{"oneOf":[{"type":"null"},{"type":"integer"}]}}}""",
        """{"properties":{"a":{"type":"integer"}},"additionalProperties":false}""",
        """{"additionalProperties":false}""",
        """{"additionalProperties":{"type":"string"}}""",
        """{"additionalProperties":true}""",
        """{"additionalProperties":{"type":"string"},"propertyNames":{"pattern":"^[a-z]{2}$"}}""",
        """{"minProperties":1}""",
        """{"maxProperties":1}""",
        """{"oneOf":[{"type":"string"},{"type":"object"}]}""",
        """{"oneOf":[{"type":"integer"},{"type":"number"}]}""",
        """{"oneOf":[{"type":"string"},{"pattern":"^a"}]}""",
        """{"anyOf":[{"type":"string"},{"type":"integer"}]}""",
        """{"allOf":[{"type":"array"},{"minItems":2}]}""",
        """{"not":{"type":"string"}}""",
        """{"if":{"type":"string"},"then":{"minLength":100}}""",
        """{"dependentRequired":{"a":["b"]},"unevaluatedProperties":false}""",
        """{"definitions":{"S":{"type":"string"}},"$ref":"#/definitions/S"}""",
        """{"definitions":{"S":{"type":"string"}},"properties":{"a":{"$ref":"#/definitions/S","type":"integer","minLength":5}}}""",
        """{"definitions":{"S":{"type":"string"}},"properties":{"a":{"allOf":[{"$ref":"#/definitions/S"}],"required":["zzz"]}}}""",
        """{"definitions":{"S":{"type":"string"}},"properties":{"a":{"oneOf":[{"$ref":"#/definitions/S"}],"minLength":3}}}""",
        """{"type":"object","properties":{"a":{"$ref":"#"}},"additionalProperties":false}""",
        """{"oneOf":[{"type":"string"},{"type":"object","additionalProperties":{"type":"string"}}]}""",
        """{"oneOf":[{"$ref":"#/definitions/C"},{"type":"array","minItems":1,"items":[{"enum":["a"]}],"additionalItems":{"$ref":"#/definitions/C"}}],"definitions":{"C":{"oneOf":[{"type":"string"},{"type":"object"}]}}}""",
    ];

    // Schemas whose property "x" uses a keyword the compiled validator leaves to NJsonSchema: it must never say
    // valid once a value reaches it (and may where the value does not).
    public static TheoryData<string> DeferredSchemas() =>
    [
        """{"properties":{"x":{"patternProperties":{"^a":{"type":"string"}}}}}""",
        """{"properties":{"x":{"oneOf":[{"type":"array"},{"patternProperties":{"^a":{"type":"string"}}}]}}}""",
    ];

    [Theory]
    [MemberData(nameof(ExactSchemas))]
    public async Task Agrees_with_NJsonSchema_on_every_value(string schemaJson)
    {
        var schema = await JsonSchema.FromJsonAsync(schemaJson);
        var compiled = CompiledSchema.Compile(schema);
        foreach (var (json, value) in Values.Select(json => (json, Parse(json))).Concat(CodeBuiltValues()))
        {
            ICollection<NJsonSchema.Validation.ValidationError> errors;
            try
            {
                errors = schema.Validate(value);
            }
            catch (InvalidCastException)
            {
                // NJsonSchema cannot convert the value (a BigInteger to decimal, a Guid to string): no answer from it,
                // so none from the fast path either.
                Assert.False(compiled.IsValid(value), $"{schemaJson} on {json}: NJsonSchema throws");
                continue;
            }

            Assert.True(compiled.IsValid(value) == (errors.Count == 0), $"{schemaJson} on {json}: NJsonSchema reports {errors.Count} error(s) ({string.Join(", ", errors.Select(e => e.Kind))})");
        }
    }

    [Theory]
    [MemberData(nameof(DeferredSchemas))]
    public async Task Defers_what_it_does_not_implement(string schemaJson)
    {
        var schema = await JsonSchema.FromJsonAsync(schemaJson);
        var compiled = CompiledSchema.Compile(schema);
        foreach (var json in Values)
        {
            Assert.False(compiled.IsValid(new JObject { ["x"] = Parse(json) }), $"{schemaJson} on {{\"x\":{json}}}");
        }

        Assert.True(compiled.IsValid(new JObject { ["y"] = 1 }));
    }

    [Fact]
    public async Task Date_tokens_are_strings_and_other_non_JSON_tokens_are_deferred()
    {
        var compiled = CompiledSchema.Compile(await JsonSchema.FromJsonAsync("""{"properties":{"d":{"type":"string","format":"date-time"}}}"""));

        Assert.True(compiled.IsValid(new JObject { ["d"] = "2024-01-01T00:00:00Z" }));
        Assert.True(compiled.IsValid(JToken.Parse("""{"d":"2024-01-01T00:00:00Z"}"""))); // Newtonsoft's default: a Date token
        Assert.Equal(JTokenType.Date, JToken.Parse("""{"d":"2024-01-01T00:00:00Z"}""")["d"]!.Type);
        Assert.False(compiled.IsValid(new JObject { ["d"] = new JValue(new byte[] { 1 }) }));
        Assert.False(compiled.IsValid(new JObject { ["d"] = new JRaw("1") }));
    }

    // Tokens no JSON text parsed with DateParseHandling.None produces, as code (or Newtonsoft's defaults) builds them.
    private static IEnumerable<(string Description, JToken Value)> CodeBuiltValues()
    {
        yield return ("DateTime", new JValue(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        yield return ("DateTime local", new JValue(new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Unspecified)));
        yield return ("DateTimeOffset", new JValue(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2))));
        yield return ("Uri", new JValue(new Uri("https://example.org/a")));
        yield return ("relative Uri", new JValue(new Uri("a/b", UriKind.Relative)));
        yield return ("Guid", new JValue(Guid.Parse("6f3b5a8e-0000-4000-8000-000000000001")));
        yield return ("TimeSpan", new JValue(TimeSpan.FromMinutes(90)));
        yield return ("Newtonsoft default parse", JToken.Parse("""{"a":"2024-01-01T00:00:00Z","b":["2024-01-01"],"en":"2024-01-01T00:00:00+02:00"}"""));
        yield return ("array of dates", new JArray(new JValue(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public async Task One_or_many_root_properties_are_read_as_arrays_without_touching_the_document()
    {
        var schema = await JsonSchema.FromJsonAsync("""{"properties":{"type":{"type":"array","items":{"type":"string"}},"proof":{"type":"array","minItems":1}},"additionalProperties":{"type":"array"}}""");
        var compiled = CompiledSchema.Compile(schema);
        var document = (JObject)Parse("""{"type":"Profile","proof":{"a":1},"other":"x"}""");
        var before = document.DeepClone();

        Assert.False(compiled.IsValid(document));
        Assert.False(compiled.IsValid(document, ["type", "proof"])); // "other" is still a string
        Assert.True(compiled.IsValid(document, ["type", "proof", "other"]));
        Assert.Empty(schema.Validate(Parse("""{"type":["Profile"],"proof":[{"a":1}],"other":["x"]}""")));
        Assert.True(JToken.DeepEquals(before, document));

        // null is not wrapped (nor is it by OpenBadgesSchemas' normalization)
        Assert.False(compiled.IsValid(Parse("""{"type":null}"""), ["type"]));
        Assert.NotEmpty(schema.Validate(Parse("""{"type":null}""")));
    }

    [Fact]
    public async Task Nesting_deeper_than_the_bound_is_deferred()
    {
        var schema = await JsonSchema.FromJsonAsync("""{"type":"array","items":{"$ref":"#"}}""");
        var compiled = CompiledSchema.Compile(schema);
        JToken Nested(int depth)
        {
            var token = new JArray();
            for (var i = 0; i < depth; i++)
            {
                token = new JArray { token }; // (new JArray(token) would copy, not nest)
            }

            return token;
        }

        Assert.True(compiled.IsValid(Nested(10)));
        Assert.False(compiled.IsValid(Nested(CompiledSchema.MaxDepth + 10)));
    }

    [Fact]
    public async Task NJsonSchema_ignores_the_2019_09_keywords_the_embedded_schemas_use_and_so_does_the_fast_path()
    {
        // contains / propertyNames are not modelled by NJsonSchema 11 (they land in ExtensionData): a type array
        // without VerifiableCredential and a language map with a bad key are valid for it, and for the fast path.
        var schema = await JsonSchema.FromJsonAsync("""
            {"properties":{
              "type":{"type":"array","contains":{"enum":["VerifiableCredential"]}},
              "name":{"type":"object","additionalProperties":{"type":"string"},"propertyNames":{"pattern":"^[a-z]{2}(-[A-Z]{2})?$"}}}}
            """);
        var document = Parse("""{"type":["OpenBadgeCredential"],"name":{"not a language":"x"}}""");

        Assert.Empty(schema.Validate(document));
        Assert.True(CompiledSchema.Compile(schema).IsValid(document));
        Assert.Contains("contains", schema.Properties["type"].ExtensionData!.Keys);
    }

    [Fact]
    public void The_embedded_schemas_compile_without_deferred_parts_on_conforming_credentials()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();

        Assert.True(OpenBadgesSchemas.FastPathAccepts(OpenBadgesSchemas.AchievementCredentialSchemaId, credential));
        Assert.True(OpenBadgesSchemas.FastPathAccepts(OpenBadgesSchemas.ProfileSchemaId, credential["issuer"]!));
        Assert.Empty(OpenBadgesSchemas.ValidateAchievementCredential(credential));
    }

    [Fact]
    public void Errors_are_still_NJsonSchema_s_when_the_fast_path_declines()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
        credential["validFrom"] = "yesterday";

        Assert.False(OpenBadgesSchemas.FastPathAccepts(OpenBadgesSchemas.AchievementCredentialSchemaId, credential));
        var errors = OpenBadgesSchemas.ValidateAchievementCredential(credential);
        Assert.Equal(
            string.Join("\n", OpenBadgesSchemas.ValidateWithNJsonSchema(OpenBadgesSchemas.AchievementCredentialSchemaId, credential)),
            string.Join("\n", errors));
        Assert.Contains(errors, e => e.Kind == "DateTimeExpected" && e.Path == "#/validFrom");
    }

    private static JToken Parse(string json) => JsonInput.Parse(json);
}
