namespace OpenBadges.Keys;

/// <summary>Ready-made verification method resolvers, from the safest (offline, self-certifying) up.</summary>
public static class KeyResolvers
{
    /// <summary>
    /// Offline and self-certifying only: <c>did:key</c>. The default for verification; nothing is fetched,
    /// and no key is believed on the document's say-so alone.
    /// </summary>
    public static IKeyResolver Offline { get; } = new DidKeyResolver();

    /// <summary>
    /// <see cref="Offline"/> plus the <c>controller#z6Mk…</c> form (the key written in the fragment), which
    /// 1EdTech's validator accepts. It proves nothing about who controls the key: anyone can write
    /// <c>https://your.example/issuer#z6Mk&lt;their key&gt;</c>. Use it only where the binding between
    /// controller and key is established some other way (tests, vectors, a pinned issuer list).
    /// </summary>
    public static IKeyResolver OfflineTrustingKeyFragments { get; } = new CompositeKeyResolver(new DidKeyResolver(), new MultikeyFragmentResolver());

    /// <summary>
    /// <c>did:key</c>, then <c>did:web</c> and HTTPS controller documents fetched through <paramref name="httpClient"/>
    /// (the controller's own document must list the key, which is what binds it to the issuer).
    /// </summary>
    public static IKeyResolver Online(HttpClient httpClient, DidWebResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return new CompositeKeyResolver(new DidKeyResolver(), new DidWebResolver(httpClient, options), new ControllerDocumentResolver(httpClient, options));
    }
}
