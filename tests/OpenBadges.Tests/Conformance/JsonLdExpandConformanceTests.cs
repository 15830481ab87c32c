using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>The W3C JSON-LD 1.1 expansion tests (expand-manifest.jsonld), one theory case per entry.</summary>
public sealed class JsonLdExpandConformanceTests(ITestOutputHelper output)
{
    private const string Manifest = "expand-manifest.jsonld";

    public static IEnumerable<object[]> Cases() => JsonLdTestSuite.Cases(Manifest);

    public static IEnumerable<object[]> ListedCases() => JsonLdTestSuite.ListedCases(Manifest);

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void Expand(string id)
    {
        JsonLdTestSuite.Report(RunOne(id), output);
    }

    // Never runs: each row shows in the totals as skipped, with its reason. (Summary still runs the known failures.)
    [SharedDataTheory]
    [MemberData(nameof(ListedCases), Skip = JsonLdTestSuite.ListedSkip)]
    public void ExpandListed(string id, string reason)
    {
        Assert.Fail($"{id} is listed in json-ld-skips.json ({reason}) and must not run here");
    }

    [SharedDataFact]
    public void Summary()
    {
        var outcomes = JsonLdTestSuite.RunAll(Manifest, RunOne);

        JsonLdTestSuite.Summary("expand", outcomes, output);
        var run = outcomes.Count(o => o.Status != JsonLdTestSuite.Status.Skipped);
        var passed = outcomes.Count(o => o.Status == JsonLdTestSuite.Status.Passed);
        Assert.True(passed >= 0.97 * outcomes.Count, $"only {passed} of {outcomes.Count} expand tests pass ({run} run)");
    }

    private static JsonLdTestSuite.Outcome RunOne(string id) => JsonLdTestSuite.Run(
        Manifest,
        id,
        (entry, options, inputUrl) =>
        {
            var actual = JsonLdProcessor.Expand(JsonLdTestSuite.Input(inputUrl), options, inputUrl, null, default);
            var expected = JsonLdTestDocumentLoader.Instance.Parse(JsonLdTestDocumentLoader.BaseIri + (string)entry["expect"]!);
            return JsonLdComparer.Equivalent(expected, actual)
                ? null
                : $"expected {expected.ToString(Newtonsoft.Json.Formatting.None)}\n  actual {actual.ToString(Newtonsoft.Json.Formatting.None)}";
        },
        (entry, options, inputUrl) =>
        {
            try
            {
                JsonLdProcessor.Expand(JsonLdTestSuite.Input(inputUrl), options, inputUrl, null, default);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
}
