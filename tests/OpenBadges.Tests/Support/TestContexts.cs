using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;

namespace OpenBadges.Tests.Support;

/// <summary>
/// Document loaders for tests: the embedded contexts plus the contexts only test vectors use
/// (VC examples v2, citizenship v4rc1, CLR 2.0), read from ../shared.
/// </summary>
public static class TestContexts
{
    private static readonly Lazy<EmbeddedDocumentLoader> VectorLoader = new(() => EmbeddedDocumentLoader.Default
        .With("https://www.w3.org/ns/credentials/examples/v2", Read(SharedData.Contexts("credentials-examples-v2.jsonld")))
        .With("https://w3id.org/citizenship/v4rc1", Read(SharedData.Contexts("citizenship-v4rc1.jsonld")))
        .With("https://purl.imsglobal.org/spec/clr/v2p0/context.json", Read(SharedData.Conformance("ob3/contexts/clr-v2p0-context.json")))
        .With("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", Read(SharedData.Conformance("ob3/contexts/clr-v2p0-context-2.0.1.json"))));

    /// <summary>Embedded contexts plus the test-vector-only contexts.</summary>
    public static IDocumentLoader Loader => VectorLoader.Value;

    /// <summary>Safe-mode JSON-LD options over <see cref="Loader"/>.</summary>
    public static JsonLdOptions Options => new() { DocumentLoader = Loader };

    /// <summary>Reads a JSON file from disk the way the library reads input (no date sniffing).</summary>
    public static JToken Read(string path) => OpenBadges.Json.JsonInput.Parse(File.ReadAllText(path));

    /// <summary>Reads a JSON object file.</summary>
    public static JObject ReadObject(string path) => (JObject)Read(path);
}
