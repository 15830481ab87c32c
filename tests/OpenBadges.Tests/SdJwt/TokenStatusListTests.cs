using Newtonsoft.Json.Linq;
using OpenBadges.SdJwt;

namespace OpenBadges.Tests.SdJwt;

/// <summary>The Token Status List bit array against the draft's examples (draft-ietf-oauth-status-list §4.1).</summary>
public sealed class TokenStatusListTests
{
    [Fact]
    public void The_one_bit_example_of_the_draft_reads_back()
    {
        // 16 statuses 1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1 = bytes B9 A3, published as "eNrbuRgAAhcBXQ".
        Assert.True(TokenStatusList.TryRead(new JObject { ["bits"] = 1, ["lst"] = "eNrbuRgAAhcBXQ" }, 1024, out var list, out var error), error);
        Assert.Equal(16, list!.Count);
        Assert.Equal(new byte[] { 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1 }, Enumerable.Range(0, 16).Select(i => list[i]));
    }

    [Fact]
    public void The_two_bit_example_of_the_draft_reads_back()
    {
        Assert.True(TokenStatusList.TryRead(new JObject { ["bits"] = 2, ["lst"] = "eNo76fITAAPfAgc" }, 1024, out var list, out var error), error);
        Assert.Equal(new byte[] { 1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3 }, Enumerable.Range(0, 12).Select(i => list![i]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Every_width_round_trips_through_zlib(int bits)
    {
        var list = new TokenStatusList(1000, bits);
        var max = (1 << bits) - 1;
        for (var i = 0; i < 1000; i += 7)
        {
            list[i] = (byte)(i % (max + 1));
        }

        Assert.True(TokenStatusList.TryRead(list.ToJson(), 1 << 20, out var back, out var error), error);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(list[i], back![i]);
        }

        if (bits < 8)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => list[0] = (byte)(max + 1));
        }
    }

    [Fact]
    public void A_decompression_bomb_and_bad_widths_are_refused()
    {
        var big = new TokenStatusList(8_000_000, 1).ToJson();
        Assert.False(TokenStatusList.TryRead(big, 1024, out _, out var error));
        Assert.Contains("more than 1024 bytes", error, StringComparison.Ordinal);
        Assert.False(TokenStatusList.TryRead(new JObject { ["bits"] = 3, ["lst"] = "eNrbuRgAAhcBXQ" }, 1024, out _, out _));
        Assert.False(TokenStatusList.TryRead(new JObject { ["bits"] = 1, ["lst"] = "AAAA" }, 1024, out _, out _));
    }
}
