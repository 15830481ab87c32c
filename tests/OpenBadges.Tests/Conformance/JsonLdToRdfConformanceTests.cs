using Newtonsoft.Json.Linq;
using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;
using OpenBadges.Rdf;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The W3C JSON-LD 1.1 toRdf tests (toRdf-manifest.jsonld), one theory case per entry. Datasets are compared
/// up to blank node renaming: both sides are canonicalized with RDFC-1.0 and the N-Quads texts compared.
/// </summary>
public sealed class JsonLdToRdfConformanceTests(ITestOutputHelper output)
{
    private const string Manifest = "toRdf-manifest.jsonld";

    public static IEnumerable<object[]> Cases() => JsonLdTestSuite.Cases(Manifest);

    public static IEnumerable<object[]> ListedCases() => JsonLdTestSuite.ListedCases(Manifest);

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void ToRdf(string id)
    {
        JsonLdTestSuite.Report(RunOne(id), output);
    }

    // Never runs: each row shows in the totals as skipped, with its reason. (Summary still runs the known failures.)
    [SharedDataTheory]
    [MemberData(nameof(ListedCases), Skip = JsonLdTestSuite.ListedSkip)]
    public void ToRdfListed(string id, string reason)
    {
        Assert.Fail($"{id} is listed in json-ld-skips.json ({reason}) and must not run here");
    }

    [SharedDataFact]
    public void Summary()
    {
        var outcomes = JsonLdTestSuite.RunAll(Manifest, RunOne);

        JsonLdTestSuite.Summary("toRdf", outcomes, output);
        var passed = outcomes.Count(o => o.Status == JsonLdTestSuite.Status.Passed);
        Assert.True(passed >= 0.97 * outcomes.Count, $"only {passed} of {outcomes.Count} toRdf tests pass");
    }

    // A few suite datasets are highly symmetric (toRdf#te027, #te062): allow RDFC-1.0 more work than the
    // signing default, which is tuned to refuse poison graphs.
    private static readonly Rdfc10Options CanonicalizationOptions = new() { MaxWorkFactor = 3 };

    // RDFC-1.0 and N-Quads are defined for RDF only, so generalized RDF (blank node predicates) is compared
    // here by brute force: try every mapping of blank node labels (the suite's generalized datasets are tiny).
    private static string? CompareGeneralized(string expectedText, IReadOnlyList<RdfQuad> actual)
    {
        var expected = expectedText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var actualLines = actual.Select(q => string.Join(' ', new[] { q.Subject, q.Predicate, q.Object, q.Graph }.Select(Format).Where(t => t.Length > 0)) + " .").ToList();
        var expectedLabels = Labels(expected);
        var actualLabels = Labels(actualLines);
        if (expected.Count != actualLines.Count || expectedLabels.Count != actualLabels.Count)
        {
            return $"expected\n{string.Join('\n', expected)}\n  actual\n{string.Join('\n', actualLines)}";
        }

        var expectedSet = expected.Order(StringComparer.Ordinal).ToList();
        foreach (var permutation in Permutations(expectedLabels))
        {
            var map = actualLabels.Zip(permutation).ToDictionary(p => p.First, p => p.Second);
            var renamed = actualLines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"_:[A-Za-z0-9]+", m => map[m.Value])).Order(StringComparer.Ordinal).ToList();
            if (renamed.SequenceEqual(expectedSet))
            {
                return null;
            }
        }

        return $"expected\n{string.Join('\n', expected)}\n  actual\n{string.Join('\n', actualLines)}";
    }

    // The suite's files write xsd:string literals without a datatype.
    private static string Format(RdfTerm term) =>
        term.IsLiteral && term.Datatype == RdfVocabulary.XsdString ? "\"" + term.Value + "\"" : term.ToString();

    private static List<string> Labels(IEnumerable<string> lines) =>
        lines.SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, @"_:[A-Za-z0-9]+").Select(m => m.Value)).Distinct().ToList();

    private static IEnumerable<List<string>> Permutations(List<string> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private static JsonLdTestSuite.Outcome RunOne(string id) => JsonLdTestSuite.Run(
        Manifest,
        id,
        (entry, options, inputUrl) =>
        {
            var actual = JsonLdProcessor.ToRdf(JsonLdTestSuite.Input(inputUrl), options, inputUrl, default);
            if (entry["@type"]!.Any(t => (string?)t == "jld:PositiveSyntaxTest"))
            {
                return null;
            }

            var expectedPath = JsonLdTestDocumentLoader.LocalPath(JsonLdTestDocumentLoader.BaseIri + (string)entry["expect"]!)!;
            var expectedText = File.ReadAllText(expectedPath);
            if (options.ProduceGeneralizedRdf)
            {
                return CompareGeneralized(expectedText, actual);
            }

            var expected = NQuads.Parse(expectedText);
            var expectedCanonical = Rdfc10.Canonicalize(expected, CanonicalizationOptions).NQuads;
            var actualCanonical = Rdfc10.Canonicalize(actual, CanonicalizationOptions).NQuads;
            return expectedCanonical == actualCanonical
                ? null
                : $"expected (canonical)\n{expectedCanonical}\n  actual (canonical)\n{actualCanonical}\n  actual (as produced)\n{NQuads.Serialize(actual)}";
        },
        (entry, options, inputUrl) =>
        {
            try
            {
                JsonLdProcessor.ToRdf(JsonLdTestSuite.Input(inputUrl), options, inputUrl, default);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
}
