using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace OpenBadges.Oid4Vci;

/// <summary>
/// The issuer's state and its operations outside HTTP: make offers for stored awards, and keep what the endpoints
/// share (nonces, grants, offers by reference, deferred transactions, notifications). Thread-safe; one per host.
/// </summary>
public sealed class Oid4VciIssuer
{
    private readonly ConcurrentDictionary<string, (JObject Offer, DateTimeOffset Expires)> _offersByReference = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string AwardId, DateTimeOffset Expires)> _issuerStates = new(StringComparer.Ordinal);

    /// <summary>The issuer under <paramref name="options"/>, collecting awards from <paramref name="awards"/>.</summary>
    public Oid4VciIssuer(Oid4VciIssuerOptions options, IAwardStore awards, IAccessTokenValidator? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(awards);
        var scheme = options.CredentialIssuer.Scheme;
        if (!options.CredentialIssuer.IsAbsoluteUri || (scheme != Uri.UriSchemeHttps && !(scheme == Uri.UriSchemeHttp && options.CredentialIssuer.IsLoopback))
            || options.CredentialIssuer.AbsolutePath.Trim('/').Length > 0 || options.CredentialIssuer.Query.Length > 0 || options.CredentialIssuer.Fragment.Length > 0)
        {
            throw new ArgumentException("CredentialIssuer must be an https origin without path, query or fragment (http only on loopback).", nameof(options));
        }

        Options = options;
        Awards = awards;
        Nonces = new NonceStore(options.TimeProvider, options.NonceLifetime, options.MaxOutstandingNonces);
        PreAuthorizedGrants = new PreAuthorizedGrants(options);
        // The issuer stays the authorization server of the pre-authorized code offers it makes, so its own tokens are
        // accepted beside an external server's (the two kinds cannot be confused: ours are random, unknown to it).
        Tokens = tokens is null ? PreAuthorizedGrants : new EitherAccessTokenValidator(PreAuthorizedGrants, tokens);
        Proofs = new KeyProofValidator(options, Nonces);
        Minter = new CredentialMinter(options.Signer, options.P256Signer);
    }

    /// <summary>The options.</summary>
    public Oid4VciIssuerOptions Options { get; }

    /// <summary>Where awards come from.</summary>
    public IAwardStore Awards { get; }

    /// <summary>The c_nonce values handed out.</summary>
    public NonceStore Nonces { get; }

    /// <summary>The built-in pre-authorized code grants (the token endpoint).</summary>
    public PreAuthorizedGrants PreAuthorizedGrants { get; }

    /// <summary>What validates bearer tokens at the credential endpoint: the pre-authorized grants, and the plugged-in authorization server's validator when there is one.</summary>
    public IAccessTokenValidator Tokens { get; }

    /// <summary>Validates key proofs.</summary>
    public KeyProofValidator Proofs { get; }

    /// <summary>Builds and signs credentials.</summary>
    public CredentialMinter Minter { get; }

    /// <summary>Notifications received (§11), by notification id: the event name, or null while none arrived.</summary>
    internal ConcurrentDictionary<string, string?> Notifications { get; } = new(StringComparer.Ordinal);

    /// <summary>Deferred issuance (§9): transaction id → (award id, holder DID, configuration id).</summary>
    internal ConcurrentDictionary<string, (string AwardId, string Holder, string ConfigurationId)> Deferred { get; } = new(StringComparer.Ordinal);

    /// <summary>The event a wallet reported for <paramref name="notificationId"/> (e.g. <c>credential_accepted</c>), or null.</summary>
    public string? NotificationEvent(string notificationId) => Notifications.TryGetValue(notificationId, out var e) ? e : null;

    /// <summary>
    /// Makes a pre-authorized code offer for <paramref name="awardId"/>; with <paramref name="requireTxCode"/> a random
    /// numeric transaction code of <paramref name="txCodeLength"/> digits guards it (give <see cref="CredentialOffer.TxCode"/> to the learner out of band).
    /// </summary>
    public CredentialOffer CreateOffer(string awardId, bool requireTxCode = false, int txCodeLength = 6, IReadOnlyList<string>? configurationIds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(awardId);
        ArgumentOutOfRangeException.ThrowIfLessThan(txCodeLength, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(txCodeLength, 12);
        var ids = CheckedConfigurations(configurationIds);
        var txCode = requireTxCode
            ? string.Concat(Enumerable.Range(0, txCodeLength).Select(_ => RandomNumberGenerator.GetInt32(10).ToString(CultureInfo.InvariantCulture)))
            : null;
        var code = PreAuthorizedGrants.CreateCode(awardId, txCode);
        var grant = new JObject { ["pre-authorized_code"] = code };
        if (txCode is not null)
        {
            grant["tx_code"] = new JObject
            {
                ["input_mode"] = "numeric",
                ["length"] = txCodeLength,
                ["description"] = "The code sent to you with this offer",
            };
        }

        if (Options.AuthorizationServers.Count > 0)
        {
            // §4.1.1: with several authorization servers in the metadata, each grant names its own.
            grant["authorization_server"] = Options.IssuerIdentifier;
        }

        return Offer(ids, CredentialOffer.PreAuthorizedCodeGrant, grant, txCode);
    }

    /// <summary>
    /// Makes an authorization code offer for <paramref name="awardId"/> (§4.1.1 <c>authorization_code</c> grant): its
    /// <c>issuer_state</c> names the award, and the authorization server (<see cref="Oid4VciIssuerOptions.AuthorizationServers"/>,
    /// the first unless <paramref name="authorizationServer"/> says which) takes it back with <see cref="TakeIssuerState"/>
    /// once the learner signed in. It is single use and expires with the pre-authorized code lifetime.
    /// </summary>
    /// <exception cref="InvalidOperationException">No external authorization server is configured.</exception>
    public CredentialOffer CreateAuthorizationCodeOffer(string awardId, Uri? authorizationServer = null, IReadOnlyList<string>? configurationIds = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(awardId);
        if (Options.AuthorizationServers.Count == 0)
        {
            throw new InvalidOperationException("the authorization code flow needs an authorization server in Oid4VciIssuerOptions.AuthorizationServers.");
        }

        var server = authorizationServer ?? Options.AuthorizationServers[0];
        if (!Options.AuthorizationServers.Contains(server))
        {
            throw new ArgumentException("authorizationServer must be one of Oid4VciIssuerOptions.AuthorizationServers.", nameof(authorizationServer));
        }

        var ids = CheckedConfigurations(configurationIds);
        var now = Options.TimeProvider.GetUtcNow();
        foreach (var (state, stored) in _issuerStates)
        {
            if (stored.Expires <= now)
            {
                _issuerStates.TryRemove(state, out _);
            }
        }

        var issuerState = NonceStore.Base64UrlRandom(32);
        _issuerStates[issuerState] = (awardId, now + Options.PreAuthorizedCodeLifetime);
        var grant = new JObject
        {
            ["issuer_state"] = issuerState,
            ["authorization_server"] = AuthorizationServerIdentifier(server),
        };
        return Offer(ids, CredentialOffer.AuthorizationCodeGrant, grant, txCode: null);
    }

    /// <summary>
    /// The award an <c>issuer_state</c> from <see cref="CreateAuthorizationCodeOffer"/> names, without using it up (the
    /// authorization server looks before the learner signs in); null when it is unknown, used or expired.
    /// </summary>
    public string? FindIssuerState(string? issuerState) =>
        issuerState is not null && _issuerStates.TryGetValue(issuerState, out var stored) && Options.TimeProvider.GetUtcNow() < stored.Expires
            ? stored.AwardId
            : null;

    /// <summary>Uses up an <c>issuer_state</c> (single use): the award it names, or null when it is unknown, used or expired.</summary>
    public string? TakeIssuerState(string? issuerState) =>
        issuerState is not null && _issuerStates.TryRemove(issuerState, out var stored) && Options.TimeProvider.GetUtcNow() < stored.Expires
            ? stored.AwardId
            : null;

    /// <summary>An authorization server's identifier as the metadata lists it (no trailing slash).</summary>
    public static string AuthorizationServerIdentifier(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private IReadOnlyList<string> CheckedConfigurations(IReadOnlyList<string>? configurationIds)
    {
        var ids = configurationIds ?? Minter.Configurations;
        if (ids.Count == 0 || ids.Any(id => !Minter.Configurations.Contains(id, StringComparer.Ordinal)))
        {
            throw new ArgumentException("configurationIds must name configurations of this issuer.", nameof(configurationIds));
        }

        return ids;
    }

    private CredentialOffer Offer(IReadOnlyList<string> ids, string grantType, JObject grant, string? txCode)
    {
        var offer = new JObject
        {
            ["credential_issuer"] = Options.IssuerIdentifier,
            ["credential_configuration_ids"] = new JArray(ids),
            ["grants"] = new JObject { [grantType] = grant },
        };
        var referenceId = NonceStore.Base64UrlRandom(16);
        // Served only while its code can still be redeemed; expired ones go as new offers are made.
        var now = Options.TimeProvider.GetUtcNow();
        foreach (var (id, stored) in _offersByReference)
        {
            if (stored.Expires <= now)
            {
                _offersByReference.TryRemove(id, out _);
            }
        }

        _offersByReference[referenceId] = (offer, now + Options.PreAuthorizedCodeLifetime);
        return new CredentialOffer(offer, $"{Options.IssuerIdentifier}{Oid4VciPaths.CredentialOffer}/{referenceId}", txCode);
    }

    /// <summary>The offer served by reference under <paramref name="referenceId"/>, or null.</summary>
    internal JObject? FindOffer(string referenceId) =>
        _offersByReference.TryGetValue(referenceId, out var stored) && Options.TimeProvider.GetUtcNow() < stored.Expires ? stored.Offer : null;
}
