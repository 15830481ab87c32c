using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.JsonLd;
using OpenBadges.Keys;

namespace OpenBadges.Verification;

/// <summary>
/// Answers, offline, everything a verifier would otherwise fetch — status list credentials, revocation lists, did:web
/// DID documents, controller documents of https verification methods, extra JSON-LD contexts — from a folder:
/// <c>DIR/index.json</c> is one JSON object mapping each URL (or did:web DID) to a file path relative to DIR. Nothing else
/// is fetched: a URL not in the index fails as a 404 would, and the dependent check is CouldNotCheck.
/// <para>
/// So a CI job verifies the credentials of its own LMS — revocation included — without the network
/// (<c>openbadges verify --resources DIR</c>). Immutable and thread-safe once loaded.
/// </para>
/// </summary>
public sealed class OfflineResources
{
    /// <summary>The file that lists the resources, in the folder.</summary>
    public const string IndexFileName = "index.json";

    /// <summary>Most entries an index may list (a larger one is refused as misuse).</summary>
    public const int MaxEntries = 10_000;

    private readonly IReadOnlyDictionary<string, string> _documents;

    private OfflineResources(IReadOnlyDictionary<string, string> documents, IDocumentLoader loader)
    {
        _documents = documents;
        DocumentLoader = loader;
        Fetcher = FetchAsync;
        KeyResolver = new CompositeKeyResolver(new DidKeyResolver(), new IndexedDidWebResolver(this), new ControllerDocumentResolver(FetchAsync));
    }

    /// <summary>Every URL and DID the index answers for.</summary>
    public IReadOnlyCollection<string> Keys => (IReadOnlyCollection<string>)_documents.Keys;

    /// <summary>A <see cref="CredentialVerifierOptions.Fetcher"/> that answers only from the index (anything else throws, reported as unreachable).</summary>
    public Func<Uri, CancellationToken, Task<string>> Fetcher { get; }

    /// <summary>The embedded contexts, and the context documents of the index.</summary>
    public IDocumentLoader DocumentLoader { get; }

    /// <summary>did:key; did:web DID documents and https controller documents from the index.</summary>
    public IKeyResolver KeyResolver { get; }

    /// <summary>Loads <paramref name="directory"/>/index.json and every file it names (each within <paramref name="limits"/>' input size).</summary>
    /// <exception cref="ArgumentException">The index is missing, not a JSON object of strings, or names a file outside the folder.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static OfflineResources Load(string directory, JsonLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        limits ??= JsonLimits.Default;
        var root = Path.GetFullPath(directory);
        var indexPath = Path.Combine(root, IndexFileName);
        if (!File.Exists(indexPath))
        {
            throw VerificationErrors.NoResourceIndex(directory, IndexFileName, nameof(directory));
        }

        JToken index;
        try
        {
            index = JsonInput.Parse(File.ReadAllText(indexPath), limits);
        }
        catch (JsonInputException e)
        {
            throw VerificationErrors.ResourceIndexNotJson(indexPath, e.Message, nameof(directory), e);
        }

        if (index is not JObject entries || entries.Count > MaxEntries)
        {
            throw VerificationErrors.ResourceIndexNotAnObject(indexPath, MaxEntries, nameof(directory));
        }

        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var loader = EmbeddedDocumentLoader.Default;
        foreach (var entry in entries.Properties())
        {
            if (entry.Value is not JValue { Type: JTokenType.String } relative || string.IsNullOrWhiteSpace((string?)relative))
            {
                throw VerificationErrors.ResourceEntryNotAPath(indexPath, entry.Name, nameof(directory));
            }

            if (!(entry.Name.StartsWith("did:web:", StringComparison.Ordinal) || (Uri.TryCreate(entry.Name, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
            {
                throw VerificationErrors.ResourceEntryNotUrlOrDid(indexPath, entry.Name, nameof(directory));
            }

            // A path that leaves the folder (../, an absolute path) would let an index read any file on the machine.
            var full = Path.GetFullPath(Path.Combine(root, (string)relative!));
            if (Path.IsPathRooted((string)relative!) || !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw VerificationErrors.ResourcePathOutside(indexPath, relative, entry.Name, nameof(directory));
            }

            if (new FileInfo(full) is { Exists: true } file && file.Length > limits.MaxInputLength)
            {
                throw VerificationErrors.ResourceFileTooLarge(indexPath, relative, file.Length, limits.MaxInputLength, nameof(directory));
            }

            var text = File.ReadAllText(full);
            documents[entry.Name] = text;
            if (IsContextDocument(text, limits) is { } context)
            {
                loader = loader.With(entry.Name, context);
            }
        }

        return new OfflineResources(documents, loader);
    }

    /// <summary>Fills the fetcher, document loader and key resolver of <paramref name="options"/> from the index.</summary>
    public CredentialVerifierOptions ApplyTo(CredentialVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Fetcher = Fetcher, DocumentLoader = DocumentLoader, KeyResolver = KeyResolver };
    }

    /// <summary>The text the index holds for <paramref name="key"/> (a URL or did:web DID), or null.</summary>
    public string? Find(string key) => key is not null && _documents.TryGetValue(key, out var text) ? text : null;

    private Task<string> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = Find(uri.OriginalString) ?? Find(uri.AbsoluteUri);
        return text is not null
            ? Task.FromResult(text)
            : Task.FromException<string>(VerificationErrors.NotInResourceIndex(uri));
    }

    private static JToken? IsContextDocument(string text, JsonLimits limits)
    {
        try
        {
            return JsonInput.Parse(text, limits) is JObject { Count: 1 } document && document["@context"] is JObject ? document : null;
        }
        catch (JsonInputException)
        {
            return null;
        }
    }

    /// <summary>did:web verification methods whose DID document the index holds (by DID, or by its document URL).</summary>
    private sealed class IndexedDidWebResolver(OfflineResources resources) : IKeyResolver
    {
        public ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (verificationMethodId is null || !verificationMethodId.StartsWith(DidWeb.Prefix, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(KeyResolution.NotSupported(verificationMethodId ?? string.Empty, "not a did:web URL"));
            }

            var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
            var did = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
            if (!DidWeb.TryGetDocumentUrl(did, out var url, out var error))
            {
                return ValueTask.FromResult(KeyResolution.NotFound(verificationMethodId, error));
            }

            var text = resources.Find(did) ?? resources.Find(url.AbsoluteUri);
            if (text is null)
            {
                return ValueTask.FromResult(KeyResolution.Failed(verificationMethodId, $"the DID document of {did} is not in the offline resource index"));
            }

            var parseFailure = ControllerDocuments.TryParse(text, verificationMethodId, url.ToString(), out var document);
            return ValueTask.FromResult(parseFailure ?? ControllerDocuments.FindVerificationMethod(document!, did, verificationMethodId));
        }
    }
}
