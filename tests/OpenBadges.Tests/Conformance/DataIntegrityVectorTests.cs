using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Support;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The W3C vc-di-eddsa test vectors and the 1EdTech OB 3.0 vectors, byte for byte: canonical forms,
/// hashes, signatures, proof values and signed documents. Ed25519 is deterministic, so signing the same
/// input with the same key and time must reproduce every file.
/// </summary>
public sealed class DataIntegrityVectorTests
{
    public static TheoryData<string, string, string, string> Suites() => new()
    {
        // suite folder, suffix, cryptosuite name, input document
        { "eddsa-rdfc-2022", "DataInt", "eddsa-rdfc-2022", "unsigned.json" },
        { "eddsa-rdfc-2022/employ", "DataInt", "eddsa-rdfc-2022", "employmentAuth.json" },
        { "eddsa-jcs-2022", "JCS", "eddsa-jcs-2022", "unsigned.json" },
        { "Ed25519Signature2020", "EdSig", "Ed25519Signature2020", "unsigned.json" },
    };

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public void Canonical_forms_and_hashes_match_the_vector(string folder, string suffix, string suiteName, string input)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var dir = SharedData.Conformance("vc-di-eddsa/" + folder);
        var proofConfig = TestContexts.ReadObject(Path.Combine(dir, $"proofConfig{suffix}.json"));
        var document = TestContexts.ReadObject(SharedData.Conformance("vc-di-eddsa/" + input));
        DataIntegritySigner.EnsureSuiteContext(document, suite);

        var canonicalProof = ProofHashing.Canonicalize(suite, proofConfig, TestContexts.Options, default);
        var canonicalDocument = ProofHashing.Canonicalize(suite, document, TestContexts.Options, default);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"proofCanon{suffix}.txt")), canonicalProof);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"canonDoc{suffix}.txt")), canonicalDocument);
        Assert.Equal(ReadHex(dir, $"proofHash{suffix}.txt"), Sha256Hex(canonicalProof));
        Assert.Equal(ReadHex(dir, $"docHash{suffix}.txt"), Sha256Hex(canonicalDocument));
        Assert.Equal(ReadHex(dir, $"combinedHash{suffix}.txt"), Sha256Hex(canonicalProof) + Sha256Hex(canonicalDocument));
    }

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public async Task Signing_reproduces_the_signed_vector(string folder, string suffix, string suiteName, string input)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var dir = SharedData.Conformance("vc-di-eddsa/" + folder);
        var proofConfig = TestContexts.ReadObject(Path.Combine(dir, $"proofConfig{suffix}.json"));
        using var key = VectorKey();
        var signer = new Ed25519Signer(key, (string)proofConfig["verificationMethod"]!);
        var options = new ProofOptions
        {
            Created = DateTimeOffset.Parse((string)proofConfig["created"]!, System.Globalization.CultureInfo.InvariantCulture),
            JsonLd = TestContexts.Options,
        };

        var signed = await DataIntegritySigner.SignAsync(TestContexts.ReadObject(SharedData.Conformance("vc-di-eddsa/" + input)), signer, suite, options);

        var expected = TestContexts.ReadObject(Path.Combine(dir, $"signed{suffix}.json"));
        Assert.Equal((string?)expected["proof"]!["proofValue"], (string?)signed["proof"]!["proofValue"]);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"sigBTC58{suffix}.txt")).Trim(), (string?)signed["proof"]!["proofValue"]);
        Assert.Equal(ReadHex(dir, $"sigHex{suffix}.txt"), Convert.ToHexStringLower(Multibase.Decode((string)signed["proof"]!["proofValue"]!)));
        Assert.True(JToken.DeepEquals(expected, signed), "signed document differs:\n" + signed);

        // The proof alone, made without copying the document, is the vector's proof.
        var unsigned = TestContexts.ReadObject(SharedData.Conformance("vc-di-eddsa/" + input));
        var proof = await DataIntegritySigner.CreateProofAsync(unsigned, signer, suite, options);
        Assert.True(JToken.DeepEquals(expected["proof"], proof), "proof differs:\n" + proof);
    }

    [SharedDataTheory]
    [MemberData(nameof(Suites))]
    public async Task The_signed_vector_verifies_and_a_changed_one_does_not(string folder, string suffix, string suiteName, string input)
    {
        _ = suiteName;
        _ = input;
        var signed = TestContexts.ReadObject(SharedData.Conformance($"vc-di-eddsa/{folder}/signed{suffix}.json"));
        var options = new ProofVerificationOptions { JsonLd = TestContexts.Options, RequireControllerToBeIssuer = false };
        var result = await DataIntegrityVerifier.VerifyAsync(signed, options);
        Assert.True(result.IsValid, Describe(result));

        var tampered = (JObject)signed.DeepClone();
        tampered["validFrom"] = "2023-01-02T00:00:00Z";
        tampered["issuanceDate"]?.Replace("2023-01-02T00:00:00Z");
        var changed = await DataIntegrityVerifier.VerifyAsync(tampered, options);
        Assert.False(changed.IsValid);
        Assert.Contains(changed.AllChecks, c => c.Name == "proof.signature" && c.Status == OpenBadges.Checks.CheckStatus.Failed);
    }

    [SharedDataFact]
    public async Task Proof_sets_and_chains_reproduce_the_vectors()
    {
        var dir = SharedData.Conformance("vc-di-eddsa/proof-set-chain");
        var keys = TestContexts.ReadObject(Path.Combine(dir, "multiKeyPairs.json"));
        var document = TestContexts.ReadObject(Path.Combine(dir, "unsigned.json"));
        var suite = Cryptosuites.EddsaRdfc2022;

        async Task<JObject> Sign(JObject doc, string configFile, string keyName)
        {
            var config = TestContexts.ReadObject(Path.Combine(dir, configFile));
            using var key = Ed25519Key.FromSecretKeyMultibase((string)keys[keyName]!["privateKeyMultibase"]!);
            var previous = config["previousProof"] switch
            {
                JArray array => array.Select(t => (string)t!).ToList(),
                JValue value => [(string)value!],
                _ => new List<string>(),
            };
            var signer = new Ed25519Signer(key, (string)config["verificationMethod"]!);
            var options = new ProofOptions
            {
                Id = (string?)config["id"],
                Created = DateTimeOffset.Parse((string)config["created"]!, System.Globalization.CultureInfo.InvariantCulture),
                PreviousProof = previous,
                JsonLd = TestContexts.Options,
            };
            var signed = await DataIntegritySigner.SignAsync(doc, signer, suite, options);

            // The proof alone (a set member or a chain link) is the one SignAsync added last.
            var proof = await DataIntegritySigner.CreateProofAsync(doc, signer, suite, options);
            Assert.True(JToken.DeepEquals(signed["proof"] is JArray all ? all.Last : signed["proof"], proof), "proof differs:\n" + proof);
            return signed;
        }

        var set1 = await Sign(document, "proofSetConfig1.json", "keyPair1");
        var set2 = await Sign(set1, "proofSetConfig2.json", "keyPair2");
        AssertJsonEqual(TestContexts.ReadObject(Path.Combine(dir, "signedProofSet2.json")), set2);

        var chain1 = await Sign(set2, "proofChainConfig1.json", "keyPair3");
        AssertJsonEqual(TestContexts.ReadObject(Path.Combine(dir, "signedProofChain1.json")), chain1);
        var chain2 = await Sign(chain1, "proofChainConfig2.json", "keyPair4");
        AssertJsonEqual(TestContexts.ReadObject(Path.Combine(dir, "signedProofChain2.json")), chain2);

        var verified = await DataIntegrityVerifier.VerifyAsync(chain2, new ProofVerificationOptions { JsonLd = TestContexts.Options, RequireControllerToBeIssuer = false });
        Assert.True(verified.IsValid, Describe(verified));
        Assert.Equal(4, verified.Proofs.Count);
    }

    [SharedDataTheory]
    [InlineData("test-vector")]
    [InlineData("test-vector-clr")]
    public async Task OpenBadges_vectors_are_reproduced(string folder)
    {
        var dir = SharedData.Conformance("ob3/" + folder);
        var vector = TestContexts.ReadObject(Path.Combine(dir, "vector.json"));
        var proofOptions = TestContexts.ReadObject(Path.Combine(dir, "proof-options.json"));
        var credential = TestContexts.ReadObject(Path.Combine(dir, "credential.json"));
        var suite = Cryptosuites.EddsaRdfc2022;

        var canonicalDocument = ProofHashing.Canonicalize(suite, credential, TestContexts.Options, default);
        var canonicalProof = ProofHashing.Canonicalize(suite, ProofHashing.ProofConfiguration(proofOptions, credential["@context"]), TestContexts.Options, default);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "document-canon.nq")), canonicalDocument);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "proof-canon.nq")), canonicalProof);
        Assert.Equal((string?)vector["documentHashHex"], Sha256Hex(canonicalDocument));
        Assert.Equal((string?)vector["proofHashHex"], Sha256Hex(canonicalProof));

        using var key = Ed25519Key.FromSecretKeyHex((string)vector["secretKeyHex"]!);
        var signed = await DataIntegritySigner.SignAsync(credential, new Ed25519Signer(key, (string)vector["verificationMethod"]!), suite, new ProofOptions
        {
            Created = DateTimeOffset.Parse((string)proofOptions["created"]!, System.Globalization.CultureInfo.InvariantCulture),
            JsonLd = TestContexts.Options,
        });
        Assert.Equal((string?)vector["proofValue"], (string?)signed["proof"]!["proofValue"]);
        Assert.Equal((string?)vector["signatureHex"], Convert.ToHexStringLower(Multibase.Decode((string)signed["proof"]!["proofValue"]!)));

        // 1EdTech writes a single proof as an object in one vector and as a one-element array in the other;
        // both mean the same, so compare with the proof as an array on both sides.
        var expected = TestContexts.ReadObject(Path.Combine(dir, "signed.json"));
        AssertJsonEqual(ProofAsArray(expected), ProofAsArray(signed));

        // The vector's key is written in the verification method's fragment: opt in to that (unbound) form.
        var verified = await DataIntegrityVerifier.VerifyAsync(expected, new ProofVerificationOptions
        {
            JsonLd = TestContexts.Options,
            KeyResolver = KeyResolvers.OfflineTrustingKeyFragments,
        });
        Assert.True(verified.IsValid, Describe(verified));
    }

    public static TheoryData<string> ReferenceStackFiles() => new()
    {
        "ob3-microcredential.eddsa-rdfc-2022",
        "ob3-microcredential.Ed25519Signature2020",
        "ob3-microcredential-vc1.eddsa-rdfc-2022",
        "ob3-microcredential-vc1.Ed25519Signature2020",
    };

    [SharedDataTheory]
    [MemberData(nameof(ReferenceStackFiles))]
    public async Task Reference_stack_credentials_are_reproduced_and_verify(string name)
    {
        var dir = SharedData.Conformance("reference-stack");
        var keyJson = TestContexts.ReadObject(Path.Combine(dir, "key.json"));
        var expected = TestContexts.ReadObject(Path.Combine(dir, name + ".signed.json"));
        var unsigned = TestContexts.ReadObject(Path.Combine(dir, (name.Contains("vc1", StringComparison.Ordinal) ? "ob3-microcredential-vc1" : "ob3-microcredential") + ".unsigned.json"));
        var suite = Cryptosuites.Find((string?)expected["proof"]!["type"], (string?)expected["proof"]!["cryptosuite"])!;
        using var key = Ed25519Key.FromSecretKeyHex((string)keyJson["seedHex"]!);
        var signed = await DataIntegritySigner.SignAsync(unsigned, new Ed25519Signer(key, (string)keyJson["id"]!), suite, new ProofOptions
        {
            Created = new DateTimeOffset(2024, 9, 1, 0, 0, 0, TimeSpan.Zero),
        });

        AssertJsonEqual(expected, signed);
        var verified = await DataIntegrityVerifier.VerifyAsync(expected);
        Assert.True(verified.IsValid, Describe(verified));
    }

    [SharedDataTheory]
    [InlineData("ob3-microcredential.eddsa-rdfc-2022")]
    [InlineData("ob3-microcredential.Ed25519Signature2020")]
    public void Reference_stack_intermediates_are_reproduced(string name)
    {
        var dir = SharedData.Conformance("reference-stack");
        var explain = TestContexts.ReadObject(Path.Combine(dir, name + ".explain.json"));
        var signed = TestContexts.ReadObject(Path.Combine(dir, name + ".signed.json"));
        var proof = (JObject)signed["proof"]!;
        var suite = Cryptosuites.Find((string?)proof["type"], (string?)proof["cryptosuite"])!;
        var unsecured = (JObject)signed.DeepClone();
        unsecured.Remove("proof");
        Assert.Equal((string?)explain["canonicalDocument"], ProofHashing.Canonicalize(suite, unsecured, null, default));
        Assert.Equal((string?)explain["canonicalProofOptions"], ProofHashing.Canonicalize(suite, ProofHashing.ProofConfiguration(proof, signed["@context"]), null, default));
    }

    private static JObject ProofAsArray(JObject document)
    {
        var copy = (JObject)document.DeepClone();
        if (copy["proof"] is JObject single)
        {
            copy["proof"] = new JArray(single);
        }

        return copy;
    }

    private static Ed25519Key VectorKey() =>
        Ed25519Key.FromSecretKeyMultibase((string)TestContexts.ReadObject(SharedData.Conformance("vc-di-eddsa/keyPair.json"))["privateKeyMultibase"]!);

    private static string ReadHex(string dir, string file) => File.ReadAllText(Path.Combine(dir, file)).Trim().ToLowerInvariant();

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void AssertJsonEqual(JToken expected, JToken actual) =>
        Assert.True(JToken.DeepEquals(expected, actual), $"expected:\n{expected}\nactual:\n{actual}");

    internal static string Describe(DataIntegrityVerification result) =>
        string.Join("\n", result.AllChecks.Select(c => $"{c.Status} {c.Name} {c.JsonPath}: {c.Message}"));
}
