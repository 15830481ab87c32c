using System.Net;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Oid4Vci;
using OpenBadges.Oid4Vci.VcApi;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>
/// VC-API (VCALM) exchanges with a DIDAuthentication request, over HTTP on a loopback Kestrel: the request, the
/// credential bound to the authenticated DID, and every refusal (each with its status and ProblemDetails type, and
/// nothing issued).
/// </summary>
public sealed class VcApiExchangeTests
{
    private static async Task<(VcApiHost Host, VcApiExchangeInvitation Invitation)> StartAsync(TimeProvider? clock = null)
    {
        var host = await VcApiHost.StartAsync(clock);
        return (host, host.Exchanger.CreateExchange(VcApiHost.AwardId));
    }

    private static async Task<JObject> RequestAsync(VcApiHost host, VcApiExchangeInvitation invitation)
    {
        var (status, body, _) = await host.PostAsync(invitation.ExchangeUrl, "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        return (JObject)body["verifiablePresentationRequest"]!;
    }

    private static void AssertProblem((HttpStatusCode Status, JObject Body, string? ContentType) response, HttpStatusCode status, string type, string? detailContains = null)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(type, (string?)response.Body["type"]);
        Assert.False(string.IsNullOrEmpty((string?)response.Body["title"]));
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, (string?)response.Body["detail"], StringComparison.Ordinal);
        }

        Assert.Null(response.Body["verifiablePresentation"]);
    }

    [Fact]
    public async Task The_empty_message_gets_a_DIDAuthentication_request_with_a_challenge_and_this_origin_as_domain()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        var request = await RequestAsync(host, invitation);

        var query = Assert.Single((JArray)request["query"]!);
        Assert.Equal("DIDAuthentication", (string?)query["type"]);
        Assert.Equal("key", (string?)query["acceptedMethods"]![0]!["method"]);
        Assert.Contains(((JArray)query["acceptedCryptosuites"]!).Select(c => (string?)c["cryptosuite"]), c => c == "eddsa-rdfc-2022");
        Assert.True(((string?)request["challenge"])!.Length >= 20);
        Assert.Equal(host.Origin, (string?)request["domain"]);
        Assert.Equal(invitation.ExchangeUrl, (string?)request["interact"]!["service"]![0]!["serviceEndpoint"]);
        Assert.Equal(VcApiExchangeState.Active, host.Exchanger.FindExchange(invitation.ExchangeId)!.State);

        // A second exchange has another challenge: a response for one is no response for the other.
        var other = await RequestAsync(host, host.Exchanger.CreateExchange(VcApiHost.AwardId));
        Assert.NotEqual((string?)request["challenge"], (string?)other["challenge"]);
    }

    [Fact]
    public async Task A_signed_DIDAuth_response_gets_the_credential_bound_to_the_holder_in_a_presentation_our_verifiers_accept()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var request = await RequestAsync(host, invitation);
        var challenge = (string)request["challenge"]!;

        var (status, body, _) = await host.PostAsync(invitation.ExchangeUrl,
            new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) });

        Assert.Equal(HttpStatusCode.OK, status);
        var presentation = (JObject)body["verifiablePresentation"]!;
        var credential = (JObject)Assert.Single((JArray)presentation["verifiableCredential"]!);
        Assert.Equal(holder.Controller, (string?)credential["credentialSubject"]!["id"]);
        Assert.Equal(host.Key.Controller, (string?)presentation["holder"]);

        var presentationReport = await new PresentationVerifier(new PresentationVerifierOptions { ExpectedChallenge = challenge, ExpectedDomain = host.Origin })
            .VerifyAsync(presentation);
        Assert.True(presentationReport.IsValid, presentationReport + " | " + string.Join(" | ", presentationReport.Credentials));
        Assert.Equal(CheckStatus.Passed, presentationReport.Find(CheckNames.PresentationHolder)!.Status);
        var credentialReport = await new CredentialVerifier().VerifyAsync(credential);
        Assert.True(credentialReport.IsValid, credentialReport.ToString());

        var state = host.Exchanger.FindExchange(invitation.ExchangeId)!;
        Assert.Equal(VcApiExchangeState.Complete, state.State);
        Assert.Equal(holder.Controller, state.HolderDid);
    }

    [Fact]
    public async Task The_exchange_is_single_use_a_replayed_response_gets_nothing()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var request = await RequestAsync(host, invitation);
        var message = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, (string)request["challenge"]!, host.Origin) };
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(invitation.ExchangeUrl, message)).Status);

        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, message), HttpStatusCode.Gone, VcApiProblems.ExchangeClosed, "single use");
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, "{}"), HttpStatusCode.Gone, VcApiProblems.ExchangeClosed);
        // Replayed into another exchange: that exchange's challenge differs.
        var another = host.Exchanger.CreateExchange(VcApiHost.AwardId);
        await RequestAsync(host, another);
        AssertProblem(await host.PostAsync(another.ExchangeUrl, message), HttpStatusCode.BadRequest, VcApiProblems.CryptographicSecurityError, "proof.challenge");
    }

    [Fact]
    public async Task Two_simultaneous_responses_issue_one_credential()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var request = await RequestAsync(host, invitation);
        var message = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, (string)request["challenge"]!, host.Origin) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.PostAsync(invitation.ExchangeUrl, message)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains(a.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.Gone }));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "wrong challenge", "proof.challenge" },
        { "no challenge", "proof.challenge" },
        { "wrong domain", "proof.domain" },
        { "assertion purpose", "proof.purpose" },
        { "tampered", "proof" },
        { "holder is someone else", CheckNames.PresentationHolder },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_response_that_does_not_authenticate_the_holder_for_this_exchange_is_refused_and_the_exchange_stays_open(string attack, string failingCheck)
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        using var someoneElse = Ed25519KeyFile.Generate();
        var challenge = (string)(await RequestAsync(host, invitation))["challenge"]!;
        var presentation = attack switch
        {
            "wrong challenge" => await VcApiHost.DidAuthAsync(holder, challenge + "x", host.Origin),
            "no challenge" => await VcApiHost.DidAuthAsync(holder, null, host.Origin),
            "wrong domain" => await VcApiHost.DidAuthAsync(holder, challenge, "https://evil.example"),
            "assertion purpose" => await VcApiHost.DidAuthAsync(holder, challenge, host.Origin, purpose: "assertionMethod"),
            "tampered" => await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) is var signed && signed["holder"] is not null
                ? Tamper(signed, someoneElse.Controller) : throw new InvalidOperationException(),
            "holder is someone else" => await VcApiHost.DidAuthAsync(holder, challenge, host.Origin, claimedHolder: someoneElse.Controller),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };

        var response = await host.PostAsync(invitation.ExchangeUrl, new JObject { ["verifiablePresentation"] = presentation });

        AssertProblem(response, HttpStatusCode.BadRequest, VcApiProblems.CryptographicSecurityError, failingCheck);
        Assert.Equal(VcApiExchangeState.Active, host.Exchanger.FindExchange(invitation.ExchangeId)!.State);
        Assert.Null(host.Exchanger.FindExchange(invitation.ExchangeId)!.HolderDid);
        // The learner's own response still works afterwards.
        var honest = await host.PostAsync(invitation.ExchangeUrl, new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) });
        Assert.Equal(HttpStatusCode.OK, honest.Status);
    }

    // The signed presentation now claims a holder the signature never covered.
    private static JObject Tamper(JObject signed, string otherHolder)
    {
        signed["holder"] = otherHolder;
        signed["proof"]!["verificationMethod"] = otherHolder + "#" + otherHolder["did:key:".Length..];
        return signed;
    }

    [Theory]
    [InlineData("missing holder", "holder must be the DID")]
    [InlineData("did:web holder", "not a DID of an accepted method")]
    [InlineData("unsigned", "no proof")]
    [InlineData("not a presentation", "verifiablePresentation")]
    [InlineData("two messages", "verifiablePresentation")]
    public async Task A_malformed_response_is_refused_as_malformed(string shape, string detail)
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var challenge = (string)(await RequestAsync(host, invitation))["challenge"]!;
        var presentation = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin);
        JObject message = shape switch
        {
            "missing holder" => new JObject { ["verifiablePresentation"] = Without(presentation, "holder") },
            "did:web holder" => new JObject { ["verifiablePresentation"] = With(presentation, "holder", "did:web:holder.example") },
            "unsigned" => new JObject { ["verifiablePresentation"] = Without(presentation, "proof") },
            "not a presentation" => new JObject { ["verifiablePresentation"] = "eyJhbGciOi..." },
            "two messages" => new JObject { ["verifiablePresentation"] = presentation, ["redirectUrl"] = "https://evil.example" },
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };

        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, message), HttpStatusCode.BadRequest, VcApiProblems.MalformedValueError, detail);
    }

    private static JObject Without(JObject o, string name)
    {
        var copy = (JObject)o.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static JObject With(JObject o, string name, string value)
    {
        var copy = (JObject)o.DeepClone();
        copy[name] = value;
        return copy;
    }

    [Fact]
    public async Task Too_many_refused_responses_invalidate_the_exchange()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var challenge = (string)(await RequestAsync(host, invitation))["challenge"]!;
        var wrong = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, "guess", host.Origin) };
        for (var i = 0; i < host.Exchanger.Options.MaxFailedAttempts; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(invitation.ExchangeUrl, wrong)).Status);
        }

        var honest = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) };
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, honest), HttpStatusCode.Gone, VcApiProblems.ExchangeClosed, "too many");
        Assert.Equal(VcApiExchangeState.Invalid, host.Exchanger.FindExchange(invitation.ExchangeId)!.State);
    }

    [Fact]
    public async Task An_expired_exchange_and_an_unknown_one_are_refused()
    {
        var clock = new ManualClock();
        var (host, invitation) = await StartAsync(clock);
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var challenge = (string)(await RequestAsync(host, invitation))["challenge"]!;
        clock.Advance(host.Exchanger.Options.ExchangeLifetime + TimeSpan.FromSeconds(1));

        var message = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) };
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, message), HttpStatusCode.Gone, VcApiProblems.ExchangeClosed, "expired");
        AssertProblem(await host.PostAsync(host.Exchanger.ExchangeUrl("no-such-exchange"), "{}"), HttpStatusCode.NotFound, VcApiProblems.ExchangeNotFound);
        // Swept when the next exchange is made: then it is unknown.
        host.Exchanger.CreateExchange(VcApiHost.AwardId);
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, message), HttpStatusCode.NotFound, VcApiProblems.ExchangeNotFound);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_too_large_is_refused()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, "{\"verifiablePresentation\": "), HttpStatusCode.BadRequest, VcApiProblems.ParsingError);
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, "[]"), HttpStatusCode.BadRequest, VcApiProblems.ParsingError);
        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, "{\"a\": \"" + new string('x', 70_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge, VcApiProblems.RequestTooLarge);
        // An empty body is the empty message.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(invitation.ExchangeUrl, string.Empty)).Status);
    }

    [Fact]
    public async Task A_pending_award_keeps_the_exchange_open_until_it_is_ready()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var award = (await host.Awards.FindAsync(VcApiHost.AwardId, default))!;
        host.Awards.Put(award with { IsReady = false });
        var challenge = (string)(await RequestAsync(host, invitation))["challenge"]!;
        var message = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) };

        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, message), HttpStatusCode.Conflict, VcApiProblems.AwardPending);
        host.Awards.Put(award);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(invitation.ExchangeUrl, message)).Status);
    }

    [Fact]
    public async Task An_award_that_cannot_be_signed_is_a_server_problem_and_the_exchange_stays_open()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        using var holder = Ed25519KeyFile.Generate();
        var award = (await host.Awards.FindAsync(VcApiHost.AwardId, default))!;
        var broken = (JObject)award.Credential.DeepClone();
        broken["credentialSubject"] = new JArray(broken["credentialSubject"]!);
        host.Awards.Put(award with { Credential = broken });
        var challenge = (string)(await RequestAsync(host, invitation))["challenge"]!;
        var message = new JObject { ["verifiablePresentation"] = await VcApiHost.DidAuthAsync(holder, challenge, host.Origin) };

        AssertProblem(await host.PostAsync(invitation.ExchangeUrl, message), HttpStatusCode.InternalServerError, VcApiProblems.IssuanceFailed);
        Assert.Equal(VcApiExchangeState.Active, host.Exchanger.FindExchange(invitation.ExchangeId)!.State);
        host.Awards.Put(award);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(invitation.ExchangeUrl, message)).Status);
    }

    [Fact]
    public async Task The_interaction_url_serves_the_protocols_to_a_wallet_and_a_page_to_a_browser()
    {
        var (host, invitation) = await StartAsync();
        await using var _ = host;
        Assert.Contains("iuv=1", invitation.InteractionUrl, StringComparison.Ordinal);

        using var json = new HttpRequestMessage(HttpMethod.Get, invitation.InteractionUrl);
        json.Headers.Accept.ParseAdd("application/json");
        using var jsonResponse = await host.Http.SendAsync(json);
        var protocols = JsonInput.ParseObject(await jsonResponse.Content.ReadAsStringAsync());
        Assert.Equal(invitation.ExchangeUrl, (string?)protocols["protocols"]!["vcapi"]);

        using var page = await host.Http.GetAsync(invitation.InteractionUrl);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        // The Learner Credential Wallet's link carries the same protocols and this origin.
        var link = new Uri(invitation.LearnerCredentialWalletLink);
        Assert.Equal("https://lcw.app/request", link.GetLeftPart(UriPartial.Path));
        var request = JsonInput.ParseObject(Uri.UnescapeDataString(link.Query["?request=".Length..]));
        Assert.Equal(invitation.ExchangeUrl, (string?)request["protocols"]!["vcapi"]);
        Assert.Equal(host.Origin, (string?)request["credentialRequestOrigin"]);
    }

    [Fact]
    public async Task The_back_office_creates_an_exchange_for_an_award()
    {
        await using var host = await VcApiHost.StartAsync();
        var (status, body, _) = await host.PostAsync("/exchanges", new JObject { ["awardId"] = VcApiHost.AwardId });

        Assert.Equal(HttpStatusCode.Created, status);
        var url = (string)body["protocols"]!["vcapi"]!;
        Assert.StartsWith(host.Origin + "/exchanges/", url, StringComparison.Ordinal);
        Assert.Equal(VcApiExchangeState.Pending, host.Exchanger.FindExchange((string)body["exchangeId"]!)!.State);
        AssertProblem(await host.PostAsync("/exchanges", "{}"), HttpStatusCode.BadRequest, VcApiProblems.MalformedValueError, "awardId");
    }

    [Fact]
    public void Options_that_would_serve_exchanges_insecurely_are_refused()
    {
        using var key = Ed25519KeyFile.Generate();
        var awards = new InMemoryAwardStore();
        Assert.Throws<ArgumentException>(() => new VcApiExchanger(new VcApiExchangeOptions { BaseUrl = new Uri("http://issuer.example"), Signer = key.CreateSigner() }, awards));
        Assert.Throws<ArgumentException>(() => new VcApiExchanger(new VcApiExchangeOptions { BaseUrl = new Uri("https://issuer.example/path"), Signer = key.CreateSigner() }, awards));
        Assert.Throws<ArgumentException>(() => new VcApiExchanger(new VcApiExchangeOptions { BaseUrl = new Uri("https://issuer.example"), Signer = key.CreateSigner(), AcceptedDidMethods = [] }, awards));
        var exchanger = new VcApiExchanger(new VcApiExchangeOptions { BaseUrl = new Uri("https://issuer.example"), Signer = key.CreateSigner() }, awards);
        Assert.StartsWith("https://issuer.example/exchanges/", exchanger.CreateExchange("a").ExchangeUrl, StringComparison.Ordinal);
    }
}
