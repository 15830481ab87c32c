using OpenBadges.Internal;

namespace OpenBadges.Keys;

/// <summary>
/// Resolves verification methods published in an HTTPS controller document (W3C Controlled Identifiers):
/// for <c>https://example.edu/issuers/565049#key-1</c> the document at <c>https://example.edu/issuers/565049</c>
/// is fetched through the delegate the caller supplies, its <c>id</c> must be that URL, and the method with that
/// id (absolute or <c>#key-1</c>) is read. The delegate decides how (and whether) to reach the network, and can
/// serve pinned documents from a cache.
/// </summary>
public sealed class ControllerDocumentResolver : IKeyResolver
{
    private readonly Func<Uri, CancellationToken, Task<string>> _fetchDocument;

    /// <summary>Creates a resolver fetching documents with <paramref name="fetchDocument"/>.</summary>
    /// <param name="fetchDocument">Returns the document text at a URL; may throw on failure (reported, not propagated).</param>
    /// <param name="options">Size limit and loopback switch.</param>
    public ControllerDocumentResolver(Func<Uri, CancellationToken, Task<string>> fetchDocument, DidWebResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fetchDocument);
        _fetchDocument = fetchDocument;
        Options = options ?? DidWebResolverOptions.Default;
        if (Options.MaxDocumentBytes <= 0)
        {
            throw KeyErrors.MaxDocumentBytesNotPositive(nameof(options), Options.MaxDocumentBytes);
        }
    }

    /// <summary>Creates a resolver fetching documents with <paramref name="httpClient"/> under the size limit.</summary>
    public ControllerDocumentResolver(HttpClient httpClient, DidWebResolverOptions? options = null)
        : this(FetchWith(httpClient, options ?? DidWebResolverOptions.Default), options)
    {
    }

    /// <summary>The limits in force.</summary>
    public DidWebResolverOptions Options { get; }

    /// <inheritdoc />
    public async ValueTask<KeyResolution> ResolveVerificationMethodAsync(string verificationMethodId, CancellationToken cancellationToken = default)
    {
        if (verificationMethodId is null
            || !Uri.TryCreate(verificationMethodId, UriKind.Absolute, out var methodUrl)
            || (methodUrl.Scheme != Uri.UriSchemeHttps && methodUrl.Scheme != Uri.UriSchemeHttp))
        {
            return KeyResolution.NotSupported(verificationMethodId ?? string.Empty, "not an http(s) URL");
        }

        if (methodUrl.Scheme == Uri.UriSchemeHttp && !(Options.AllowHttpForLoopback && methodUrl.IsLoopback))
        {
            return KeyResolution.NotFound(verificationMethodId, "controller documents must be served over https");
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0 || hash == verificationMethodId.Length - 1)
        {
            return KeyResolution.NotFound(verificationMethodId, "the verification method id needs a fragment naming the method in its controller document");
        }

        var controller = verificationMethodId[..hash];
        var documentUrl = new Uri(controller, UriKind.Absolute);
        string text;
        try
        {
            text = await _fetchDocument(documentUrl, cancellationToken).ConfigureAwait(false)
                ?? throw KeyErrors.FetcherReturnedNothing();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return KeyResolution.Failed(verificationMethodId, $"fetching the controller document {controller} failed: {e.Message}");
        }

        // Characters, not bytes, for a delegate's string; UTF-8 never needs fewer bytes than characters, so the
        // byte limit is not loosened.
        if (text.Length > Options.MaxDocumentBytes)
        {
            return KeyResolution.Failed(verificationMethodId, $"the controller document {controller} is {text.Length} characters; the limit is {Options.MaxDocumentBytes}");
        }

        var parseFailure = ControllerDocuments.TryParse(text, verificationMethodId, controller, out var document);
        return parseFailure ?? ControllerDocuments.FindVerificationMethod(document!, controller, verificationMethodId);
    }

    private static Func<Uri, CancellationToken, Task<string>> FetchWith(HttpClient httpClient, DidWebResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return async (url, cancellationToken) =>
        {
            var (text, error) = await BoundedHttp.GetTextAsync(httpClient, url, options.MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
            return text ?? throw KeyErrors.ControllerDocumentRefused(error);
        };
    }
}
