using OpenBadges.Status;

namespace OpenBadges.Tests.Unit;

public sealed class BitstringStatusListTests
{
    // Made independently with Python: gzip.compress of 16 KiB with bits 0, 42 and 131071 set
    // (most significant bit first), base64url without padding, 'u' prefix.
    private const string PythonEncoded = "uH4sIAMnSB2sC_-3BQQEAAAQEsNNEVNFp4bNtcjoAAAAAAAAAAAAAAAAAAADAn1rHIf2LAEAAAA";

    [Fact]
    public void Decodes_a_list_made_by_another_implementation()
    {
        var list = BitstringStatusList.Decode(PythonEncoded);
        Assert.Equal(131_072, list.Length);
        Assert.True(list.Get(0));
        Assert.True(list.Get(42));
        Assert.True(list.Get(131_071));
        Assert.False(list.Get(1));
        Assert.False(list.Get(41));
        Assert.False(list.Get(43));
    }

    [Fact]
    public void Encode_then_decode_keeps_every_bit()
    {
        var list = BitstringStatusList.Create();
        list.Set(7, true);
        list.Set(8, true);
        list.Set(100_000, true);
        list.Set(8, false);
        var decoded = BitstringStatusList.Decode(list.Encode());
        Assert.True(decoded.Get(7));
        Assert.False(decoded.Get(8));
        Assert.True(decoded.Get(100_000));
        Assert.StartsWith("u", list.Encode());
        Assert.DoesNotContain("=", list.Encode());
    }

    [Fact]
    public void Lists_shorter_than_the_minimum_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BitstringStatusList.Create(1024));

    [Fact]
    public void Index_out_of_range_is_refused()
    {
        var list = BitstringStatusList.Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Get(131_072));
        Assert.Throws<ArgumentOutOfRangeException>(() => list.Get(-1));
    }

    [Theory]
    [InlineData("H4sIAAAAAAAA")]        // no multibase prefix
    [InlineData("u!!!")]                // not base64url
    [InlineData("uAAAAAAAAAAA")]        // not gzip
    public void Malformed_encoded_lists_are_refused(string encoded) =>
        Assert.Throws<FormatException>(() => BitstringStatusList.Decode(encoded));

    [Fact]
    public void A_decompression_bomb_is_refused()
    {
        // Attack: a few KiB that inflate to far more than any real list.
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 9; i++)
            {
                gzip.Write(zeros);
            }
        }

        var bomb = "u" + System.Buffers.Text.Base64Url.EncodeToString(output.ToArray());
        Assert.Contains("refusing", Assert.Throws<FormatException>(() => BitstringStatusList.Decode(bomb)).Message);
    }
}
