using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The W3C vc-di-ecdsa vectors for ecdsa-rdfc-2019 and ecdsa-jcs-2019 on P-256 and P-384, byte for byte: canonical
/// proof configuration and document, their hashes, the combined hash. ECDSA signatures are randomized, so the
/// vector's signature is verified (over the vector's combined hash and through the verifier), and ours must verify
/// over the vector's hash data with the vector's public key.
/// </summary>
public sealed class EcdsaVectorTests
{
    public static TheoryData<string, string, string, string> Suites() => new()
    {
        // folder, file suffix, cryptosuite, input document (the key pair follows the folder: p256 or p384)
        { "ecdsa-rdfc-2019-p256", "ECDSAP256", "ecdsa-rdfc-2019", "unsigned.json" },
        { "ecdsa-rdfc-2019-p256/employ", "ECDSAP256", "ecdsa-rdfc-2019", "employmentAuth.json" },
        { "ecdsa-rdfc-2019-p384", "ECDSAP384", "ecdsa-rdfc-2019", "unsigned.json" },
        { "ecdsa-rdfc-2019-p384/employ", "ECDSAP384", "ecdsa-rdfc-2019", "employmentAuth.json" },
        { "ecdsa-jcs-2019-p256", "JCSECDSAP256", "ecdsa-jcs-2019", "unsigned.json" },
        { "ecdsa-jcs-2019-p384", "JCSECDSAP384", "ecdsa-jcs-2019", "unsigned.json" },
    };

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public void Canonical_forms_and_hashes_match_the_vector(string folder, string suffix, string suiteName, string input)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var dir = Dir(folder);
        var proofConfig = TestContexts.ReadObject(Path.Combine(dir, $"proofConfig{suffix}.json"));
        var document = TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/" + input));

        var hashLength = folder.Contains("p384", StringComparison.Ordinal) ? 48 : 32;
        var canonicalProof = ProofHashing.Canonicalize(suite, proofConfig, TestContexts.Options, default, hashLength);
        var canonicalDocument = ProofHashing.Canonicalize(suite, document, TestContexts.Options, default, hashLength);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"proofCanon{suffix}.txt")), canonicalProof);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"canonDoc{suffix}.txt")), canonicalDocument);
        Assert.Equal(ReadHex(dir, $"proofHash{suffix}.txt"), Hash(folder, canonicalProof));
        Assert.Equal(ReadHex(dir, $"docHash{suffix}.txt"), Hash(folder, canonicalDocument));

        // The hash path the signer and verifier take (views, no strings) gives the same combined hash.
        var proof = (JObject)proofConfig.DeepClone();
        var context = proof["@context"];
        proof.Remove("@context");
        var hashData = ProofHashing.HashData(suite, ProofHashing.ConfigurationView(proof, context), OpenBadges.Json.DocumentView.Whole(document), TestContexts.Options, default, hashLength);
        Assert.Equal(ReadHex(dir, $"combinedHash{suffix}.txt"), Convert.ToHexStringLower(hashData));
    }

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public void The_vector_signature_verifies_over_the_combined_hash(string folder, string suffix, string suiteName, string input)
    {
        _ = suiteName;
        _ = input;
        var dir = Dir(folder);
        var key = EcdsaPublicKey.ParseMultibase((string)KeyPair(folder)["publicKeyMultibase"]!);
        var combined = Convert.FromHexString(ReadHex(dir, $"combinedHash{suffix}.txt"));
        var signature = Convert.FromHexString(ReadHex(dir, $"sigHex{suffix}.txt"));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"sigBTC58{suffix}.txt")).Trim(), Multibase.EncodeBase58Btc(signature));
        Assert.True(key.Verify(combined, signature));

        combined[0] ^= 1;
        Assert.False(key.Verify(combined, signature));
    }

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public async Task The_signed_vector_verifies_and_a_changed_one_does_not(string folder, string suffix, string suiteName, string input)
    {
        _ = input;
        var signed = TestContexts.ReadObject(Path.Combine(Dir(folder), $"signed{suffix}.json"));
        var options = new ProofVerificationOptions { JsonLd = TestContexts.Options, RequireControllerToBeIssuer = false };
        var result = await DataIntegrityVerifier.VerifyAsync(signed, options);
        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(suiteName, result.Proofs[0].Suite);

        var tampered = (JObject)signed.DeepClone();
        tampered["validFrom"] = "2023-01-02T00:00:00Z";
        var changed = await DataIntegrityVerifier.VerifyAsync(tampered, options);
        Assert.False(changed.IsValid);
        Assert.Contains(changed.AllChecks, c => c.Name == "proof.signature" && c.Status == CheckStatus.Failed);
    }

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public async Task Signing_with_the_vector_key_makes_the_vector_proof_with_a_signature_over_the_vector_hash(string folder, string suffix, string suiteName, string input)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var dir = Dir(folder);
        var expected = TestContexts.ReadObject(Path.Combine(dir, $"signed{suffix}.json"));
        var proofConfig = TestContexts.ReadObject(Path.Combine(dir, $"proofConfig{suffix}.json"));
        Assert.True(EcdsaKeyFile.TryRead(KeyPair(folder), out var keyFile, out var error), error);
        using (keyFile)
        {
            var options = new ProofOptions
            {
                Created = DateTimeOffset.Parse((string)proofConfig["created"]!, System.Globalization.CultureInfo.InvariantCulture),
                VerificationMethod = (string)proofConfig["verificationMethod"]!,
                JsonLd = TestContexts.Options,
            };
            var signed = await DataIntegritySigner.SignAsync(TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/" + input)), keyFile.CreateSigner(), suite, options);

            // Everything but the (randomized) proofValue is the vector's.
            var ours = (JObject)signed.DeepClone();
            var theirs = (JObject)expected.DeepClone();
            var proofValue = (string)ours["proof"]!["proofValue"]!;
            ((JObject)ours["proof"]!).Remove("proofValue");
            ((JObject)theirs["proof"]!).Remove("proofValue");
            Assert.True(JToken.DeepEquals(theirs, ours), "signed document differs:\n" + signed);

            var signature = Multibase.Decode(proofValue);
            Assert.Equal(folder.Contains("p384", StringComparison.Ordinal) ? 96 : 64, signature.Length);
            Assert.True(keyFile.PublicKey.Verify(Convert.FromHexString(ReadHex(dir, $"combinedHash{suffix}.txt")), signature));
            var verified = await DataIntegrityVerifier.VerifyAsync(signed, new ProofVerificationOptions { JsonLd = TestContexts.Options, RequireControllerToBeIssuer = false });
            Assert.True(verified.IsValid, Describe(verified));
        }
    }

    [SharedDataTheory]
    [InlineData("p256KeyPair.json", EcdsaCurve.P256, "zDn")]
    [InlineData("p384KeyPair.json", EcdsaCurve.P384, "z82")]
    public void The_vector_key_pairs_read_and_round_trip(string file, EcdsaCurve curve, string prefix)
    {
        var pair = TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/" + file));
        Assert.True(EcdsaKeyFile.TryRead(pair, out var keyFile, out var error), error);
        using (keyFile)
        {
            Assert.Equal(curve, keyFile.Curve);
            Assert.StartsWith(prefix, keyFile.PublicKey.ToMultibase(), StringComparison.Ordinal);
            Assert.Equal((string)pair["publicKeyMultibase"]!, keyFile.PublicKey.ToMultibase());
            Assert.Equal((string)pair["secretKeyMultibase"]!, (string)keyFile.ToJObject()["secretKeyMultibase"]!);
            Assert.Equal("did:key:" + pair["publicKeyMultibase"], keyFile.Controller);
        }
    }

    private static string Dir(string folder) => SharedData.Conformance("vc-di-ecdsa/" + folder);

    private static JObject KeyPair(string folder) =>
        TestContexts.ReadObject(SharedData.Conformance(folder.Contains("p384", StringComparison.Ordinal) ? "vc-di-ecdsa/p384KeyPair.json" : "vc-di-ecdsa/p256KeyPair.json"));

    private static string ReadHex(string dir, string file) => File.ReadAllText(Path.Combine(dir, file)).Trim().ToLowerInvariant();

    private static string Hash(string folder, string text) => Convert.ToHexStringLower(folder.Contains("p384", StringComparison.Ordinal)
        ? SHA384.HashData(Encoding.UTF8.GetBytes(text))
        : SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Describe(DataIntegrityVerification result) =>
        string.Join("\n", result.AllChecks.Select(c => $"{c.Status} {c.Name}: {c.Message}"));
}
