using System.Security.Cryptography;
using System.Text;
using OpenBadges.Keys;

namespace OpenBadges.Tests.Unit;

public sealed class KeysEd25519Tests
{
    // RFC 8032 §7.1, TEST 1–3: secret key (seed), public key, message, signature. Hard-coded from the RFC.
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    internal const string Test1SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    internal const string Test1PublicHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    internal const string Test1DidKey = "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw";
    internal const string Test1Multikey = "z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw";
    internal const string Test1SecretMultibase = "z3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61AX";

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Rfc8032_vector_derives_the_public_key_and_reproduces_the_signature(string seedHex, string publicHex, string messageHex, string signatureHex)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seedHex));
        var message = Convert.FromHexString(messageHex);

        Assert.Equal(publicHex, Convert.ToHexStringLower(key.PublicKey.Bytes));
        Assert.Equal(signatureHex, Convert.ToHexStringLower(key.Sign(message)));

        Span<byte> signature = stackalloc byte[Ed25519Key.SignatureSize];
        key.Sign(message, signature);
        Assert.Equal(signatureHex, Convert.ToHexStringLower(signature));
        Assert.True(key.PublicKey.Verify(message, signature));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Rfc8032_vector_verifies_and_any_flipped_bit_fails(string seedHex, string publicHex, string messageHex, string signatureHex)
    {
        _ = seedHex;
        var publicKey = Ed25519PublicKey.FromBytes(Convert.FromHexString(publicHex));
        var message = Convert.FromHexString(messageHex);
        var signature = Convert.FromHexString(signatureHex);
        Assert.True(publicKey.Verify(message, signature));

        for (var bit = 0; bit < signature.Length * 8; bit += 37)
        {
            var tampered = (byte[])signature.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(publicKey.Verify(message, tampered));
        }

        Assert.False(publicKey.Verify([.. message, 0x00], signature));
        Assert.False(publicKey.Verify(message, signature.AsSpan(0, 63)));
    }

    [Fact]
    public void Test1_key_has_the_known_did_key_and_secret_multibase()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Test1SeedHex), allowSecretExport: true);

        Assert.Equal(Test1Multikey, key.PublicKey.ToMultibase());
        Assert.Equal(Test1DidKey, key.PublicKey.ToDidKey());
        Assert.Equal(Test1DidKey + "#" + Test1Multikey, key.PublicKey.ToDidKeyVerificationMethodId());
        Assert.Equal(Test1SecretMultibase, key.ExportSecretKeyMultibase());
    }

    [Fact]
    public void Secret_multibase_round_trips_and_64_byte_form_is_accepted()
    {
        using var fromText = Ed25519Key.FromSecretKeyMultibase(Test1SecretMultibase);
        Assert.Equal(Test1Multikey, fromText.PublicKey.ToMultibase());

        var sixtyFour = Multibase.EncodeBase58Btc([0x80, 0x26, .. Convert.FromHexString(Test1SeedHex + Test1PublicHex)]);
        using var fromLong = Ed25519Key.FromSecretKeyMultibase(sixtyFour);
        Assert.Equal(fromText.PublicKey, fromLong.PublicKey);

        using var fromHex = Ed25519Key.FromSecretKeyHex(Test1SeedHex + Test1PublicHex);
        Assert.Equal(fromText.PublicKey, fromHex.PublicKey);
    }

    [Fact]
    public void A_64_byte_secret_whose_public_half_does_not_match_is_refused()
    {
        var wrongPublic = Convert.FromHexString("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        var text = Multibase.EncodeBase58Btc([0x80, 0x26, .. Convert.FromHexString(Test1SeedHex), .. wrongPublic]);

        Assert.False(Ed25519Key.TryFromSecretKeyMultibase(text, out var key, out var error));
        Assert.Null(key);
        Assert.Contains("public half", error);
        Assert.False(Ed25519Key.TryFromSecretKeyHex(Test1SeedHex + Convert.ToHexStringLower(wrongPublic), out _, out error));
        Assert.Contains("public half", error);
        Assert.Throws<FormatException>(() => Ed25519Key.FromSecretKeyMultibase(text));
    }

    [Fact]
    public void Secret_export_is_refused_by_default_and_says_how_to_allow_it()
    {
        using var generated = Ed25519Key.Generate();
        using var seeded = Ed25519Key.FromSeed(Convert.FromHexString(Test1SeedHex));
        using var read = Ed25519Key.FromSecretKeyMultibase(Test1SecretMultibase);

        foreach (var key in new[] { generated, seeded, read })
        {
            Assert.False(key.AllowsSecretExport);
            var e = Assert.Throws<InvalidOperationException>(() => key.ExportSecretKeyMultibase());
            Assert.Contains("allowSecretExport: true", e.Message);
            Assert.Throws<InvalidOperationException>(() => key.ExportSeed(new byte[32]));
            Assert.Throws<InvalidOperationException>(() => Jwk.FromKey(key, includePrivateKey: true));
        }
    }

    [Fact]
    public void Export_when_allowed_yields_the_seed()
    {
        using var key = Ed25519Key.Generate(allowSecretExport: true);
        var seed = new byte[32];
        key.ExportSeed(seed);
        using var again = Ed25519Key.FromSeed(seed);
        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.Equal(key.ExportSecretKeyMultibase(), Multibase.EncodeBase58Btc([0x80, 0x26, .. seed]));
    }

    [Fact]
    public void ToString_never_reveals_secret_material()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Test1SeedHex), allowSecretExport: true);
        using var file = Ed25519KeyFile.Create(Ed25519Key.FromSeed(Convert.FromHexString(Test1SeedHex), allowSecretExport: true));
        var texts = new[] { key.ToString(), file.ToString(), Ed25519Signer.ForDidKey(key).ToString(), file.ToVerificationMethod().ToString() };

        foreach (var text in texts)
        {
            Assert.DoesNotContain(Test1SecretMultibase, text);
            Assert.DoesNotContain(Test1SeedHex, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(Convert.FromHexString(Test1SeedHex)).TrimEnd('='), text);
            Assert.DoesNotContain("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A", text);
        }

        Assert.Contains(Test1Multikey, key.ToString());
    }

    [Fact]
    public void Serializing_a_key_or_key_file_by_accident_carries_no_secret()
    {
        using var file = Ed25519KeyFile.Create(Ed25519Key.FromSeed(Convert.FromHexString(Test1SeedHex), allowSecretExport: true));
        var settings = new Newtonsoft.Json.JsonSerializerSettings { ReferenceLoopHandling = Newtonsoft.Json.ReferenceLoopHandling.Ignore };

        foreach (var value in new object[] { file, file.Key, file.PublicKey, file.CreateSigner() })
        {
            var json = Newtonsoft.Json.JsonConvert.SerializeObject(value, settings);
            Assert.DoesNotContain(Test1SecretMultibase, json);
            Assert.DoesNotContain(Test1SeedHex, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(Convert.FromHexString(Test1SeedHex)), json);
        }
    }

    [Fact]
    public void Error_messages_do_not_repeat_the_secret()
    {
        var broken = Test1SecretMultibase[..^1] + "0"; // '0' is not in the base58 alphabet
        var e = Assert.Throws<FormatException>(() => Ed25519Key.FromSecretKeyMultibase(broken));
        Assert.DoesNotContain(Test1SecretMultibase[4..20], e.Message);
        Assert.Contains("base58btc alphabet", e.Message);
    }

    [Fact]
    public void Misuse_throws_argument_exceptions()
    {
        Assert.Throws<ArgumentException>(() => Ed25519Key.FromSeed(new byte[31]));
        Assert.Throws<ArgumentException>(() => Ed25519Key.FromSeed(new byte[64]));
        using var key = Ed25519Key.Generate();
        Assert.Throws<ArgumentException>(() => key.Sign([1, 2, 3], new byte[63]));
        Assert.Throws<ArgumentException>(() => Ed25519PublicKey.FromBytes(new byte[31]));
    }

    [Fact]
    public void A_disposed_key_refuses_to_sign()
    {
        var key = Ed25519Key.Generate();
        key.Dispose();
        key.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => key.Sign([1]));
        Assert.Contains("disposed", key.ToString());
    }

    [Fact]
    public void Generated_keys_differ_and_sign_verifiably_from_many_threads()
    {
        using var a = Ed25519Key.Generate();
        using var b = Ed25519Key.Generate();
        Assert.NotEqual(a.PublicKey, b.PublicKey);

        Parallel.For(0, 64, i =>
        {
            var data = Encoding.UTF8.GetBytes("message " + i);
            Assert.True(a.PublicKey.Verify(data, a.Sign(data)));
            Assert.False(b.PublicKey.Verify(data, a.Sign(data)));
        });
    }

    [Fact]
    public void Public_key_equality_is_by_value()
    {
        var one = Ed25519PublicKey.ParseMultibase(Test1Multikey);
        var two = Ed25519PublicKey.FromBytes(Convert.FromHexString(Test1PublicHex));
        Assert.Equal(one, two);
        Assert.True(one == two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.Equal(Test1Multikey, one.ToString());
        var copy = one.ToArray();
        copy[0] ^= 1;
        Assert.Equal(Test1PublicHex, Convert.ToHexStringLower(one.Bytes));
    }

    [Fact]
    public async Task Ed25519Signer_signs_under_its_key_id()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Test1SeedHex));
        ISigner signer = Ed25519Signer.ForDidKey(key);
        Assert.Equal(Test1DidKey + "#" + Test1Multikey, signer.KeyId);
        Assert.Equal("Ed25519", signer.Algorithm);

        var signature = await signer.SignAsync(Array.Empty<byte>());
        Assert.Equal(Rfc8032Test1Signature, Convert.ToHexStringLower(signature));
        Assert.Throws<ArgumentException>(() => new Ed25519Signer(key, " "));
    }

    [Fact]
    public async Task A_signer_whose_key_lives_elsewhere_produces_verifiable_signatures()
    {
        // The "KMS" keeps its keys in its own object and only ever hands out signatures and public keys.
        var kms = new FakeKeyManagementService();
        var publicKey = kms.CreateKey("issuer-signing-key");
        ISigner signer = new RemoteSigner(kms, "issuer-signing-key", publicKey.ToDidKeyVerificationMethodId());

        var data = Encoding.UTF8.GetBytes("proofHash ‖ documentHash");
        var signature = await signer.SignAsync(data);

        Assert.Equal(64, signature.Length);
        Assert.True(publicKey.Verify(data, signature));
        Assert.Equal(publicKey, DidKey.Parse(signer.KeyId));
        Assert.DoesNotContain(
            typeof(RemoteSigner).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic),
            f => f.FieldType == typeof(Ed25519Key) || f.FieldType == typeof(byte[]));
        Assert.Equal(1, kms.SignCalls);
    }

    private const string Rfc8032Test1Signature =
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private sealed class FakeKeyManagementService
    {
        private readonly Dictionary<string, Ed25519Key> _keys = [];

        public int SignCalls { get; private set; }

        public Ed25519PublicKey CreateKey(string name)
        {
            var key = Ed25519Key.Generate();
            _keys[name] = key;
            return key.PublicKey;
        }

        public async Task<byte[]> SignAsync(string name, byte[] data, CancellationToken cancellationToken)
        {
            await Task.Yield(); // a network hop
            cancellationToken.ThrowIfCancellationRequested();
            SignCalls++;
            return _keys[name].Sign(data);
        }
    }

    private sealed class RemoteSigner(FakeKeyManagementService kms, string keyName, string keyId) : ISigner
    {
        public string KeyId => keyId;

        public string Algorithm => "Ed25519";

        public async ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
            await kms.SignAsync(keyName, data.ToArray(), cancellationToken);
    }
}
