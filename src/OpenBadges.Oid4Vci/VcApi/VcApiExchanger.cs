using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Proofs;
using OpenBadges.Verification;

namespace OpenBadges.Oid4Vci.VcApi;

/// <summary>
/// VC-API (VCALM) exchanges that deliver a stored award to a wallet that authenticates with a DID, as the Learner
/// Credential Wallet does: the first message (<c>{}</c>) gets a DIDAuthentication request with a fresh challenge; the
/// wallet's presentation, signed by the holder for that challenge and this origin, gets the credential bound to the
/// holder's DID, in a presentation this issuer signs. Each exchange is single use and expires. Thread-safe; one per host.
/// </summary>
public sealed class VcApiExchanger
{
    private const string CredentialsV2Context = "https://www.w3.org/ns/credentials/v2";
    private static readonly ConditionalWeakTable<Oid4VciIssuer, VcApiExchanger> ForIssuers = new();

    private readonly ConcurrentDictionary<string, Exchange> _exchanges = new(StringComparer.Ordinal);
    private readonly string _issuerId;

    /// <summary>Exchanges under <paramref name="options"/>, delivering awards from <paramref name="awards"/>.</summary>
    /// <exception cref="ArgumentException">The base URL is not an https origin (http only on loopback), or a limit is out of range.</exception>
    public VcApiExchanger(VcApiExchangeOptions options, IAwardStore awards)
        : this(options, awards, new CredentialMinter(CheckOptions(options).Signer))
    {
    }

    private VcApiExchanger(VcApiExchangeOptions options, IAwardStore awards, CredentialMinter minter)
    {
        ArgumentNullException.ThrowIfNull(awards);
        Options = CheckOptions(options);
        Awards = awards;
        Minter = minter;
        var keyId = options.Signer.KeyId;
        _issuerId = keyId.Contains('#', StringComparison.Ordinal) ? keyId[..keyId.IndexOf('#', StringComparison.Ordinal)] : keyId;
    }

    /// <summary>The options.</summary>
    public VcApiExchangeOptions Options { get; }

    /// <summary>Where awards come from.</summary>
    public IAwardStore Awards { get; }

    /// <summary>Builds and signs the credentials (the same minter as OpenID4VCI when made by <see cref="For"/>).</summary>
    public CredentialMinter Minter { get; }

    /// <summary>
    /// The exchanger on the same issuance core as <paramref name="issuer"/>: its awards, its minter, its signing key, its
    /// clock, its origin. One per issuer: every call with the same issuer returns the same exchanger.
    /// </summary>
    public static VcApiExchanger For(Oid4VciIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return ForIssuers.GetValue(issuer, i => new VcApiExchanger(
            new VcApiExchangeOptions { BaseUrl = i.Options.CredentialIssuer, Signer = i.Options.Signer, TimeProvider = i.Options.TimeProvider },
            i.Awards,
            i.Minter));
    }

    /// <summary>A new exchange for <paramref name="awardId"/>: what to give the learner (a link or a QR code).</summary>
    public VcApiExchangeInvitation CreateExchange(string awardId)
    {
        ArgumentException.ThrowIfNullOrEmpty(awardId);
        var now = Options.TimeProvider.GetUtcNow();
        // Bounded memory: exchanges past their lifetime go whenever a new one is made (a replay then gets 404, still refused).
        foreach (var (id, old) in _exchanges)
        {
            if (old.Expires <= now)
            {
                _exchanges.TryRemove(id, out _);
            }
        }

        var exchange = new Exchange(NonceStore.Base64UrlRandom(16), awardId, NonceStore.Base64UrlRandom(16), now + Options.ExchangeLifetime);
        _exchanges[exchange.Id] = exchange;
        return new VcApiExchangeInvitation(exchange.Id, ExchangeUrl(exchange.Id), Options.Origin, exchange.Expires);
    }

    /// <summary>Where the exchange stands, or null for an unknown (or swept) id.</summary>
    public VcApiExchangeStatus? FindExchange(string exchangeId)
    {
        ArgumentNullException.ThrowIfNull(exchangeId);
        if (!_exchanges.TryGetValue(exchangeId, out var exchange))
        {
            return null;
        }

        var state = exchange.State;
        return new VcApiExchangeStatus(exchange.Id, exchange.AwardId, state == Exchange.Processing ? VcApiExchangeState.Active : (VcApiExchangeState)state, exchange.Expires, exchange.HolderDid);
    }

    /// <summary>The URL of exchange <paramref name="exchangeId"/>.</summary>
    public string ExchangeUrl(string exchangeId) => $"{Options.Origin}{VcApiPaths.Exchanges}/{Uri.EscapeDataString(exchangeId)}";

    /// <summary>
    /// VCALM "Participate in an Exchange": <paramref name="message"/> is <c>{}</c> (answered with the DIDAuthentication
    /// request) or <c>{"verifiablePresentation": …}</c> (answered with the credential, or a ProblemDetails saying why not).
    /// Never throws for any message (a signing failure is a 500 problem).
    /// </summary>
    public async Task<VcApiExchangeResponse> ParticipateAsync(string exchangeId, JObject message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exchangeId);
        ArgumentNullException.ThrowIfNull(message);
        if (!_exchanges.TryGetValue(exchangeId, out var exchange))
        {
            return VcApiExchangeResponse.Problem(404, VcApiProblems.ExchangeNotFound, "Exchange not found", "No exchange has this id; it may have expired.");
        }

        if (Closed(exchange) is { } closed)
        {
            return closed;
        }

        var known = message.Properties().Select(p => p.Name).Where(n => n != "referenceId").ToList();
        if (known.Count == 0)
        {
            Interlocked.CompareExchange(ref exchange.State, (int)VcApiExchangeState.Active, (int)VcApiExchangeState.Pending);
            return new VcApiExchangeResponse(200, new JObject { ["verifiablePresentationRequest"] = PresentationRequest(exchange) });
        }

        if (known.Count != 1 || message["verifiablePresentation"] is not JObject presentation)
        {
            return VcApiExchangeResponse.Problem(400, VcApiProblems.MalformedValueError, "Unexpected exchange message",
                "This exchange takes {} (to get the DIDAuthentication request) or {\"verifiablePresentation\": {...}} (the holder's DIDAuthentication response).");
        }

        // One presentation at a time: only the request that moves the exchange from Pending or Active to Processing owns it.
        while (true)
        {
            var current = Volatile.Read(ref exchange.State);
            if (current == Exchange.Processing)
            {
                return VcApiExchangeResponse.Problem(409, VcApiProblems.ExchangeBusy, "Exchange busy", "Another presentation for this exchange is being processed.");
            }

            if (current is not ((int)VcApiExchangeState.Active or (int)VcApiExchangeState.Pending))
            {
                return Closed(exchange) ?? VcApiExchangeResponse.Problem(410, VcApiProblems.ExchangeClosed, "Exchange closed", "This exchange is over.");
            }

            if (Interlocked.CompareExchange(ref exchange.State, Exchange.Processing, current) == current)
            {
                break;
            }
        }

        var outcome = VcApiExchangeState.Active;
        try
        {
            var (response, holder) = await AuthenticateAsync(exchange, presentation, cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                outcome = Interlocked.Increment(ref exchange.FailedAttempts) >= Options.MaxFailedAttempts ? VcApiExchangeState.Invalid : VcApiExchangeState.Active;
                return response;
            }

            var award = await Awards.FindAsync(exchange.AwardId, cancellationToken).ConfigureAwait(false);
            if (award is null)
            {
                outcome = VcApiExchangeState.Invalid;
                return VcApiExchangeResponse.Problem(410, VcApiProblems.ExchangeClosed, "Award withdrawn", "The award this exchange delivers no longer exists.");
            }

            if (!award.IsReady)
            {
                return VcApiExchangeResponse.Problem(409, VcApiProblems.AwardPending, "Award pending",
                    "The award is not ready to be issued yet; the exchange stays open: post a new presentation for the same challenge later.");
            }

            JObject delivered;
            try
            {
                var credential = (JObject)await Minter.MintAsync(award, holder!, OpenBadgeCredentialConfigurations.LdpVc, cancellationToken).ConfigureAwait(false);
                delivered = await DeliveryPresentationAsync(exchange, credential, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The award cannot be signed as stored (an institution's data problem): said, not shown, and the exchange stays open.
                return VcApiExchangeResponse.Problem(500, VcApiProblems.IssuanceFailed, "Issuance failed", "The issuer could not sign this award; the exchange stays open.");
            }

            exchange.HolderDid = holder;
            outcome = VcApiExchangeState.Complete;
            return new VcApiExchangeResponse(200, new JObject { ["verifiablePresentation"] = delivered });
        }
        finally
        {
            Volatile.Write(ref exchange.State, (int)outcome);
        }
    }

    private VcApiExchangeResponse? Closed(Exchange exchange)
    {
        if (Options.TimeProvider.GetUtcNow() >= exchange.Expires)
        {
            return VcApiExchangeResponse.Problem(410, VcApiProblems.ExchangeClosed, "Exchange expired", "This exchange has expired: ask the issuer for a new one.");
        }

        return Volatile.Read(ref exchange.State) switch
        {
            (int)VcApiExchangeState.Complete => VcApiExchangeResponse.Problem(410, VcApiProblems.ExchangeClosed, "Exchange complete",
                "This exchange has already delivered its credential (an exchange is single use)."),
            (int)VcApiExchangeState.Invalid => VcApiExchangeResponse.Problem(410, VcApiProblems.ExchangeClosed, "Exchange invalid",
                "This exchange refused too many presentations (or its award is gone): ask the issuer for a new one."),
            _ => null,
        };
    }

    private JObject PresentationRequest(Exchange exchange) => new()
    {
        ["query"] = new JArray(new JObject
        {
            ["type"] = "DIDAuthentication",
            ["acceptedMethods"] = new JArray(Options.AcceptedDidMethods.Select(m => new JObject { ["method"] = m })),
            ["acceptedCryptosuites"] = new JArray(
                new JObject { ["cryptosuite"] = "eddsa-rdfc-2022" },
                new JObject { ["cryptosuite"] = "ecdsa-rdfc-2019" },
                new JObject { ["cryptosuite"] = "Ed25519Signature2020" }),
        }),
        ["challenge"] = exchange.Challenge,
        ["domain"] = Options.Origin,
        ["interact"] = new JObject
        {
            ["service"] = new JArray(new JObject
            {
                ["type"] = "UnmediatedPresentationService2021",
                ["serviceEndpoint"] = ExchangeUrl(exchange.Id),
            }),
        },
    };

    /// <summary>The DIDAuthentication response checked (VCALM §3.4.3.2): the holder's DID, or the problem.</summary>
    private async Task<(VcApiExchangeResponse? Problem, string? Holder)> AuthenticateAsync(Exchange exchange, JObject presentation, CancellationToken cancellationToken)
    {
        var holder = presentation["holder"] switch
        {
            JValue { Type: JTokenType.String } value => (string?)value,
            JObject { } profile when profile["id"] is JValue { Type: JTokenType.String } id => (string?)id,
            _ => null,
        };
        if (holder is null)
        {
            return (VcApiExchangeResponse.Problem(400, VcApiProblems.MalformedValueError, "Holder missing",
                "verifiablePresentation.holder must be the DID the holder authenticates with (VCALM DID Authentication response format)."), null);
        }

        var method = holder.StartsWith("did:", StringComparison.Ordinal) ? holder.Split(':')[1] : null;
        if (method is null || !Options.AcceptedDidMethods.Contains(method, StringComparer.Ordinal) || holder.Contains('#', StringComparison.Ordinal))
        {
            return (VcApiExchangeResponse.Problem(400, VcApiProblems.MalformedValueError, "DID method not accepted",
                $"verifiablePresentation.holder '{Truncate(holder)}' is not a DID of an accepted method ({string.Join(", ", Options.AcceptedDidMethods.Select(m => "did:" + m))})."), null);
        }

        if (presentation["proof"] is null)
        {
            return (VcApiExchangeResponse.Problem(400, VcApiProblems.MalformedValueError, "Proof missing",
                "verifiablePresentation carries no proof: a DIDAuthentication response is signed by the holder for the challenge and domain of the request."), null);
        }

        var verifier = new PresentationVerifier(new PresentationVerifierOptions
        {
            Credentials = Options.VerifierOptions,
            ExpectedChallenge = exchange.Challenge,
            ExpectedDomain = Options.Origin,
        });
        VerificationReport report;
        try
        {
            report = await verifier.VerifyAsync(presentation, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return (VcApiExchangeResponse.Problem(400, VcApiProblems.ParsingError, "Presentation unreadable", e.Message), null);
        }

        var holderCheck = report.Find(CheckNames.PresentationHolder);
        if (report.Verdict != Verdict.Valid || holderCheck?.Status != CheckStatus.Passed)
        {
            var failed = report.Checks.FirstOrDefault(c => c.Status == CheckStatus.Failed)
                ?? report.Checks.FirstOrDefault(c => c.Status == CheckStatus.CouldNotCheck)
                ?? holderCheck;
            var type = failed?.Status == CheckStatus.Failed && failed.Name is not (CheckNames.Parse or CheckNames.PresentationStructure) ? VcApiProblems.CryptographicSecurityError
                : failed?.Status == CheckStatus.Failed ? VcApiProblems.MalformedValueError
                : VcApiProblems.CryptographicSecurityError;
            var detail = failed is null ? $"The presentation is {report.Verdict}." : $"{failed.Name}: {failed.Message}";
            return (VcApiExchangeResponse.Problem(400, type, "Presentation not accepted", detail), null);
        }

        return (null, holder);
    }

    /// <summary>The credential in a presentation signed by this issuer for the same challenge and domain, so the wallet can tell where it came from.</summary>
    private async Task<JObject> DeliveryPresentationAsync(Exchange exchange, JObject credential, CancellationToken cancellationToken)
    {
        var presentation = new JObject
        {
            ["@context"] = new JArray(CredentialsV2Context),
            ["type"] = new JArray("VerifiablePresentation"),
            ["holder"] = _issuerId,
            ["verifiableCredential"] = new JArray(credential),
        };
        return await DataIntegritySigner.SignAsync(presentation, Options.Signer, Cryptosuites.EddsaRdfc2022, new ProofOptions
        {
            ProofPurpose = "authentication",
            Challenge = exchange.Challenge,
            Domain = Options.Origin,
            Clock = Options.TimeProvider,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static VcApiExchangeOptions CheckOptions(VcApiExchangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Signer, "options.Signer");
        var url = options.BaseUrl;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            || url.AbsolutePath.Trim('/').Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new ArgumentException("BaseUrl must be an https origin without path, query or fragment (http only on loopback).", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFailedAttempts, 1, "options.MaxFailedAttempts");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBytes, 1024, "options.MaxRequestBytes");
        if (options.ExchangeLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ExchangeLifetime must be positive.");
        }

        if (options.AcceptedDidMethods.Count == 0 || options.AcceptedDidMethods.Any(m => string.IsNullOrEmpty(m) || m.Contains(':', StringComparison.Ordinal)))
        {
            throw new ArgumentException("AcceptedDidMethods must name at least one DID method, each without 'did:' or ':'.", nameof(options));
        }

        return options;
    }

    private sealed class Exchange(string id, string awardId, string challenge, DateTimeOffset expires)
    {
        /// <summary>A state outside <see cref="VcApiExchangeState"/>: a presentation is being checked.</summary>
        public const int Processing = -1;

        public string Id { get; } = id;
        public string AwardId { get; } = awardId;
        public string Challenge { get; } = challenge;
        public DateTimeOffset Expires { get; } = expires;
        public string? HolderDid { get; set; }
        public int State = (int)VcApiExchangeState.Pending;
        public int FailedAttempts;
    }
}
