using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// Resolves did:web verification methods (<c>did:web:example.edu#key-1</c>) by fetching the DID document with
/// the <see cref="HttpClient"/> the caller passes in: this package never opens a connection on its own.
/// The document's <c>id</c> must be the DID and the method's <c>controller</c> must be the DID.
/// Redirect, proxy and address policy belong to the client's handler: <see cref="OutboundHttp.CreateClient"/> makes one that refuses non-public destinations.
/// </summary>
public sealed class DidWebResolver : IKeyResolver
{
    private readonly HttpClient _httpClient;

    /// <summary>Creates a resolver fetching through <paramref name="httpClient"/>.</summary>
    public DidWebResolver(HttpClient httpClient, DidWebResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        Options = options ?? DidWebResolverOptions.Default;
        if (Options.MaxDocumentBytes <= 0)
        {
            throw KeyErrors.MaxDocumentBytesNotPositive(nameof(options), Options.MaxDocumentBytes);
        }
    }

    /// <summary>The limits in force.</summary>
    public DidWebResolverOptions Options { get; }

    /// <inheritdoc />
    public async ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
    {
        if (verificationMethodId is null || !verificationMethodId.StartsWith(DidWeb.Prefix, StringComparison.Ordinal))
        {
            return KeyResolution.NotSupported(verificationMethodId ?? string.Empty, "not a did:web URL");
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0 || hash == verificationMethodId.Length - 1)
        {
            return KeyResolution.NotFound(verificationMethodId, "a did:web verification method id needs a fragment naming the method (did:web:…#key-1)");
        }

        var did = verificationMethodId[..hash];
        if (!DidWeb.TryGetDocumentUrl(did, out var url, out var error, Options.AllowHttpForLoopback))
        {
            return KeyResolution.NotFound(verificationMethodId, error);
        }

        var (text, fetchError) = await BoundedHttp.GetTextAsync(_httpClient, url, Options.MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return KeyResolution.Failed(verificationMethodId, fetchError ?? "the DID document could not be fetched");
        }

        var parseFailure = ControllerDocuments.TryParse(text, verificationMethodId, url.ToString(), out var document);
        return parseFailure ?? ControllerDocuments.FindVerificationMethod(document!, did, verificationMethodId);
    }
}
