using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;
using OpenBadges.Rdf;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;
using OpenBadges.Checks;
using OpenBadges.Json;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The one-pass toRdf used for signing must give, for every document it accepts, the dataset the spec path
/// (expansion, node map, toRdf) gives in safe mode, and must accept nothing the spec path refuses. Checked by
/// canonicalizing both datasets over many inputs: the W3C toRdf and expand inputs, the interop corpus, and every
/// tamper mutation of every corpus credential.
/// </summary>
public sealed class OnePassToRdfDifferentialTests(ITestOutputHelper output)
{
    private static readonly Rdfc10Options Canonicalization = new() { MaxWorkFactor = 3 };

    [SharedDataFact]
    public void Converts_every_corpus_credential_to_the_spec_paths_dataset()
    {
        var options = TestContexts.Options with { RdfDirection = "i18n-datatype" };
        var documents = InteropCorpus.All().Select(c => (c.Name, c.Credential)).ToList();
        documents.Add(("reference-stack", TestContexts.ReadObject(SharedData.Conformance("reference-stack/ob3-microcredential.unsigned.json"))));
        foreach (var (name, credential) in documents)
        {
            var verdict = Compare(credential, null, options);
            output.WriteLine($"{name}: {verdict}");
            Assert.True(verdict == Verdict.Same, $"{name}: {verdict}");
        }
    }

    [SharedDataFact]
    public void Agrees_with_the_spec_path_on_every_mutation_of_every_corpus_credential()
    {
        var options = TestContexts.Options with { RdfDirection = "i18n-datatype" };
        var counts = new Dictionary<Verdict, int>();
        var disagreements = new List<string>();
        foreach (var (name, credential) in InteropCorpus.All())
        {
            var signed = (JObject)credential.DeepClone();
            signed["proof"] = new JObject { ["type"] = "DataIntegrityProof", ["proofValue"] = "z1" };
            foreach (var (description, mutated) in TamperCorpusTests.Mutations(signed))
            {
                // Both as a whole document and read through the verifier's view (the proof hidden, not removed).
                var view = new DocumentView(mutated, "proof", null);
                foreach (var verdict in new[] { Compare(mutated, null, options), Compare(mutated, view, options) })
                {
                    counts[verdict] = counts.GetValueOrDefault(verdict) + 1;
                    if (verdict is Verdict.Different or Verdict.AcceptedWhatSpecPathRefuses)
                    {
                        disagreements.Add($"{name}: {description}: {verdict}");
                    }
                }
            }
        }

        var line = "one-pass vs spec path over mutations: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
        output.WriteLine(line);
        Assert.True(disagreements.Count == 0, line + "\n" + string.Join("\n", disagreements.Take(30)));
        Assert.True(counts.GetValueOrDefault(Verdict.Same) > 1000, "the one-pass path should handle most mutations: " + line);
        Assert.True(counts.GetValueOrDefault(Verdict.BothRefuse) + counts.GetValueOrDefault(Verdict.LeftToSpecPath) > 100, "the mutations should include documents the one-pass path leaves alone: " + line);
    }

    [SharedDataTheory]
    [InlineData("toRdf-manifest.jsonld")]
    [InlineData("expand-manifest.jsonld")]
    public void Agrees_with_the_spec_path_on_the_W3C_inputs(string manifest)
    {
        var counts = new Dictionary<Verdict, int>();
        var disagreements = new List<string>();
        foreach (var entry in JsonLdTestSuite.Entries(manifest))
        {
            var option = entry["option"] as JObject ?? [];
            if ((string?)option["specVersion"] == "json-ld-1.0" || entry["input"] is null)
            {
                continue;
            }

            var inputUrl = JsonLdTestDocumentLoader.BaseIri + (string)entry["input"]!;
            JToken input;
            try
            {
                input = JsonLdTestSuite.Input(inputUrl);
            }
            catch (Exception)
            {
                continue;
            }

            // The suite's own options, but in safe mode (the mode the one-pass path serves) and with i18n direction.
            var options = JsonLdTestSuite.OptionsFor(option, inputUrl) with { SafeMode = true, RdfDirection = "i18n-datatype", ProduceGeneralizedRdf = false, MaxDepth = 64 };
            var verdict = Compare(input, null, options);
            counts[verdict] = counts.GetValueOrDefault(verdict) + 1;
            if (verdict is Verdict.Different or Verdict.AcceptedWhatSpecPathRefuses)
            {
                disagreements.Add($"{entry["@id"]}: {verdict}");
            }
        }

        var line = $"one-pass vs spec path over {manifest}: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));
        output.WriteLine(line);
        Assert.True(disagreements.Count == 0, line + "\n" + string.Join("\n", disagreements));
        Assert.True(counts.GetValueOrDefault(Verdict.Same) >= 50, "the one-pass path should handle the plain W3C inputs: " + line);
    }

    [Fact]
    public void Leaves_documents_outside_its_subset_to_the_spec_path()
    {
        var options = new JsonLdOptions { RdfDirection = "i18n-datatype" };
        var context = new JObject { ["@vocab"] = "https://example.org/" };
        foreach (var body in new[]
        {
            """{ "p": { "@list": [1, 2] } }""",
            """{ "@context": { "l": { "@id": "https://example.org/l", "@container": "@list" } }, "l": [[1], [2]] }""",
            """{ "@context": { "g": { "@id": "https://example.org/g", "@container": "@graph" } }, "g": "a value, not a node" }""",
            """{ "@graph": [ { "p": 1 } ] }""",
            """{ "@reverse": { "p": { "@id": "https://example.org/x" } } }""",
            """{ "p": [[1], [2]] }""",
            """{ "p": { "@value": 1, "@index": "i" } }""",
            """{ "@id": "https://example.org/x" }""",
            """{ }""",
        })
        {
            var document = JObject.Parse(body);
            if (document["@context"] is null)
            {
                document.AddFirst(new JProperty("@context", context));
            }

            Assert.Null(OnePassToRdf.TryConvert(document, null, options, CancellationToken.None));
        }

        var plain = JObject.Parse("""{ "@context": { "@vocab": "https://example.org/" }, "p": [1, "two", true, 2.5], "q": { "r": "s" } }""");
        Assert.NotNull(OnePassToRdf.TryConvert(plain, null, options, CancellationToken.None));
        Assert.Null(OnePassToRdf.TryConvert(plain, null, options with { SafeMode = false }, CancellationToken.None));
    }

    public enum Verdict
    {
        Same,
        LeftToSpecPath,
        BothRefuse,
        Different,
        AcceptedWhatSpecPathRefuses,
    }

    private static Verdict Compare(JToken document, DocumentView? view, JsonLdOptions options)
    {
        List<RdfQuad>? fast;
        try
        {
            fast = OnePassToRdf.TryConvert(document, view, options, CancellationToken.None);
        }
        catch (JsonLdException)
        {
            // It may only give up (null), never throw where the spec path decides.
            return Verdict.Different;
        }

        string? spec;
        try
        {
            var quads = view is null ? JsonLdProcessor.ToRdf(document, options) : JsonLdProcessor.ToRdf(view, options, CancellationToken.None);
            spec = Rdfc10.Canonicalize(quads, Canonicalization).NQuads;
        }
        catch (JsonLdException)
        {
            spec = null;
        }
        catch (CanonicalizationLimitException)
        {
            return Verdict.LeftToSpecPath;
        }

        if (fast is null)
        {
            return spec is null ? Verdict.BothRefuse : Verdict.LeftToSpecPath;
        }

        if (spec is null)
        {
            return Verdict.AcceptedWhatSpecPathRefuses;
        }

        return Rdfc10.Canonicalize(fast, Canonicalization).NQuads == spec ? Verdict.Same : Verdict.Different;
    }
}
