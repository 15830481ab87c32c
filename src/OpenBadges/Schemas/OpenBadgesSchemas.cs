using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using OpenBadges.Json;

namespace OpenBadges.Schemas;

/// <summary>
/// JSON Schema validation against the Open Badges 3.0 schemas this package carries (the "JSON-LD adaptation"
/// schemas 1EdTech serves under <c>https://purl.imsglobal.org/spec/ob/v3p0/schema/json/</c>), offline.
/// <para>
/// How the schemas are fed to NJsonSchema (DESIGN.md §4): they are draft 2019-09 and keep their definitions under
/// <c>$defs</c>, which NJsonSchema 11 does not resolve; each schema is loaded once with <c>$defs</c> read as
/// <c>definitions</c> (and <c>#/$defs/…</c> references as <c>#/definitions/…</c>). Open Badges lets <c>type</c>,
/// <c>proof</c>, <c>credentialSchema</c> and <c>termsOfUse</c> be compacted to a single value, which the schemas'
/// one-or-many alternatives do not all survive in NJsonSchema; a copy of the credential with those normalized to
/// arrays is validated (the caller's token is not modified).
/// </para>
/// <para>
/// A compiled validator (<see cref="CompiledSchema"/>) built from the same loaded schemas runs first and settles the
/// common case, a conforming document, without NJsonSchema's per-branch error objects; whenever it cannot vouch for a
/// document NJsonSchema validates it, so the errors reported are NJsonSchema's, unchanged.
/// </para>
/// <para>The loaded schemas are shared and only read while validating, so validation is thread-safe.</para>
/// </summary>
public static class OpenBadgesSchemas
{
    /// <summary><c>$id</c> of the AchievementCredential (= OpenBadgeCredential) schema.</summary>
    public const string AchievementCredentialSchemaId = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary><c>$id</c> of the EndorsementCredential schema.</summary>
    public const string EndorsementCredentialSchemaId = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";

    /// <summary><c>$id</c> of the Profile schema.</summary>
    public const string ProfileSchemaId = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json";

    private static readonly IReadOnlyList<SchemaValidationError> NoErrors = new List<SchemaValidationError>().AsReadOnly();

    private static readonly string[] ArrayNormalizedProperties = ["type", "proof", "credentialSchema", "termsOfUse"];

    private static readonly IReadOnlyDictionary<string, string> ResourceById = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AchievementCredentialSchemaId] = "ob_v3p0_achievementcredential_schema.json",
        [EndorsementCredentialSchemaId] = "ob_v3p0_endorsementcredential_schema.json",
        [ProfileSchemaId] = "ob_v3p0_profile_schema.json",
    };

    private static readonly Lazy<JToken> AchievementCredentialDocument = new(() => LoadDocument(AchievementCredentialSchemaId), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<JToken> EndorsementCredentialDocument = new(() => LoadDocument(EndorsementCredentialSchemaId), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<JToken> ProfileDocument = new(() => LoadDocument(ProfileSchemaId), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<JsonSchema> AchievementCredential = new(() => Compile(AchievementCredentialDocument.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<JsonSchema> EndorsementCredential = new(() => Compile(EndorsementCredentialDocument.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<JsonSchema> Profile = new(() => Compile(ProfileDocument.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    // The fast positive path (CompiledSchema): built from the same loaded schemas; NJsonSchema still reports errors.
    private static readonly Lazy<CompiledSchema> AchievementCredentialFast = new(() => CompiledSchema.Compile(AchievementCredential.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<CompiledSchema> EndorsementCredentialFast = new(() => CompiledSchema.Compile(EndorsementCredential.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<CompiledSchema> ProfileFast = new(() => CompiledSchema.Compile(Profile.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The <c>$id</c>s of the schemas carried.</summary>
    public static IEnumerable<string> SchemaIds => ResourceById.Keys;

    /// <summary>
    /// The schema document for <paramref name="schemaId"/>, exactly as published (with <c>$defs</c>), or null when not
    /// carried. Shared: do not mutate it. Useful to resolve a credential's <c>credentialSchema</c> offline.
    /// </summary>
    public static JToken? FindSchemaDocument(string schemaId)
    {
        ArgumentNullException.ThrowIfNull(schemaId);
        return schemaId switch
        {
            AchievementCredentialSchemaId => AchievementCredentialDocument.Value,
            EndorsementCredentialSchemaId => EndorsementCredentialDocument.Value,
            ProfileSchemaId => ProfileDocument.Value,
            _ => null,
        };
    }

    /// <summary>Validates an <c>OpenBadgeCredential</c>/<c>AchievementCredential</c>; empty when it conforms.</summary>
    public static IReadOnlyList<SchemaValidationError> ValidateAchievementCredential(JToken credential) =>
        Validate(AchievementCredential.Value, AchievementCredentialFast.Value, credential);

    /// <summary>Validates an <c>EndorsementCredential</c>; empty when it conforms.</summary>
    public static IReadOnlyList<SchemaValidationError> ValidateEndorsementCredential(JToken credential) =>
        Validate(EndorsementCredential.Value, EndorsementCredentialFast.Value, credential);

    /// <summary>Validates a <c>Profile</c> document; empty when it conforms.</summary>
    public static IReadOnlyList<SchemaValidationError> ValidateProfile(JToken profile) =>
        Validate(Profile.Value, ProfileFast.Value, profile);

    /// <summary>The fast path alone (tests: it may accept only what NJsonSchema accepts).</summary>
    internal static bool FastPathAccepts(string schemaId, JToken document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FastFor(schemaId).IsValid(document, ArrayNormalizedProperties);
    }

    /// <summary>NJsonSchema alone, without the fast path (tests and benchmarks).</summary>
    internal static IReadOnlyList<SchemaValidationError> ValidateWithNJsonSchema(string schemaId, JToken document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schema = schemaId switch
        {
            AchievementCredentialSchemaId => AchievementCredential.Value,
            EndorsementCredentialSchemaId => EndorsementCredential.Value,
            ProfileSchemaId => Profile.Value,
            _ => throw SchemaErrors.NotEmbeddedSchema(schemaId, nameof(schemaId)),
        };
        return Report(schema, NormalizeOneOrMany(document));
    }

    private static CompiledSchema FastFor(string schemaId) => schemaId switch
    {
        AchievementCredentialSchemaId => AchievementCredentialFast.Value,
        EndorsementCredentialSchemaId => EndorsementCredentialFast.Value,
        ProfileSchemaId => ProfileFast.Value,
        _ => throw SchemaErrors.NotEmbeddedSchema(schemaId, nameof(schemaId)),
    };

    private static IReadOnlyList<SchemaValidationError> Validate(JsonSchema schema, CompiledSchema fast, JToken document)
    {
        ArgumentNullException.ThrowIfNull(document);

        // The compiled validator says "valid" only when NJsonSchema would find no error in the normalized copy (it
        // reads the document as normalized, without copying it); for anything else NJsonSchema validates the copy
        // and its errors (messages, paths) are reported unchanged.
        return fast.IsValid(document, ArrayNormalizedProperties) ? NoErrors : Report(schema, NormalizeOneOrMany(document));
    }

    private static IReadOnlyList<SchemaValidationError> Report(JsonSchema schema, JToken normalized) =>
        schema.Validate(normalized).Select(Convert).ToList().AsReadOnly();

    private static JToken NormalizeOneOrMany(JToken document)
    {
        if (document is not JObject root)
        {
            return document;
        }

        var copy = (JObject)root.DeepClone();
        foreach (var name in ArrayNormalizedProperties)
        {
            if (copy[name] is { } value && value.Type != JTokenType.Array && value.Type != JTokenType.Null)
            {
                copy[name] = new JArray(value);
            }
        }

        return copy;
    }

    private static SchemaValidationError Convert(ValidationError error)
    {
        var details = error is ChildSchemaValidationError child
            ? child.Errors.SelectMany(alternative => alternative.Value).Select(Convert).ToList().AsReadOnly()
            : (IReadOnlyList<SchemaValidationError>)[];
        return new SchemaValidationError(error.Path ?? "#", error.Kind.ToString(), error.Property, details);
    }

    private static JToken LoadDocument(string schemaId)
    {
        var file = ResourceById[schemaId];
        using var stream = typeof(OpenBadgesSchemas).Assembly.GetManifestResourceStream("OpenBadges.Schemas." + file)
            ?? throw SchemaErrors.SchemaResourceMissing(file);
        using var reader = new StreamReader(stream);
        return JsonInput.Parse(reader.ReadToEnd(), new JsonLimits { MaxInputLength = 1 << 20, MaxDepth = 64 });
    }

    private static JsonSchema Compile(JToken document)
    {
        var rewritten = RewriteDefinitions(document.DeepClone());

        // FromJsonAsync does no I/O here (every $ref is internal); running it on the pool keeps a caller's
        // synchronization context out of the blocking wait.
        return Task.Run(() => JsonSchema.FromJsonAsync(rewritten.ToString(Newtonsoft.Json.Formatting.None))).GetAwaiter().GetResult();
    }

    // Draft 2019-09 "$defs" → draft-07 "definitions", which is the only place NJsonSchema resolves "#/…" pointers.
    private static JToken RewriteDefinitions(JToken token)
    {
        switch (token)
        {
            case JObject json:
                if (json.Property("$defs", StringComparison.Ordinal) is { } defs && json.Property("definitions", StringComparison.Ordinal) is null)
                {
                    defs.Replace(new JProperty("definitions", defs.Value));
                }

                foreach (var property in json.Properties().ToList())
                {
                    if (property.Name == "$ref" && property.Value.Type == JTokenType.String)
                    {
                        var reference = (string)property.Value!;
                        if (reference.StartsWith("#/$defs/", StringComparison.Ordinal))
                        {
                            property.Value = "#/definitions/" + reference["#/$defs/".Length..];
                        }
                    }
                    else
                    {
                        RewriteDefinitions(property.Value);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    RewriteDefinitions(item);
                }

                break;
        }

        return token;
    }
}
