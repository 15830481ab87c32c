using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class KeysKeyFileTests
{
    private const string Test1Multikey = KeysEd25519Tests.Test1Multikey;
    private const string Test1DidKey = KeysEd25519Tests.Test1DidKey;
    private const string Test1Secret = KeysEd25519Tests.Test1SecretMultibase;

    [SharedDataFact]
    public void Reference_stack_key_json_parses_and_agrees_with_rfc8032_test1()
    {
        var json = File.ReadAllText(SharedData.Conformance("reference-stack/key.json"));
        using var file = Ed25519KeyFile.Parse(json, allowSecretExport: true);

        Assert.Equal(Test1DidKey, file.Controller);
        Assert.Equal(Test1DidKey + "#" + Test1Multikey, file.Id);
        Assert.Equal(KeysEd25519Tests.Test1PublicHex, Convert.ToHexStringLower(file.PublicKey.Bytes));
        Assert.Equal(Test1Secret, file.Key.ExportSecretKeyMultibase());

        // Written back, it is the same file minus the hex conveniences.
        var original = JObject.Parse(json);
        var written = file.ToJObject();
        foreach (var name in new[] { "id", "type", "controller", "publicKeyMultibase", "secretKeyMultibase" })
        {
            Assert.Equal((string?)original[name], (string?)written[name]);
        }
    }

    [SharedDataFact]
    public void Vc_di_eddsa_key_pair_with_privateKeyMultibase_parses()
    {
        var json = File.ReadAllText(SharedData.Conformance("vc-di-eddsa/keyPair.json"));
        using var file = Ed25519KeyFile.Parse(json);
        var stated = (string)JObject.Parse(json)["publicKeyMultibase"]!;

        Assert.Equal(stated, file.PublicKey.ToMultibase());
        Assert.Equal("did:key:" + stated, file.Controller);
        Assert.Equal("did:key:" + stated + "#" + stated, file.Id);

        var data = "vc-di-eddsa"u8.ToArray();
        Assert.True(Ed25519PublicKey.ParseMultibase(stated).Verify(data, file.Key.Sign(data)));
    }

    [SharedDataFact]
    public void Proof_set_multi_key_pairs_all_parse_and_agree()
    {
        var pairs = JObject.Parse(File.ReadAllText(SharedData.Conformance("vc-di-eddsa/proof-set-chain/multiKeyPairs.json")));
        Assert.Equal(4, pairs.Count);
        foreach (var (name, pair) in pairs)
        {
            Assert.True(Ed25519KeyFile.TryRead((JObject)pair!, out var file, out var error), $"{name}: {error}");
            using (file)
            {
                Assert.Equal((string?)pair!["publicKeyMultibase"], file.PublicKey.ToMultibase());
            }
        }
    }

    [SharedDataFact]
    public void Ob3_test_vector_key_parses_from_64_byte_hex_under_an_https_controller()
    {
        var vector = JObject.Parse(File.ReadAllText(SharedData.Conformance("ob3/test-vector/vector.json")));
        var verificationMethod = (string)vector["verificationMethod"]!;
        var controller = verificationMethod[..verificationMethod.IndexOf('#')];
        var keyFile = new JObject
        {
            ["id"] = verificationMethod,
            ["controller"] = controller,
            ["publicKeyMultibase"] = vector["publicKeyMultibase"],
            ["secretKeyHex"] = vector["secretKeyHex"],
        };

        Assert.True(Ed25519KeyFile.TryRead(keyFile, out var file, out var error), error);
        using (file)
        {
            Assert.Equal(controller, file.Controller);
            Assert.Equal(verificationMethod, file.Id);
            Assert.Equal((string?)vector["publicKeyHex"], Convert.ToHexStringLower(file.PublicKey.Bytes));

            // The vector's signature is over proofHash ‖ documentHash.
            var signed = Convert.FromHexString((string)vector["proofHashHex"]! + (string)vector["documentHashHex"]!);
            Assert.Equal((string?)vector["signatureHex"], Convert.ToHexStringLower(file.Key.Sign(signed)));
        }

        var resolved = MultikeyFragmentResolver.Resolve(verificationMethod);
        Assert.True(resolved.IsResolved, resolved.Reason);
        Assert.Equal(controller, resolved.Controller);
        Assert.Equal((string?)vector["publicKeyMultibase"], resolved.PublicKey.ToMultibase());
    }

    [Fact]
    public void Generated_file_round_trips_through_json()
    {
        using var file = Ed25519KeyFile.Generate();
        var json = file.ToJson();
        using var read = Ed25519KeyFile.Parse(json, allowSecretExport: true);

        Assert.Equal(file.PublicKey, read.PublicKey);
        Assert.Equal(file.Id, read.Id);
        Assert.Equal(file.Controller, read.Controller);
        Assert.Equal(json, read.ToJson());
        var parsed = JObject.Parse(json);
        Assert.Equal("Multikey", (string?)parsed["type"]);
        Assert.Equal(parsed["controller"] + "#" + parsed["publicKeyMultibase"], (string?)parsed["id"]);
        Assert.StartsWith("z3u2", (string?)parsed["secretKeyMultibase"]);
    }

    [Fact]
    public void A_key_file_read_without_export_cannot_be_written_back()
    {
        using var file = Ed25519KeyFile.Parse(FileWith());
        Assert.Throws<InvalidOperationException>(() => file.ToJson());
        Assert.DoesNotContain("secret", file.ToVerificationMethod().ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_different_controller_is_kept_and_id_is_what_the_file_says()
    {
        using var web = Ed25519KeyFile.Parse(FileWith(("controller", "did:web:example.edu"), ("id", "did:web:example.edu#key-1")));
        Assert.Equal("did:web:example.edu", web.Controller);
        Assert.Equal("did:web:example.edu#key-1", web.Id);
        Assert.Equal("did:web:example.edu#key-1", web.CreateSigner().KeyId);

        using var https = Ed25519KeyFile.Parse(FileWith(("controller", "https://example.edu/issuers/565049"), ("id", null)));
        Assert.Equal("https://example.edu/issuers/565049#" + Test1Multikey, https.Id);

        using var relative = Ed25519KeyFile.Parse(FileWith(("controller", "https://example.edu/issuers/565049"), ("id", "#key-2")));
        Assert.Equal("https://example.edu/issuers/565049#key-2", relative.Id);
    }

    // Each case: a file that disagrees with itself, and the field the error must name.
    public static TheoryData<string, string, string> Mismatches() => new()
    {
        { "public key of another key", FileWith(("publicKeyMultibase", "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")), "'publicKeyMultibase'" },
        { "public key not a multikey", FileWith(("publicKeyMultibase", "zzz")), "'publicKeyMultibase'" },
        { "publicKeyHex of another key", FileWith(("publicKeyHex", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")), "'publicKeyHex'" },
        { "did:key controller of another key", FileWith(("controller", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"), ("id", null)), "controller 'did:key:z6MkrJ" },
        { "did:key id with another fragment", FileWith(("id", Test1DidKey + "#key-1")), "id must be" },
        { "id naming another multikey", FileWith(("controller", "https://example.edu/i/1"), ("id", "https://example.edu/i/1#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")), "names the Multikey of a different key" },
        { "id is a did:key of another key", FileWith(("controller", "https://example.edu/i/1"), ("id", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")), "did:key URL of a different key" },
        { "controller not a DID or URL", FileWith(("controller", "example.edu"), ("id", null)), "controller 'example.edu'" },
        { "controller with a fragment", FileWith(("controller", "https://example.edu/i/1#x"), ("id", null)), "controller 'https://example.edu/i/1#x'" },
        { "wrong type", FileWith(("type", "JsonWebKey")), "'type'" },
        { "no secret", FileWith(("secretKeyMultibase", null)), "no secret key" },
        { "secret not a string", "{\"secretKeyMultibase\": 5}", "'secretKeyMultibase' must be a string" },
        { "broken secret", FileWith(("secretKeyMultibase", "z3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61A")), "'secretKeyMultibase'" },
        { "two secrets disagree", FileWith(("seedHex", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")), "'seedHex'" },
        { "seedHex of 64 bytes", FileWith(("secretKeyMultibase", null), ("seedHex", KeysEd25519Tests.Test1SeedHex + KeysEd25519Tests.Test1PublicHex)), "'seedHex'" },
        { "not JSON", "{\"id\": ", "JSON" },
        { "duplicate member", "{\"secretKeyMultibase\": \"" + Test1Secret + "\", \"secretKeyMultibase\": \"" + Test1Secret + "\"}", "JSON" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Disagreeing_files_are_refused_naming_the_field(string name, string json, string field)
    {
        Assert.False(Ed25519KeyFile.TryParse(json, out var file, out var error), name);
        Assert.Null(file);
        Assert.Contains(field, error);
        Assert.DoesNotContain(Test1Secret[4..], error);
        Assert.DoesNotContain(KeysEd25519Tests.Test1SeedHex, error);
        var e = Assert.Throws<FormatException>(() => Ed25519KeyFile.Parse(json));
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void Seed_hex_alone_is_enough_and_agreeing_secrets_are_accepted()
    {
        using var seedOnly = Ed25519KeyFile.Parse(FileWith(("secretKeyMultibase", null), ("seedHex", KeysEd25519Tests.Test1SeedHex)));
        Assert.Equal(Test1Multikey, seedOnly.PublicKey.ToMultibase());

        var sixtyFour = Multibase.EncodeBase58Btc([0x80, 0x26, .. Convert.FromHexString(KeysEd25519Tests.Test1SeedHex + KeysEd25519Tests.Test1PublicHex)]);
        using var all = Ed25519KeyFile.Parse(FileWith(("secretKeyMultibase", sixtyFour), ("privateKeyMultibase", Test1Secret), ("seedHex", KeysEd25519Tests.Test1SeedHex)));
        Assert.Equal(Test1Multikey, all.PublicKey.ToMultibase());
    }

    [Fact]
    public void Create_checks_controller_and_id_agreement()
    {
        var key = Ed25519Key.FromSecretKeyMultibase(Test1Secret);
        try
        {
            Assert.Throws<ArgumentException>(() => Ed25519KeyFile.Create(key, "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
            Assert.Throws<ArgumentException>(() => Ed25519KeyFile.Create(key, null, "did:key:other#x"));
        }
        finally
        {
            key.Dispose();
        }
    }

    [Fact]
    public void Save_writes_an_owner_only_file_and_refuses_to_overwrite()
    {
        var directory = Directory.CreateTempSubdirectory("openbadges-keys-");
        try
        {
            var path = Path.Combine(directory.FullName, "issuer.key.json");
            using var file = Ed25519KeyFile.Generate("https://example.edu/issuers/1");
            file.Save(path);

            using var loaded = Ed25519KeyFile.Load(path);
            Assert.Equal(file.Id, loaded.Id);
            Assert.Equal(file.PublicKey, loaded.PublicKey);
            Assert.Throws<IOException>(() => file.Save(path));
            file.Save(path, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Disposing_the_file_disposes_its_key()
    {
        var file = Ed25519KeyFile.Generate();
        file.Dispose();
        Assert.Throws<ObjectDisposedException>(() => file.Key.Sign([1]));
    }

    /// <summary>The reference test-1 key file with members replaced (null removes the member).</summary>
    internal static string FileWith(params (string Name, string? Value)[] changes)
    {
        var json = new JObject
        {
            ["id"] = Test1DidKey + "#" + Test1Multikey,
            ["type"] = "Multikey",
            ["controller"] = Test1DidKey,
            ["publicKeyMultibase"] = Test1Multikey,
            ["secretKeyMultibase"] = Test1Secret,
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                json.Remove(name);
            }
            else
            {
                json[name] = value;
            }
        }

        return json.ToString();
    }
}
