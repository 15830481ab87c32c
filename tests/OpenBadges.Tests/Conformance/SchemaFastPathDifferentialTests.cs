using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Schemas;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;
using OpenBadges.Tests.Unit;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The compiled schema validator (the fast positive path of <see cref="OpenBadgesSchemas"/>) against NJsonSchema,
/// the reference, over a large corpus: real credentials, issuer profiles and endorsements, every tamper mutation of
/// them and schema-targeted mutations (wrong JSON types, single value ↔ array, empty arrays, bad dates and URIs,
/// unexpected properties), and each parsed with Newtonsoft's default settings (Date tokens). Sound: the fast path never accepts a document NJsonSchema reports an error for. Useful:
/// it accepts nearly every document NJsonSchema accepts (so it cannot pass by always deferring).
/// </summary>
public sealed class SchemaFastPathDifferentialTests(ITestOutputHelper output)
{
    private const string Achievement = OpenBadgesSchemas.AchievementCredentialSchemaId;
    private const string Endorsement = OpenBadgesSchemas.EndorsementCredentialSchemaId;
    private const string Profile = OpenBadgesSchemas.ProfileSchemaId;

    [SharedDataFact]
    public async Task Fast_path_accepts_only_what_NJsonSchema_accepts_and_nearly_all_of_it()
    {
        var seeds = await Seeds();
        var counts = new Dictionary<string, Counts>
        {
            [Achievement] = new(),
            [Endorsement] = new(),
            [Profile] = new(),
        };
        var disagreements = new List<string>();

        void Check(string schemaId, string description, JToken document, bool compareReports)
        {
            var fast = OpenBadgesSchemas.FastPathAccepts(schemaId, document);
            var errors = OpenBadgesSchemas.ValidateWithNJsonSchema(schemaId, document);
            var count = counts[schemaId];
            count.Documents++;
            count.ReferenceValid += errors.Count == 0 ? 1 : 0;
            count.FastValid += fast ? 1 : 0;
            if (fast && errors.Count != 0)
            {
                disagreements.Add($"{Path.GetFileName(schemaId)}: {description}: fast path accepted, NJsonSchema: {string.Join("; ", errors.Take(3))}");
            }

            if (compareReports)
            {
                // The public entry point reports exactly what NJsonSchema reports.
                var reported = Validate(schemaId, document);
                Assert.Equal(string.Join("\n", errors.SelectMany(e => e.SelfAndDetails())), string.Join("\n", reported.SelectMany(e => e.SelfAndDetails())));
            }
        }

        var index = 0;
        foreach (var (name, schemaId, document, targeted) in seeds)
        {
            // Each seed against every schema (mostly invalid across schemas: soundness on real-world shapes).
            foreach (var other in counts.Keys)
            {
                Check(other, $"{name} (seed)", document, compareReports: true);
            }

            foreach (var (description, mutated) in TamperCorpusTests.Mutations(document))
            {
                Check(schemaId, $"{name}: {description}", mutated, compareReports: index++ % 16 == 0);
            }

            foreach (var (description, mutated) in SchemaMutations(document, targeted ? 1 : 2))
            {
                Check(schemaId, $"{name}: {description}", mutated, compareReports: index++ % 16 == 0);
            }

            // Parsed with Newtonsoft's defaults, as a caller might: dates become Date tokens.
            var defaultParsed = (JObject)JToken.Parse(document.ToString(Newtonsoft.Json.Formatting.None));
            Check(schemaId, $"{name} (default parse)", defaultParsed, compareReports: true);
            foreach (var (description, mutated) in TamperCorpusTests.Mutations(defaultParsed))
            {
                Check(schemaId, $"{name} (default parse): {description}", mutated, compareReports: index++ % 16 == 0);
            }
        }

        foreach (var (schemaId, count) in counts)
        {
            var line = $"{Path.GetFileName(schemaId)}: {count.Documents} documents, {count.ReferenceValid} valid for NJsonSchema, {count.FastValid} accepted by the fast path";
            output.WriteLine(line);
            Console.WriteLine(line);
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} unsound answers:\n" + string.Join("\n", disagreements.Take(40)));
        foreach (var (schemaId, count) in counts)
        {
            Assert.True(count.Documents > (schemaId == Achievement ? 20_000 : 500), $"{schemaId}: the corpus should be large ({count.Documents})");
            Assert.True(count.ReferenceValid > 100, $"{schemaId}: too few valid documents ({count.ReferenceValid}) to judge the fast path");
            Assert.True(count.FastValid >= count.ReferenceValid * 0.95, $"{schemaId}: the fast path accepts {count.FastValid} of {count.ReferenceValid} valid documents");
        }
    }

    private static IReadOnlyList<SchemaValidationError> Validate(string schemaId, JToken document) => schemaId switch
    {
        Achievement => OpenBadgesSchemas.ValidateAchievementCredential(document),
        Endorsement => OpenBadgesSchemas.ValidateEndorsementCredential(document),
        _ => OpenBadgesSchemas.ValidateProfile(document),
    };

    // (name, schema it is meant for, document, mutate every path rather than a sample)
    private static async Task<List<(string Name, string SchemaId, JObject Document, bool Targeted)>> Seeds()
    {
        var credentials = new List<(string Name, JObject Credential, bool Targeted)>();
        foreach (var file in Directory.GetFiles(SharedData.Conformance("reference-stack"), "*.json").Order(StringComparer.Ordinal))
        {
            if (JsonInput.ParseFile(file) is JObject document && document["credentialSubject"] is not null)
            {
                credentials.Add(("reference-stack/" + Path.GetFileName(file), document, file.EndsWith("eddsa-rdfc-2022.signed.json", StringComparison.Ordinal)));
            }
        }

        foreach (var file in new[] { "ob3/test-vector/credential.json", "ob3/test-vector/signed.json", "ob3/test-vector-clr/credential.json", "ob3/test-vector-clr/signed.json" })
        {
            credentials.Add((file, (JObject)JsonInput.ParseFile(SharedData.Conformance(file)), file == "ob3/test-vector/signed.json"));
        }

        foreach (var (name, credential) in InteropCorpus.All())
        {
            credentials.Add(("interop/" + name, credential, false));
        }

        credentials.Add(("builder/complete", MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject(), true));
        foreach (var without in Enumerable.Range(1, 11).Select(i => "M" + i))
        {
            try
            {
                credentials.Add(("builder/without-" + without, MicroCredentialTestData.CompleteDutchHigherEducation(without).Build().ToJObject(), false));
            }
            catch (Model.MicroCredentialValidationException)
            {
                // A required element: the builder refuses to build without it.
            }
        }

        credentials.Add(("builder/ects-7.5", MicroCredentialTestData.CompleteDutchHigherEducation().WithEcts(7.50m).Build().ToJObject(), false));
        credentials.Add(("builder/evidence-image-validUntil", MicroCredentialTestData.CompleteDutchHigherEducation()
            .AddEvidence(new Model.Evidence { Id = "https://portfolio.example.nl/j.jansen", Type = ["Evidence"], Name = "Portfolio" })
            .WithImage("https://www.example-university.nl/badges/data-ethics.png", "Badge")
            .WithValidUntil("2030-06-30T12:00:00Z")
            .Build().ToJObject(), false));

        using (var key = Ed25519Key.FromSeed(Convert.FromHexString(InteropCorpus.SeedHex)))
        {
            var built = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
            var signed = await DataIntegritySigner.SignAsync(built, new Ed25519Signer(key, "did:web:edubadges.example.nl:issuers:uu#key-1"), Cryptosuites.EddsaRdfc2022, new ProofOptions
            {
                Created = DateTimeOffset.Parse(InteropCorpus.Created, CultureInfo.InvariantCulture),
                JsonLd = TestContexts.Options,
            });
            credentials.Add(("builder/signed", signed, true));
        }

        var seeds = new List<(string, string, JObject, bool)>();
        var endorsements = new List<(string Name, JObject Document)>
        {
            ("interop/signed-endorsement", InteropCorpus.SignedEndorsement()),
            ("unsigned endorsement", (JObject)JsonInput.Parse("""
                {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id":"urn:uuid:9a1b","type":["VerifiableCredential","EndorsementCredential"],"name":"Endorsement of the programme",
                 "issuer":{"id":"https://endorser.example","type":["Profile"],"name":"Endorser"},"validFrom":"2024-01-01T00:00:00Z",
                 "credentialSubject":{"id":"https://issuer.example/achievements/1","type":["EndorsementSubject"],"endorsementComment":"Solid."}}
                """)),
        };
        var profiles = new List<(string Name, JObject Document)>();
        foreach (var (name, credential, targeted) in credentials)
        {
            seeds.Add((name, Achievement, credential, targeted));
            if (credential["issuer"] is JObject issuer)
            {
                profiles.Add((name + " issuer", (JObject)issuer.DeepClone()));
            }

            var endorsement = credential["endorsement"];
            IEnumerable<JToken> items = endorsement is JArray many ? many : endorsement is null ? [] : [endorsement];
            foreach (var item in items)
            {
                if (item is JObject embedded)
                {
                    endorsements.Add((name + " endorsement", (JObject)embedded.DeepClone()));
                }
            }
        }

        // Distinct issuer profiles (the corpus repeats a few).
        foreach (var group in profiles.GroupBy(p => p.Document.ToString(Newtonsoft.Json.Formatting.None), StringComparer.Ordinal))
        {
            var first = group.First();
            seeds.Add((first.Name, Profile, first.Document, true));
        }

        foreach (var group in endorsements.GroupBy(e => e.Document.ToString(Newtonsoft.Json.Formatting.None), StringComparer.Ordinal))
        {
            seeds.Add((group.First().Name, Endorsement, group.First().Document, true));
        }

        return seeds;
    }

    /// <summary>
    /// Mutations aimed at the schema keywords: each value (every <paramref name="stride"/>-th one) replaced by a value
    /// of every other JSON type, wrapped in an array or unwrapped from one, emptied; strings turned into bad dates,
    /// bad URIs and bad language tags; an unexpected property added to each object, an item to each array.
    /// </summary>
    internal static IEnumerable<(string Description, JObject Mutated)> SchemaMutations(JObject document, int stride)
    {
        var paths = document.Descendants().Where(t => t is not JProperty).Select(t => t.Path).ToList();
        for (var i = 0; i < paths.Count; i += stride)
        {
            var path = paths[i];
            var original = document.SelectToken(path)!;
            foreach (var (label, replacement) in Replacements(original))
            {
                var mutated = (JObject)document.DeepClone();
                mutated.SelectToken(path)!.Replace(replacement);
                yield return ($"{path} → {label}", mutated);
            }
        }

        var containers = document.DescendantsAndSelf().Where(t => t is JObject or JArray).Select(t => t.Path).ToList();
        for (var i = 0; i < containers.Count; i += stride)
        {
            var path = containers[i];
            var mutated = (JObject)document.DeepClone();
            var target = path.Length == 0 ? mutated : mutated.SelectToken(path)!;
            if (target is JObject obj)
            {
                obj["unexpectedProperty"] = "x";
                yield return ($"{path}: added a property", mutated);

                var withObject = (JObject)document.DeepClone();
                ((JObject)(path.Length == 0 ? withObject : withObject.SelectToken(path)!))["unexpectedProperty"] = new JObject { ["en"] = 1 };
                yield return ($"{path}: added an object property", withObject);
            }
            else if (target is JArray array)
            {
                array.Add(42);
                yield return ($"{path}: added a number item", mutated);

                if (array.Count > 1)
                {
                    var duplicated = (JObject)document.DeepClone();
                    var items = (JArray)duplicated.SelectToken(path)!;
                    items.Add(items[0].DeepClone());
                    yield return ($"{path}: duplicated the first item", duplicated);
                }
            }
        }
    }

    private static IEnumerable<(string Label, JToken Replacement)> Replacements(JToken original)
    {
        yield return ("integer", new JValue(42));
        yield return ("float", new JValue(4.5));
        yield return ("string", new JValue("x"));
        yield return ("boolean", new JValue(true));
        yield return ("null", JValue.CreateNull());
        yield return ("empty array", new JArray());
        yield return ("empty object", new JObject());
        if (original is JArray array)
        {
            if (array.Count > 0)
            {
                yield return ("first item alone", array[0].DeepClone());
            }
        }
        else
        {
            yield return ("wrapped in an array", new JArray(original.DeepClone()));
        }

        if (original.Type == JTokenType.Integer)
        {
            yield return ("integer as float", new JValue((long)original + 0.0));
        }

        if (original is JValue { Type: JTokenType.String, Value: string text })
        {
            if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-')
            {
                yield return ("impossible date", new JValue("2024-02-30T00:00:00Z"));
                yield return ("date only", new JValue(text[..10]));
                yield return ("no time zone", new JValue(text.Length >= 19 ? text[..19] : text));
                yield return ("month 13", new JValue("2024-13-01" + (text.Length > 10 ? text[10..] : "")));
            }

            if (text.Contains(':', StringComparison.Ordinal))
            {
                yield return ("not a URI", new JValue("not a uri"));
                yield return ("URI with a space", new JValue(text + " x"));
            }

            yield return ("empty string", new JValue(""));
            yield return ("language map", new JObject { ["en"] = text });
            yield return ("bad language map", new JObject { ["english"] = text });
        }
    }

    private sealed class Counts
    {
        public int Documents;
        public int ReferenceValid;
        public int FastValid;
    }
}
