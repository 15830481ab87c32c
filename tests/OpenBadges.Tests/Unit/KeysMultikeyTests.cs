using OpenBadges.Keys;

namespace OpenBadges.Tests.Unit;

public sealed class KeysMultikeyTests
{
    private const string Test1Multikey = KeysEd25519Tests.Test1Multikey;
    private static readonly byte[] Test1Public = Convert.FromHexString(KeysEd25519Tests.Test1PublicHex);

    [Fact]
    public void Encoding_is_z_base58btc_of_ed01_and_the_key()
    {
        Assert.Equal(Test1Multikey, Multikey.EncodeEd25519PublicKey(Test1Public));
        Assert.Equal(Test1Multikey, Multibase.EncodeBase58Btc([0xed, 0x01, .. Test1Public]));
        Assert.StartsWith(Multikey.Ed25519PublicKeyTextPrefix, Multikey.EncodeEd25519PublicKey(new byte[32]));
        Assert.True(Multikey.TryDecodeEd25519PublicKey(Test1Multikey, out var bytes, out var error), error);
        Assert.Equal(Test1Public, bytes);
    }

    // Each bad input, named, with a fragment the error must contain so the caller learns what is wrong.
    public static TheoryData<string, string?, string> BadMultikeys()
    {
        var data = new TheoryData<string, string?, string>
        {
            { "null", null, "missing" },
            { "empty", "", "missing" },
            { "base64url prefix", "u7QHXWpgBgrEKt9VL_tPJZAc6DuFy89qmIyWvAhpo9wdRGg", "prefix 'u'" },
            { "uppercase Z prefix", "Z" + Test1Multikey[1..], "prefix 'Z'" },
            { "no prefix (bare base58)", Test1Multikey[1..], "prefix '6'" },
            { "character 0 not in base58", Test1Multikey[..10] + "0" + Test1Multikey[11..], "base58btc alphabet" },
            { "character l not in base58", Test1Multikey[..10] + "l" + Test1Multikey[11..], "base58btc alphabet" },
            { "whitespace inside", Test1Multikey[..10] + " " + Test1Multikey[10..], "U+0020" },
            { "trailing newline", Test1Multikey + "\n", "U+000A" },
            { "only the prefix", "z", "empty" },
            { "one character too short (changes the leading bytes)", Test1Multikey[..^1], "multicodec header" },
            { "one character too long (changes the leading bytes)", Test1Multikey + "1", "multicodec header" },
            { "33-byte key", Multibase.EncodeBase58Btc([0xed, 0x01, .. Test1Public, 0x00]), "found 33" },
            { "31-byte key", Multibase.EncodeBase58Btc([0xed, 0x01, .. Test1Public[..31]]), "found 31" },
            { "missing multicodec header", Multibase.EncodeBase58Btc(Test1Public), "multicodec header" },
            { "x25519 multicodec (0xec)", Multibase.EncodeBase58Btc([0xec, 0x01, .. Test1Public]), "0xec 0x01" },
            { "P-256 multicodec (0x1200)", Multibase.EncodeBase58Btc([0x80, 0x24, 3, .. Test1Public]), "0x80 0x24" },
            { "secret key given as public", KeysEd25519Tests.Test1SecretMultibase, "secret key" },
            { "too long to decode", "z" + new string('2', 2000), "limit" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BadMultikeys))]
    public void Strict_decoding_rejects(string name, string? text, string expectedInError)
    {
        Assert.False(Ed25519PublicKey.TryParseMultibase(text, out var key, out var error), name);
        Assert.Null(key);
        Assert.Contains(expectedInError, error);
        Assert.False(Multikey.TryDecodeEd25519PublicKey(text, out _, out _));
        if (text is not null)
        {
            var e = Assert.Throws<FormatException>(() => Ed25519PublicKey.ParseMultibase(text));
            Assert.Contains(expectedInError, e.Message);
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(63)]
    [InlineData(65)]
    public void Secret_multikey_of_wrong_length_is_refused(int length)
    {
        var text = Multibase.EncodeBase58Btc([0x80, 0x26, .. new byte[length]]);
        Assert.False(Ed25519Key.TryFromSecretKeyMultibase(text, out _, out var error));
        Assert.Contains($"found {length}", error);
    }

    [Fact]
    public void Secret_key_error_does_not_echo_the_secret()
    {
        Assert.False(Ed25519PublicKey.TryParseMultibase(KeysEd25519Tests.Test1SecretMultibase, out _, out var error));
        Assert.DoesNotContain(KeysEd25519Tests.Test1SecretMultibase[4..], error);
    }

    [Theory]
    [InlineData("secret key with public header", "z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", "public key")]
    [InlineData("wrong prefix", "u3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61AX", "prefix 'u'")]
    [InlineData("truncated", "z3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61A", "multicodec header")]
    [InlineData("bad character", "z3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61AO", "alphabet")]
    public void Secret_multikey_strict_decoding_rejects(string name, string text, string expectedInError)
    {
        Assert.False(Ed25519Key.TryFromSecretKeyMultibase(text, out var key, out var error), name);
        Assert.Null(key);
        Assert.Contains(expectedInError, error);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "Zg")]
    [InlineData("fo", "Zm8")]
    [InlineData("foo", "Zm9v")]
    [InlineData("foob", "Zm9vYg")]
    public void Base64url_round_trips(string plain, string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(plain);
        Assert.Equal("u" + encoded, Multibase.EncodeBase64Url(bytes));
        if (encoded.Length > 0)
        {
            Assert.True(Multibase.TryDecode("u" + encoded, out var decoded, out var error), error);
            Assert.Equal(bytes, decoded);
        }

        Assert.True(Multibase.TryDecodeBase64Url(encoded, out var raw, out _));
        Assert.Equal(bytes, raw);
    }

    [Theory]
    [InlineData("padding", "Zg==", "padding")]
    [InlineData("standard alphabet plus", "a+b/", "base64url alphabet")]
    [InlineData("impossible length", "Zm9vY", "whole number of bytes")]
    [InlineData("non-canonical trailing bits", "Zh", "not canonical")]
    [InlineData("non-canonical trailing bits, 3 chars", "Zm9", "not canonical")]
    public void Base64url_strict_decoding_rejects(string name, string text, string expectedInError)
    {
        Assert.False(Multibase.TryDecodeBase64Url(text, out _, out var error), name);
        Assert.Contains(expectedInError, error);
        Assert.False(Multibase.TryDecode("u" + text, out _, out error), name);
        Assert.Contains(expectedInError, error);
    }

    [Fact]
    public void Unknown_multibase_prefix_is_named()
    {
        Assert.False(Multibase.TryDecode("f00ff", out _, out var error));
        Assert.Contains("prefix 'f'", error);
        Assert.Throws<FormatException>(() => Multibase.Decode("m AAA"));
        Assert.Equal(new byte[] { 0, 0, 1 }, Multibase.Decode("z112"));
    }
}
