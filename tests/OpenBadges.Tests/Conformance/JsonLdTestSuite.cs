using System.Collections.Frozen;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// Reads the W3C json-ld-api manifests and json-ld-skips.json, and runs one manifest entry. Shared by the
/// expand and toRdf runners: they differ only in how a positive result is compared.
/// </summary>
internal static class JsonLdTestSuite
{
    private static readonly Lazy<FrozenDictionary<string, SkipEntry>> Skips = new(LoadSkips);

    /// <summary>What happened to one test.</summary>
    public enum Status
    {
        Passed,
        Failed,
        Skipped,
        KnownFailure,
    }

    /// <summary>The outcome of one test, with a message for failures and skips.</summary>
    public sealed record Outcome(string Id, Status Status, string Message);

    private sealed record SkipEntry(bool IsKnownFailure, string Reason);

    /// <summary>
    /// Theory data: one row per manifest entry the runners assert (or a single placeholder when the shared data is
    /// absent). Entries listed in json-ld-skips.json are in <see cref="ListedCases"/> instead, so that the test totals
    /// count them as skipped, not passed.
    /// </summary>
    public static IEnumerable<object[]> Cases(string manifest)
    {
        if (SharedData.SharedRoot is null)
        {
            return [["(shared data missing)"]];
        }

        return Entries(manifest)
            .Select(e => (string)e["@id"]!)
            .Where(id => !Skips.Value.ContainsKey(SkipKey(manifest, id)))
            .Select(id => new object[] { id });
    }

    /// <summary>
    /// Theory data for the entries json-ld-skips.json lists (skipped, or run as known failures and not asserted): the
    /// id and the listed reason, for a theory whose data attribute is marked Skip. <see cref="Summary"/> still runs
    /// the known failures and reports them.
    /// </summary>
    public static IEnumerable<object[]> ListedCases(string manifest)
    {
        if (SharedData.SharedRoot is null)
        {
            return [["(shared data missing)", string.Empty]];
        }

        return Entries(manifest)
            .Select(e => (string)e["@id"]!)
            .Where(id => Skips.Value.ContainsKey(SkipKey(manifest, id)))
            .Select(id => new object[] { id, Skips.Value[SkipKey(manifest, id)].Reason });
    }

    /// <summary>The Skip text of the data attribute that holds <see cref="ListedCases"/>.</summary>
    public const string ListedSkip = "listed in tests/OpenBadges.Tests/Conformance/json-ld-skips.json (reason in the test's arguments)";

    public static IEnumerable<JObject> Entries(string manifest) =>
        ((JArray)JsonLdTestDocumentLoader.Instance.Parse(JsonLdTestDocumentLoader.BaseIri + manifest)["sequence"]!).Cast<JObject>();

    /// <summary>The key a test has in json-ld-skips.json: manifest name without "-manifest.jsonld", then its id.</summary>
    public static string SkipKey(string manifest, string id) => manifest.Replace("-manifest.jsonld", string.Empty, StringComparison.Ordinal) + id;

    /// <summary>Runs every entry of <paramref name="manifest"/> through <paramref name="runOne"/>.</summary>
    public static IReadOnlyList<Outcome> RunAll(string manifest, Func<string, Outcome> runOne) =>
        Entries(manifest).Select(entry => runOne((string)entry["@id"]!)).ToList();

    /// <summary>Writes one outcome to the test output and fails the test on a failure.</summary>
    public static void Report(Outcome outcome, Xunit.Abstractions.ITestOutputHelper output)
    {
        output.WriteLine($"{outcome.Status} {outcome.Id}: {outcome.Message}");
        Assert.True(outcome.Status != Status.Failed, outcome.Message);
    }

    /// <summary>Runs the entry <paramref name="id"/> of <paramref name="manifest"/>.</summary>
    public static Outcome Run(string manifest, string id, Func<JObject, JsonLdOptions, string, string?> runPositive, Func<JObject, JsonLdOptions, string, Exception?> runForError)
    {
        var entry = Entries(manifest).Single(e => (string)e["@id"]! == id);
        var key = SkipKey(manifest, id);
        var skip = Skips.Value.GetValueOrDefault(key);
        if (skip is { IsKnownFailure: false })
        {
            return new Outcome(key, Status.Skipped, skip.Reason);
        }

        var option = entry["option"] as JObject ?? [];
        if ((string?)option["specVersion"] == "json-ld-1.0")
        {
            return new Outcome(key, Status.Failed, "json-ld-1.0-only test: list it under 'skip' in json-ld-skips.json");
        }

        var inputUrl = JsonLdTestDocumentLoader.BaseIri + (string)entry["input"]!;
        var options = OptionsFor(option, inputUrl);
        var types = entry["@type"]!.Select(t => (string)t!).ToArray();
        string? failure;
        try
        {
            if (types.Contains("jld:NegativeEvaluationTest"))
            {
                var expectedCode = (string)entry["expectErrorCode"]!;
                var error = runForError(entry, options, inputUrl);
                failure = error switch
                {
                    null => $"expected error '{expectedCode}' but processing succeeded",
                    JsonLdException e when e.Code == expectedCode => null,
                    JsonLdException e => $"expected error '{expectedCode}' but got '{e.Code}': {e.Message}",
                    _ => $"expected error '{expectedCode}' but got {error.GetType().Name}: {error.Message}",
                };
            }
            else
            {
                failure = runPositive(entry, options, inputUrl);
            }
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {(e is JsonLdException j ? "[" + j.Code + "] " : string.Empty)}{e.Message}";
        }

        if (failure is null)
        {
            return new Outcome(key, Status.Passed, skip is null ? string.Empty : "passes although listed as a known failure: " + skip.Reason);
        }

        return skip is { IsKnownFailure: true }
            ? new Outcome(key, Status.KnownFailure, skip.Reason + " — " + failure)
            : new Outcome(key, Status.Failed, failure);
    }

    /// <summary>The processor options a manifest entry asks for. Safe mode is off: the suite tests the plain algorithms.</summary>
    public static JsonLdOptions OptionsFor(JObject option, string inputUrl)
    {
        JToken? expandContext = null;
        if ((string?)option["expandContext"] is { } contextFile)
        {
            expandContext = JsonLdTestDocumentLoader.Instance.Parse(JsonLdTestDocumentLoader.BaseIri + contextFile);
        }

        return new JsonLdOptions
        {
            Base = (string?)option["base"] ?? inputUrl,
            ExpandContext = expandContext,
            DocumentLoader = JsonLdTestDocumentLoader.Instance,
            ProcessingMode = (string?)option["processingMode"] ?? "json-ld-1.1",
            SafeMode = false,
            RdfDirection = (string?)option["rdfDirection"],
            ProduceGeneralizedRdf = (bool?)option["produceGeneralizedRdf"] ?? false,
            MaxDepth = 256,
        };
    }

    /// <summary>Loads a test input (through the test loader, like a remote document).</summary>
    public static JToken Input(string inputUrl) => JsonLdTestDocumentLoader.Instance.Load(inputUrl).Document;

    /// <summary>Prints and returns the summary line, e.g. <c>expand: 380 passed, 0 failed, 5 skipped</c>.</summary>
    public static string Summary(string name, IReadOnlyCollection<Outcome> outcomes, ITestOutputHelper output)
    {
        var passed = outcomes.Count(o => o.Status == Status.Passed);
        var failed = outcomes.Count(o => o.Status == Status.Failed);
        var known = outcomes.Count(o => o.Status == Status.KnownFailure);
        var skipped = outcomes.Count(o => o.Status == Status.Skipped);
        var line = $"{name}: {passed} passed, {failed + known} failed, {skipped} skipped" + (known > 0 ? $" ({known} of the failures are known, see json-ld-skips.json)" : string.Empty);
        foreach (var outcome in outcomes.Where(o => o.Status != Status.Passed || o.Message.Length > 0))
        {
            output.WriteLine($"  {outcome.Status} {outcome.Id}: {outcome.Message}");
        }

        output.WriteLine(line);
        Console.WriteLine(line);
        return line;
    }

    private static FrozenDictionary<string, SkipEntry> LoadSkips()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "OpenBadges.Tests", "Conformance", "json-ld-skips.json");
        var document = JsonInput.ParseFile(path);
        var result = new Dictionary<string, SkipEntry>(StringComparer.Ordinal);
        foreach (var property in ((JObject)document["skip"]!).Properties())
        {
            result[property.Name] = new SkipEntry(false, (string)property.Value!);
        }

        foreach (var property in ((JObject)document["knownFailures"]!).Properties())
        {
            result[property.Name] = new SkipEntry(true, (string)property.Value!);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
