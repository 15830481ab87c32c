using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The verifier converts a secured credential to RDF once: the JSON-LD check's dataset, less the statements the
/// one-pass walk wrote for the top-level <c>proof</c>, is what the proof step hashes. That must be, for every document,
/// the dataset of the document without its proof as the spec path gives it, or a forged credential could verify.
/// </summary>
public sealed class SecuredDatasetDifferentialTests(ITestOutputHelper output)
{
    private static readonly Rdfc10Options Canonicalization = new() { MaxWorkFactor = 3 };

    private static readonly JObject Proof = new()
    {
        ["type"] = "DataIntegrityProof",
        ["cryptosuite"] = "eddsa-rdfc-2022",
        ["created"] = "2024-01-01T00:00:00Z",
        ["verificationMethod"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        ["proofPurpose"] = "assertionMethod",
        ["proofValue"] = "z1",
    };

    [SharedDataFact]
    public void The_statements_without_the_proof_are_the_unsecured_documents_dataset_for_every_corpus_credential_and_mutation()
    {
        var options = TestContexts.Options with { RdfDirection = "i18n-datatype" };
        var compared = 0;
        var differences = new List<string>();
        var convertedTwice = new List<string>();
        foreach (var (name, credential) in InteropCorpus.All())
        {
            foreach (var (where, secured) in Placements(credential))
            {
                if (Unsecured(secured, options) is null)
                {
                    convertedTwice.Add($"{name} ({where})");
                }

                foreach (var (description, mutated) in TamperCorpusTests.Mutations(secured).Prepend(("as signed", secured)))
                {
                    if (Compare(mutated, options) is { } difference)
                    {
                        differences.Add($"{name} ({where}): {description}: {difference}");
                    }

                    compared++;
                }
            }
        }

        Assert.True(compared > 1000, $"only {compared} documents compared");
        output.WriteLine($"{compared} documents compared; converted twice (outside the one-pass subset): {string.Join(", ", convertedTwice)}");

        // Plain credentials must take the once-only path, or the reuse would never happen.
        Assert.True(convertedTwice.Count * 2 < InteropCorpus.All().Count() * 3, "converted twice: " + string.Join(", ", convertedTwice));
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
    }

    [SharedDataFact]
    public void A_proof_set_is_set_aside_whole_and_a_proof_that_states_nothing_is_not_reused()
    {
        var options = TestContexts.Options with { RdfDirection = "i18n-datatype" };
        var credential = TestContexts.ReadObject(SharedData.Conformance("reference-stack/ob3-microcredential.unsigned.json"));
        credential["proof"] = new JArray(Proof.DeepClone(), Proof.DeepClone());
        Assert.Null(Compare(credential, options));
        var dataset = JsonLdProcessor.ToSecuredDataset(credential, options, CancellationToken.None);
        Assert.NotNull(dataset.Unsecured);
        Assert.True(dataset.Unsecured!.Count < dataset.Quads.Count);

        credential["proof"] = JValue.CreateNull();
        Assert.Null(JsonLdProcessor.ToSecuredDataset(credential, options, CancellationToken.None).Unsecured);
    }

    private static IReadOnlyList<OpenBadges.Rdf.RdfQuad>? Unsecured(JObject secured, JsonLdOptions options)
    {
        try
        {
            return JsonLdProcessor.ToSecuredDataset(secured, options, CancellationToken.None).Unsecured;
        }
        catch (Exception e) when (e is JsonLdException or JsonLdSafeModeException)
        {
            return null;
        }
    }

    /// <summary>The credential with the proof as its first, middle and last member: the walk must find it anywhere.</summary>
    private static IEnumerable<(string Where, JObject Secured)> Placements(JObject credential)
    {
        var names = credential.Properties().Select(p => p.Name).ToList();
        foreach (var (where, index) in new[] { ("proof first", 0), ("proof in the middle", names.Count / 2), ("proof last", names.Count) })
        {
            var secured = new JObject();
            for (var i = 0; i <= names.Count; i++)
            {
                if (i == index)
                {
                    secured["proof"] = Proof.DeepClone();
                }

                if (i < names.Count)
                {
                    secured[names[i]] = credential[names[i]]!.DeepClone();
                }
            }

            yield return (where, secured);
        }
    }

    /// <summary>Null when the statements set aside leave exactly the spec path's dataset of the document without its proof; else what differs.</summary>
    private static string? Compare(JObject secured, JsonLdOptions options)
    {
        SecuredDataset dataset;
        try
        {
            dataset = JsonLdProcessor.ToSecuredDataset(secured, options, CancellationToken.None);
        }
        catch (Exception e) when (e is JsonLdException or JsonLdSafeModeException or CanonicalizationLimitException)
        {
            // Refused whole: the verifier's JSON-LD check reports it, and the proof step converts on its own.
            return null;
        }

        if (dataset.Unsecured is null)
        {
            return null;
        }

        string expected;
        try
        {
            expected = Rdfc10.Canonicalize(JsonLdProcessor.ToRdf(new DocumentView(secured, "proof", null), options, CancellationToken.None), Canonicalization).NQuads;
        }
        catch (Exception e) when (e is JsonLdException or JsonLdSafeModeException)
        {
            return "the spec path refuses the unsecured document: " + e.Message;
        }
        catch (CanonicalizationLimitException)
        {
            return null;
        }

        var actual = Rdfc10.Canonicalize(dataset.Unsecured, Canonicalization).NQuads;
        return actual == expected ? null : $"{dataset.Unsecured.Count} statements set apart from the proof, the spec path's unsecured document has {expected.Count(c => c == '\n')}";
    }
}
