using System.Net;
using OpenBadges.Oid4Vci;

namespace OpenBadges.Tests.Oid4Vci;

/// <summary>State the unauthenticated endpoints create stays bounded, and what expires is gone.</summary>
public sealed class BoundedStateTests
{
    [Fact]
    public void The_nonce_store_refuses_beyond_its_cap_until_nonces_expire_or_are_used()
    {
        var clock = new ManualClock();
        var store = new NonceStore(clock, TimeSpan.FromMinutes(5), maxOutstanding: 3);
        var nonces = new[] { store.TryIssue(), store.TryIssue(), store.TryIssue() };
        Assert.All(nonces, Assert.NotNull);
        Assert.Null(store.TryIssue());

        Assert.True(store.TryConsume(nonces[0]!));
        Assert.False(store.TryConsume(nonces[0]!));
        Assert.NotNull(store.TryIssue());
        Assert.Null(store.TryIssue());

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(store.TryConsume(nonces[1]!));
        Assert.NotNull(store.TryIssue());
    }

    [Fact]
    public async Task An_offer_by_reference_is_no_longer_served_once_its_pre_authorized_code_expired()
    {
        var clock = new ManualClock();
        await using var host = await IssuerHost.StartAsync(clock);
        var offer = host.Issuer.CreateOffer(IssuerHost.AwardId);
        var url = new Uri(offer.ReferenceUrl);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(url)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync(url)).StatusCode);
    }
}
