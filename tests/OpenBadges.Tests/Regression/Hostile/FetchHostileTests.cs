using System.Diagnostics;
using System.Net;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Tests.Cli;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// Issue #21, holes 7 and 8: with fetching allowed, a credential pointing at the verifier's own network makes no
/// connection and learns nothing; a body trickling in is cut at one deadline for headers and body together.
/// </summary>
public sealed class FetchHostileTests
{
    private static async Task<JObject> PointingAtAsync(int port)
    {
        var credential = WithExtensions(Credential());
        credential["credentialStatus"] = OpenBadges.Status.StatusListCredentials.Entry($"https://127.0.0.1:{port}/status/1", 3);
        credential["credentialSchema"] = new JObject { ["id"] = $"https://127.0.0.1:{port}/schema.json", ["type"] = "1EdTechJsonSchemaValidator2019" };
        credential["refreshService"] = new JObject { ["id"] = $"https://localhost:{port}/refresh/1", ["type"] = "1EdTechCredentialRefresh" };
        return await SignAsync(credential);
    }

    [Fact]
    public async Task A_credential_pointing_at_loopback_makes_no_connection_and_no_oracle()
    {
        using var listener = new LoopbackListener();
        var signed = await PointingAtAsync(listener.Port);
        using var http = OutboundHttp.CreateClient();
        var verifier = new CredentialVerifier(Options() with { Fetcher = DocumentFetchers.Http(http), KeyResolver = KeyResolvers.Online(http) });
        var report = await verifier.VerifyAsync(signed);

        var did = await new DidWebResolver(http).ResolveVerificationMethodAsync($"did:web:127.0.0.1%3A{listener.Port}#key-1");
        Assert.False(did.IsResolved);

        Assert.Equal(0, listener.Accepted);
        Assert.NotEqual(Verdict.Valid, report.Verdict);
        var fetchMessages = report.Checks.Where(c => c.Message.Contains("127.0.0.1", StringComparison.Ordinal) || c.Message.Contains("localhost", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fetchMessages);
        foreach (var check in fetchMessages.Append(new VerificationCheck("did", CheckStatus.CouldNotCheck, did.Reason!, null, "")))
        {
            Assert.DoesNotContain("refused", check.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("public", check.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("timed out", check.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SSL", check.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cli_verify_with_allow_fetch_makes_no_connection_to_loopback()
    {
        using var listener = new LoopbackListener();
        using var folder = new TempFolder();
        var path = folder.Write("c.json", (await PointingAtAsync(listener.Port)).ToString());
        var run = CliRun.Of("verify", "--allow-fetch", "--now", "2025-06-01T12:00:00Z", path);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(0, listener.Accepted);
    }

    [Fact]
    public async Task Cli_verify_with_an_allowed_network_connects()
    {
        using var listener = new LoopbackListener();
        using var folder = new TempFolder();
        var path = folder.Write("c.json", (await PointingAtAsync(listener.Port)).ToString());
        CliRun.Of("verify", "--allow-fetch", "--fetch-allow-network", "127.0.0.0/8", "--now", "2025-06-01T12:00:00Z", path);
        Assert.True(listener.Accepted > 0);
        Assert.Equal(2, CliRun.Of("verify", "--allow-fetch", "--fetch-allow-network", "not-a-network", path).ExitCode);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.0.9", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fc12::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Only_public_addresses_are_allowed_by_default(string address, bool allowed)
    {
        Assert.Equal(allowed, OutboundHttp.IsAllowed(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_allowed_network_opens_only_itself()
    {
        IReadOnlyList<IPNetwork> intranet = [IPNetwork.Parse("10.20.0.0/16")];
        Assert.True(OutboundHttp.IsAllowed(IPAddress.Parse("10.20.3.4"), intranet));
        Assert.False(OutboundHttp.IsAllowed(IPAddress.Parse("10.21.3.4"), intranet));
        Assert.False(OutboundHttp.IsAllowed(IPAddress.Parse("127.0.0.1"), intranet));
    }

    [Fact]
    public async Task A_redirect_to_a_refused_address_is_refused_at_connect_time()
    {
        // The first hop (127.0.0.1, allowed here) redirects to 127.0.0.2, which is not: the check runs per connection.
        using var target = new LoopbackListener(address: "127.0.0.2");
        using var first = new LoopbackListener(redirectTo: $"http://127.0.0.2:{target.Port}/doc");
        using var http = OutboundHttp.CreateClient(new OutboundHttpOptions { AllowedNetworks = [IPNetwork.Parse("127.0.0.1/32")] });
        var (text, error) = await BoundedHttp.GetTextAsync(http, new Uri($"http://127.0.0.1:{first.Port}/x"), 1024, CancellationToken.None);
        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Equal(1, first.Accepted);
        Assert.Equal(0, target.Accepted);

        // Allowing both, the redirect is followed (so the refusal above was the policy, not a broken redirect).
        using var both = OutboundHttp.CreateClient(new OutboundHttpOptions { AllowedNetworks = [IPNetwork.Parse("127.0.0.0/8")] });
        await BoundedHttp.GetTextAsync(both, new Uri($"http://127.0.0.1:{first.Port}/x"), 1024, CancellationToken.None);
        Assert.True(target.Accepted >= 1);
    }

    [Fact]
    public async Task A_body_trickling_one_byte_at_a_time_is_cut_at_the_deadline()
    {
        using var listener = new LoopbackListener(trickle: true);
        using var http = OutboundHttp.CreateClient(new OutboundHttpOptions { AllowedNetworks = [IPNetwork.Parse("127.0.0.0/8")], Timeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();
        var (text, error) = await BoundedHttp.GetTextAsync(http, new Uri($"http://127.0.0.1:{listener.Port}/slow"), 1024, CancellationToken.None);
        clock.Stop();
        Assert.Null(text);
        Assert.NotNull(error);
        Assert.Equal(1, listener.Accepted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"cut too early: {clock.Elapsed}");
    }

    [Fact]
    public async Task The_deadline_holds_for_a_caller_client_too()
    {
        using var listener = new LoopbackListener(trickle: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var (text, _) = await BoundedHttp.GetTextAsync(http, new Uri($"http://127.0.0.1:{listener.Port}/slow"), 1024, CancellationToken.None);
        Assert.Null(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
    }
}
