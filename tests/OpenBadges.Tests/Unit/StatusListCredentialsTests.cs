using OpenBadges.Status;

namespace OpenBadges.Tests.Unit;

public sealed class StatusListCredentialsTests
{
    [Fact]
    public void Status_list_credential_has_the_spec_shape()
    {
        var list = BitstringStatusList.Create();
        list.Set(5, true);
        var credential = StatusListCredentials.Create("https://uni.example/status/1", "did:web:uni.example", "revocation", list, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal("BitstringStatusListCredential", (string?)credential["type"]![1]);
        Assert.Equal("2026-01-01T00:00:00Z", (string?)credential["validFrom"]);
        var subject = credential["credentialSubject"]!;
        Assert.Equal("BitstringStatusList", (string?)subject["type"]);
        Assert.Equal("revocation", (string?)subject["statusPurpose"]);
        Assert.True(BitstringStatusList.Decode((string)subject["encodedList"]!).Get(5));
    }

    [Fact]
    public void Entry_points_at_the_index_as_a_string()
    {
        var entry = StatusListCredentials.Entry("https://uni.example/status/1", 94567, "suspension");
        Assert.Equal("94567", (string?)entry["statusListIndex"]);
        Assert.Equal("https://uni.example/status/1#94567", (string?)entry["id"]);
        Assert.Equal("BitstringStatusListEntry", (string?)entry["type"]);
        Assert.Throws<ArgumentException>(() => StatusListCredentials.Entry("https://uni.example/status/1", 1, "message"));
    }

    [Fact]
    public void Allocator_never_hands_out_an_index_twice_and_reports_a_full_list()
    {
        var allocator = new StatusListIndexAllocator(64, alreadyUsed: [3, 4]);
        var seen = new HashSet<int>();
        for (var i = 0; i < 62; i++)
        {
            Assert.True(seen.Add(allocator.Allocate()));
        }

        Assert.DoesNotContain(3, seen);
        Assert.DoesNotContain(4, seen);
        Assert.Equal(0, allocator.Remaining);
        Assert.Throws<InvalidOperationException>(() => allocator.Allocate());
    }

    [Fact]
    public void Allocator_is_safe_across_threads()
    {
        var allocator = new StatusListIndexAllocator(10_000);
        var all = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 10_000, _ => all.Add(allocator.Allocate()));
        Assert.Equal(10_000, all.Distinct().Count());
    }
}
