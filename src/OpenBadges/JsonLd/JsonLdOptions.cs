using Newtonsoft.Json.Linq;

namespace OpenBadges.JsonLd;

/// <summary>Options for <see cref="JsonLdProcessor"/>. The defaults are the ones signing and verifying need.</summary>
public sealed record JsonLdOptions
{
    /// <summary>The options every signer and verifier of this package uses: safe mode on, embedded contexts only.</summary>
    public static JsonLdOptions Default { get; } = new();

    /// <summary>The base IRI of the document; relative IRIs are resolved against it. Null: none (they stay relative).</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own (a context map, a URL, an array, or an object with <c>@context</c>).</summary>
    public JToken? ExpandContext { get; init; }

    /// <summary>Loads remote contexts. The default serves only the embedded contexts and never uses the network.</summary>
    public IDocumentLoader DocumentLoader { get; init; } = EmbeddedDocumentLoader.Default;

    /// <summary><c>json-ld-1.1</c> (default) or <c>json-ld-1.0</c>.</summary>
    public string ProcessingMode { get; init; } = "json-ld-1.1";

    /// <summary>
    /// Safe mode (default on): the first <see cref="JsonLdEvent"/> — any silent data loss or ambiguity, such as
    /// a property no context defines — throws <see cref="JsonLdSafeModeException"/> instead of being ignored.
    /// A signature over data that processing silently dropped would not protect that data.
    /// </summary>
    public bool SafeMode { get; init; } = true;

    /// <summary>Called for every event, before safe mode throws; use it to log or collect them with safe mode off.</summary>
    public Action<JsonLdEvent>? OnEvent { get; init; }

    /// <summary>toRdf: how to represent <c>@direction</c>: null (dropped), <c>i18n-datatype</c> or <c>compound-literal</c>.</summary>
    public string? RdfDirection { get; init; }

    /// <summary>toRdf: keep triples whose predicate is a blank node (generalized RDF).</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>Deepest nesting of objects and arrays processed (default 64); deeper input is rejected.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most remote contexts (and <c>@import</c>s) one document may dereference (default 32).</summary>
    public int MaxRemoteContexts { get; init; } = 32;
}
