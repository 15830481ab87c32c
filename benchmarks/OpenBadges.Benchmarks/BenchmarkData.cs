using Newtonsoft.Json.Linq;
using OpenBadges.Json;

namespace OpenBadges.Benchmarks;

/// <summary>The fixtures: ../shared/conformance/reference-stack, found from the repository root, and a large credential made from it.</summary>
internal static class BenchmarkData
{
    /// <summary>The reference-stack key (RFC 8032 test 1 seed); its did:key is the fixture's issuer.</summary>
    public const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    /// <summary>The small credential (about 3 KB, 74 canonical quads).</summary>
    public const string SmallFixture = "ob3-microcredential.unsigned.json";

    /// <summary>The created time every benchmark proof carries.</summary>
    public static readonly DateTimeOffset Created = new(2024, 9, 1, 0, 0, 0, TimeSpan.Zero);

    public static string RepositoryRoot()
    {
        // From the binaries (the usual case), else from the working directory (a build copied elsewhere).
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OpenBadges.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (OpenBadges.sln not found).");
    }

    public static string ReferenceStack(string file)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "conformance", "reference-stack", file));
        return File.Exists(path) ? path : throw new FileNotFoundException("The benchmark fixture is missing: ../shared/conformance must sit beside the repository.", path);
    }

    public static JObject ReadObject(string file) => JsonInput.ParseObject(File.ReadAllText(ReferenceStack(file)));

    /// <summary>The reference-stack credential.</summary>
    public static JObject Small() => ReadObject(SmallFixture);

    /// <summary>
    /// The large credential, made deterministically from the small one: 50 alignments (the fixture's three,
    /// cycled, each made distinct by its index) and 20 results (the fixture's two, cycled, distinct values).
    /// </summary>
    public static JObject Large() => Enlarge(Small(), alignments: 50, results: 20);

    public static JObject Enlarge(JObject small, int alignments, int results)
    {
        var large = (JObject)small.DeepClone();
        var achievement = (JObject)large["credentialSubject"]!["achievement"]!;
        var templates = ((JArray)achievement["alignment"]!).Cast<JObject>().ToList();
        var alignment = new JArray();
        for (var i = 0; i < alignments; i++)
        {
            var item = (JObject)templates[i % templates.Count].DeepClone();
            item["targetName"] = $"{item["targetName"]} ({i + 1})";
            item["targetCode"] = $"{item["targetCode"]}-{i + 1}";
            item["targetUrl"] = $"{item["targetUrl"]}/{i + 1}";
            alignment.Add(item);
        }

        achievement["alignment"] = alignment;
        var subject = (JObject)large["credentialSubject"]!;
        var resultTemplates = ((JArray)subject["result"]!).Cast<JObject>().ToList();
        var result = new JArray();
        for (var i = 0; i < results; i++)
        {
            var item = (JObject)resultTemplates[i % resultTemplates.Count].DeepClone();
            item["value"] = $"{item["value"]}.{i + 1}";
            result.Add(item);
        }

        subject["result"] = result;
        return large;
    }

    /// <summary>
    /// <paramref name="count"/> distinct credentials for batch signing: the small one with its id and subject id
    /// numbered (distinct canonical forms, the same shape).
    /// </summary>
    public static JObject[] Batch(int count)
    {
        var small = Small();
        var batch = new JObject[count];
        for (var i = 0; i < count; i++)
        {
            var credential = (JObject)small.DeepClone();
            credential["id"] = $"urn:uuid:8f0b4c2e-6d1a-4e8b-9a57-{i:D12}";
            credential["credentialSubject"]!["id"] = $"did:example:learner:{i:D6}";
            batch[i] = credential;
        }

        return batch;
    }
}
