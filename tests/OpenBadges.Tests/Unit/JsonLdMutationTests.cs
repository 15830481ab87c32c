using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Conformance;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// Hostile input: the suite's documents with random parts replaced by JSON-LD-shaped junk. Whatever happens,
/// the processor must answer with a result or a <see cref="JsonLdException"/> — never a cast, null-reference
/// or Newtonsoft exception from deep inside. Seeded, so a failure reproduces.
/// </summary>
public sealed class JsonLdMutationTests
{
    private const int RoundsPerDocument = 3;

    private static readonly JToken[] Junk =
    [
        JValue.CreateNull(), new JValue(true), new JValue(5), new JValue(1.5), new JValue(string.Empty), new JValue("@id"),
        new JValue("@type"), new JValue("_:b0"), new JValue("rel"), new JValue("http://ex/x"), new JValue("@list"),
        new JValue("@json"), new JValue("@none"), new JValue("@graph"), new JValue("@index"), new JValue("@reverse"), new JValue("x:y"),
        new JArray(), new JObject(), new JArray("a", 1), new JObject { ["@value"] = "v" }, new JObject { ["@id"] = "http://x" },
        new JObject { ["@list"] = new JArray(1) }, new JObject { ["@context"] = null }, new JObject { ["@set"] = new JArray() },
        new JObject { ["@reverse"] = new JObject() },
    ];

    [SharedDataFact]
    public void MutatedDocumentsFailOnlyWithJsonLdErrors()
    {
        var unexpected = Run("expand", "*-in.jsonld", 1, document => JsonLdProcessor.ToRdf(document, RandomOptions(document)));

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    [SharedDataFact]
    public void MutatedExpandedDocumentsFailOnlyWithJsonLdErrors()
    {
        var unexpected = Run("expand", "*-out.jsonld", 2, document =>
        {
            if (document is JArray expanded)
            {
                JsonLdProcessor.ExpandedToRdf(expanded, RandomOptions(document));
            }
        });

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    private static JsonLdOptions RandomOptions(JToken document)
    {
        var choice = document.ToString().Length;
        return new JsonLdOptions
        {
            SafeMode = choice % 2 == 0,
            Base = choice % 3 == 0 ? null : "http://base.example/a/b",
            RdfDirection = choice % 5 == 0 ? "compound-literal" : "i18n-datatype",
            DocumentLoader = JsonLdTestDocumentLoader.Instance,
        };
    }

    private static List<string> Run(string folder, string pattern, int seed, Action<JToken> process)
    {
        var random = new Random(seed);
        var unexpected = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(JsonLdTestDocumentLoader.Folder, folder), pattern).Order(StringComparer.Ordinal))
        {
            var original = JsonInput.ParseFile(file, new JsonLimits { MaxDepth = 256 });
            for (var round = 0; round < RoundsPerDocument; round++)
            {
                var document = original.DeepClone();
                var tokens = document.SelectTokens("$..*").Where(t => t.Parent is not null).ToList();
                for (var change = 0; change < 1 + random.Next(3) && tokens.Count > 0; change++)
                {
                    var target = tokens[random.Next(tokens.Count)];
                    if (target.Parent is JProperty or JArray)
                    {
                        target.Replace(Junk[random.Next(Junk.Length)].DeepClone());
                        tokens = document.SelectTokens("$..*").Where(t => t.Parent is not null).ToList();
                    }
                }

                try
                {
                    process(document);
                }
                catch (JsonLdException)
                {
                    // Refused cleanly.
                }
                catch (Exception e)
                {
                    unexpected.Add($"{Path.GetFileName(file)} round {round}: {e.GetType().Name}: {e.Message}\n  {document.ToString(Newtonsoft.Json.Formatting.None)}");
                }
            }
        }

        return unexpected;
    }
}
