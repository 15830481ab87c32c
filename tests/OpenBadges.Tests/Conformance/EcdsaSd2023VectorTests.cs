using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The W3C vc-di-ecdsa ecdsa-sd-2023 vectors (<c>employ</c> and <c>prc</c>), every intermediate byte for byte: the base
/// transformation (HMAC-relabelled canonical statements, mandatory and not), proof configuration and hashes, the
/// recovered base proof value, the derivation's groups, indexes, signatures and label map, the derived document with
/// its proof value, and the verifier's data. ECDSA is randomized, so a base proof we sign is checked by its parts.
/// </summary>
public sealed class EcdsaSd2023VectorTests
{
    public static TheoryData<string, string, string> Examples() => new()
    {
        // folder, unsigned input, pointer file prefix. The prc files were made from a credential whose description
        // differs from prCredUnsigned.json ("Permanent Resident Card from Government of Utopia."): its input is the
        // signed base without its proof, which for employ is employmentAuth.json exactly.
        { "employ", "employmentAuth.json", "employ" },
        { "prc", "ecdsa-sd-2023/prc/addSignedSDBase.json", "prCred" },
    };

    [SharedDataTheory]
    [MemberData(nameof(Examples))]
    public void The_base_transformation_and_hashes_match(string folder, string input, string pointers)
    {
        var dir = Dir(folder);
        var document = Input(input);
        var mandatory = Pointers(pointers + "Mandatory.json");
        var transform = TestContexts.ReadObject(Path.Combine(dir, "addBaseTransform.json"));
        Assert.Equal(mandatory, transform["mandatoryPointers"]!.Select(t => (string)t!).ToArray());

        var ours = EcdsaSd2023.BaseTransformation(document, HmacKey(), mandatory, TestContexts.Options, default);
        Assert.Equal(ReadStrings(Path.Combine(dir, "addBaseDocHMACCanon.json")), ours.NQuads);
        AssertMap(transform["mandatory"]!, ours.Mandatory);
        AssertMap(transform["nonMandatory"]!, ours.NonMandatory);

        var proofConfig = TestContexts.ReadObject(Path.Combine(dir, "addProofConfig.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "addProofConfigCanon.txt")), ProofHashing.Canonicalize(Cryptosuites.EcdsaSd2023, proofConfig, TestContexts.Options, default));
        var hashes = TestContexts.ReadObject(Path.Combine(dir, "addHashData.json"));
        var proof = (JObject)proofConfig.DeepClone();
        proof.Remove("@context");
        Assert.Equal((string)hashes["proofHash"]!, Convert.ToHexStringLower(EcdsaSd2023.ProofHash(proof, document["@context"], TestContexts.Options, default)));
        Assert.Equal((string)hashes["mandatoryHash"]!, Convert.ToHexStringLower(EcdsaSd2023.HashMandatory(ours.Mandatory.Values)));

        // The plain canonical form (c14n labels) is the vector's too.
        Assert.Equal(ReadStrings(Path.Combine(dir, "addBaseDocCanon.json")), NQuadLines(Canonicalization.JsonLdCanonicalizer.Canonicalize(document, TestContexts.Options)));
    }

    [SharedDataTheory]
    [MemberData(nameof(Examples))]
    public void The_pointer_values_are_the_vectors(string folder, string input, string pointers)
    {
        _ = pointers;
        var document = Input(input);
        foreach (var entry in (JArray)TestContexts.Read(Path.Combine(Dir(folder), "addPointerValues.json")))
        {
            var tokens = ((string)entry["pointer"]!).Split('/').Skip(1);
            JToken? value = document;
            foreach (var token in tokens)
            {
                value = value is JArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)] : value?[token];
            }

            Assert.True(JToken.DeepEquals(entry["value"], value), $"{entry["pointer"]}: {value}");
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Examples))]
    public async Task The_signed_base_parses_to_the_vector_data_and_its_signatures_verify(string folder, string input, string pointers)
    {
        _ = input;
        var dir = Dir(folder);
        var signedBase = TestContexts.ReadObject(Path.Combine(dir, "addSignedSDBase.json"));
        var raw = TestContexts.ReadObject(Path.Combine(dir, "addRawBaseSignatureInfo.json"));
        var proofValue = Decode(signedBase);
        Assert.True(SdProofValues.TryParseBase(proofValue, out var value, out var error), error);
        Assert.Equal((string)raw["baseSignature"]!, Convert.ToHexStringLower(value.BaseSignature));
        Assert.Equal((string)raw["publicKey"]!, Multibase.EncodeBase58Btc(value.PublicKey));
        Assert.Equal(raw["signatures"]!.Select(t => (string)t!), value.Signatures.Select(Convert.ToHexStringLower));
        Assert.Equal(Pointers(pointers + "Mandatory.json"), value.MandatoryPointers);
        Assert.Equal(HmacKey(), value.HmacKey);

        // Re-serializing gives the vector's proof value byte for byte (the CBOR encoding is the reference's).
        Assert.Equal((string)signedBase["proof"]!["proofValue"]!, SdProofValues.Serialize(value));

        // The issuer signed proofHash ‖ per-proof key ‖ mandatoryHash; the per-proof key signed each other statement.
        var hashes = TestContexts.ReadObject(Path.Combine(dir, "addHashData.json"));
        var issuerKey = EcdsaPublicKey.ParseMultibase((string)KeyMaterial()["baseKeyPair"]!["publicKeyMultibase"]!);
        var signData = EcdsaSd2023.SignData(Convert.FromHexString((string)hashes["proofHash"]!), value.PublicKey, Convert.FromHexString((string)hashes["mandatoryHash"]!));
        Assert.True(issuerKey.Verify(signData, value.BaseSignature));
        var proofKey = EcdsaPublicKey.ParseMultibase((string)raw["publicKey"]!);
        var nonMandatory = MapValues(TestContexts.ReadObject(Path.Combine(dir, "addBaseTransform.json"))["nonMandatory"]!);
        Assert.Equal(nonMandatory.Count, value.Signatures.Count);
        for (var i = 0; i < nonMandatory.Count; i++)
        {
            Assert.True(proofKey.Verify(Encoding.UTF8.GetBytes(nonMandatory[i]), value.Signatures[i]), "statement " + i);
        }

        // A base proof is for the holder: the verifier does not call it valid.
        var verdict = await DataIntegrityVerifier.VerifyAsync(signedBase, Options());
        Assert.False(verdict.IsValid);
        Assert.Contains(verdict.AllChecks, c => c.Name == "proof.signature" && c.Status == CheckStatus.CouldNotCheck);
    }

    [SharedDataTheory]
    [MemberData(nameof(Examples))]
    public void Deriving_from_the_signed_base_reproduces_every_derivation_file(string folder, string input, string pointers)
    {
        _ = input;
        var dir = Dir(folder);
        var signedBase = TestContexts.ReadObject(Path.Combine(dir, "addSignedSDBase.json"));
        var selective = Pointers(pointers + "Selective.json");

        var derived = EcdsaSd2023.Derive(signedBase, selective, TestContexts.Options);
        var expected = TestContexts.ReadObject(Path.Combine(dir, "derivedRevealDocument.json"));
        Assert.Equal((string)expected["proof"]!["proofValue"]!, (string)derived["proof"]!["proofValue"]!);
        Assert.True(JToken.DeepEquals(expected, derived), "derived document differs:\n" + derived);
        var unsignedReveal = (JObject)derived.DeepClone();
        unsignedReveal.Remove("proof");
        Assert.True(JToken.DeepEquals(TestContexts.ReadObject(Path.Combine(dir, "derivedUnsignedReveal.json")), unsignedReveal));

        // The intermediates.
        Assert.True(SdProofValues.TryParseBase(Decode(signedBase), out var baseValue, out _));
        var recovered = TestContexts.ReadObject(Path.Combine(dir, "derivedRecoveredBaseData.json"));
        Assert.Equal((string)recovered["hmacKey"]!, Convert.ToHexStringLower(baseValue.HmacKey));
        Assert.Equal((string)recovered["proofPublicKey"]!, Multibase.EncodeBase58Btc(baseValue.PublicKey));

        var document = (JObject)signedBase.DeepClone();
        document.Remove("proof");
        var disclosure = EcdsaSd2023.CreateDisclosureData(document, baseValue, selective, TestContexts.Options, default);
        var indexes = TestContexts.ReadObject(Path.Combine(dir, "derivedGroupIndexes.json"));
        Assert.Equal(Ints(indexes["combinedIndexes"]), disclosure.Groups.Groups["combined"].Matching.Keys);
        Assert.Equal(Ints(indexes["mandatoryIndexes"]), disclosure.Groups.Groups["mandatory"].Matching.Keys);
        Assert.Equal(Ints(indexes["nonMandatoryIndexes"]), disclosure.Groups.Groups["mandatory"].NonMatching.Keys);
        Assert.Equal(Ints(indexes["selectiveIndexes"]), disclosure.Groups.Groups["selective"].Matching.Keys);
        var groups = TestContexts.ReadObject(Path.Combine(dir, "derivedAllGroupData.json"))["groups"]!;
        foreach (var name in new[] { "mandatory", "selective", "combined" })
        {
            AssertMap(groups[name]!["matching"]!, disclosure.Groups.Groups[name].Matching);
            AssertMap(groups[name]!["nonMatching"]!, disclosure.Groups.Groups[name].NonMatching);
        }

        Assert.Equal(Ints(TestContexts.ReadObject(Path.Combine(dir, "derivedAdjMandatoryIndexes.json"))["adjMandatoryIndexes"]), disclosure.ProofValue.MandatoryIndexes);
        var adjusted = TestContexts.ReadObject(Path.Combine(dir, "derivedAdjSignatures.json"));
        Assert.Equal(adjusted["filteredSignatures"]!.Select(t => (string)t!), disclosure.ProofValue.Signatures.Select(Convert.ToHexStringLower));
        var disclosureData = TestContexts.ReadObject(Path.Combine(dir, "derivedDisclosureData.json"));
        Assert.Equal(Ints(disclosureData["mandatoryIndexes"]), disclosure.ProofValue.MandatoryIndexes);
        foreach (var entry in (JArray)disclosureData["labelMap"]!["value"]!)
        {
            var key = int.Parse(((string)entry[0]!)[4..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((string)entry[1]!, "u" + System.Buffers.Text.Base64Url.EncodeToString(disclosure.ProofValue.LabelMap[key]));
        }

        Assert.Equal(((JArray)disclosureData["labelMap"]!["value"]!).Count, disclosure.ProofValue.LabelMap.Count);
    }

    [SharedDataTheory]
    [MemberData(nameof(Examples))]
    public async Task The_derived_vector_verifies_with_the_vector_verify_data(string folder, string input, string pointers)
    {
        _ = input;
        _ = pointers;
        var dir = Dir(folder);
        var derived = TestContexts.ReadObject(Path.Combine(dir, "derivedRevealDocument.json"));
        var result = await DataIntegrityVerifier.VerifyAsync(derived, Options());
        Assert.True(result.IsValid, Describe(result));

        var parsed = TestContexts.ReadObject(Path.Combine(dir, "verifyDerivedProofValue.json"));
        Assert.True(SdProofValues.TryParseDerived(Decode(derived), out var value, out var error), error);
        Assert.Equal((string)parsed["baseSignature"]!, Convert.ToHexStringLower(value.BaseSignature));
        Assert.Equal(Ints(parsed["mandatoryIndexes"]), value.MandatoryIndexes);
        var verifyData = TestContexts.ReadObject(Path.Combine(dir, "verifyCreateVerifyData.json"));
        var proof = (JObject)derived["proof"]!;
        Assert.Equal((string)verifyData["proofHash"]!, Convert.ToHexStringLower(EcdsaSd2023.ProofHash(proof, derived["@context"], TestContexts.Options, default)));
        var statements = ReadStrings(Path.Combine(dir, "verifyNQuads.json"));
        var nonMandatory = statements.Where((_, i) => !value.MandatoryIndexes.Contains(i)).ToList();
        Assert.Equal(verifyData["nonMandatory"]!.Select(t => (string)t!), nonMandatory);
        Assert.Equal((string)verifyData["mandatoryHash"]!, Convert.ToHexStringLower(EcdsaSd2023.HashMandatory(statements.Where((_, i) => value.MandatoryIndexes.Contains(i)))));
    }

    [SharedDataTheory]
    [MemberData(nameof(Examples))]
    public async Task A_base_we_sign_with_the_vector_keys_has_the_vector_parts_and_derives_to_a_proof_that_verifies(string folder, string input, string pointers)
    {
        var dir = Dir(folder);
        var material = KeyMaterial();
        Assert.True(EcdsaKeyFile.TryRead((JObject)material["baseKeyPair"]!, out var issuer, out var error), error);
        using (issuer)
        {
            using var proofKey = ProofKey((string)material["proofKeyPair"]!["secretKeyMultibase"]!);
            var proofConfig = TestContexts.ReadObject(Path.Combine(dir, "addProofConfig.json"));
            var options = new ProofOptions
            {
                Created = DateTimeOffset.Parse((string)proofConfig["created"]!, System.Globalization.CultureInfo.InvariantCulture),
                VerificationMethod = (string)proofConfig["verificationMethod"]!,
                JsonLd = TestContexts.Options,
            };
            var signed = await EcdsaSd2023.SignBaseCoreAsync(Input(input), issuer.CreateSigner(), Pointers(pointers + "Mandatory.json"), options, HmacKey(), proofKey, default);

            // Derived with the vector's selective pointers, it verifies; the whole disclosed document is the vector's.
            var derived = EcdsaSd2023.Derive(signed, Pointers(pointers + "Selective.json"), TestContexts.Options);
            var verdict = await DataIntegrityVerifier.VerifyAsync(derived, Options());
            Assert.True(verdict.IsValid, Describe(verdict));
            var reveal = TestContexts.ReadObject(Path.Combine(dir, "derivedUnsignedReveal.json"));
            derived.Remove("proof");
            Assert.True(JToken.DeepEquals(reveal, derived));

            // All but the randomized signatures is the vector's.
            var expected = TestContexts.ReadObject(Path.Combine(dir, "addSignedSDBase.json"));
            Assert.True(SdProofValues.TryParseBase(Decode(signed), out var ours, out _));
            Assert.True(SdProofValues.TryParseBase(Decode(expected), out var theirs, out _));
            Assert.Equal(theirs.PublicKey, ours.PublicKey);
            Assert.Equal(theirs.HmacKey, ours.HmacKey);
            Assert.Equal(theirs.MandatoryPointers, ours.MandatoryPointers);
            Assert.Equal(theirs.Signatures.Count, ours.Signatures.Count);
            ((JObject)signed["proof"]!).Remove("proofValue");
            ((JObject)expected["proof"]!).Remove("proofValue");
            Assert.True(JToken.DeepEquals(expected, signed), "signed base differs:\n" + signed);

            // Our base signature is over the vector's sign data.
            var hashes = TestContexts.ReadObject(Path.Combine(dir, "addHashData.json"));
            Assert.True(issuer.PublicKey.Verify(EcdsaSd2023.SignData(Convert.FromHexString((string)hashes["proofHash"]!), ours.PublicKey, Convert.FromHexString((string)hashes["mandatoryHash"]!)), ours.BaseSignature));
        }
    }

    internal static byte[] Decode(JObject secured)
    {
        Assert.True(SdProofValues.TryDecodeText((string?)secured["proof"]!["proofValue"], out var bytes));
        return bytes;
    }

    private static ECDsa ProofKey(string secretMultibase)
    {
        var bytes = Multibase.Decode(secretMultibase);
        var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = bytes[2..] });
        return ecdsa;
    }

    internal static ProofVerificationOptions Options() => new() { JsonLd = TestContexts.Options, RequireControllerToBeIssuer = false };

    private static string Dir(string folder) => SharedData.Conformance("vc-di-ecdsa/ecdsa-sd-2023/" + folder);

    private static JObject Input(string file)
    {
        var document = TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/" + file));
        document.Remove("proof");
        return document;
    }

    private static string[] Pointers(string file) => ((JArray)TestContexts.Read(SharedData.Conformance("vc-di-ecdsa/" + file))).Select(t => (string)t!).ToArray();

    private static JObject KeyMaterial() => TestContexts.ReadObject(SharedData.Conformance("vc-di-ecdsa/ecdsa-sd-2023/SDKeyMaterial.json"));

    private static byte[] HmacKey() => Convert.FromHexString((string)KeyMaterial()["hmacKeyString"]!);

    private static List<string> ReadStrings(string path) => ((JArray)TestContexts.Read(path)).Select(t => (string)t!).ToList();

    private static List<string> NQuadLines(string nquads) => nquads.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").ToList();

    private static int[] Ints(JToken? token) => token!.Select(t => (int)t).ToArray();

    private static List<string> MapValues(JToken map) => map["value"]!.Select(e => (string)e[1]!).ToList();

    private static void AssertMap(JToken expected, SortedDictionary<int, string> actual)
    {
        Assert.Equal("Map", (string?)expected["dataType"]);
        Assert.Equal(expected["value"]!.Select(e => (int)e[0]!), actual.Keys);
        Assert.Equal(MapValues(expected), actual.Values);
    }

    private static string Describe(DataIntegrityVerification result) =>
        string.Join("\n", result.AllChecks.Select(c => $"{c.Status} {c.Name}: {c.Message}"));
}
