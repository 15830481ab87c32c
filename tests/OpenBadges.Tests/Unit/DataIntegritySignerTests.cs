using Newtonsoft.Json.Linq;
using OpenBadges.JsonLd;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Verification;
using OpenBadges.Verification;
using OpenBadges.Json;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// <see cref="DataIntegritySigner.CreateProofAsync"/>: the proof alone, without copying or changing the document,
/// and the same proof <see cref="DataIntegritySigner.SignAsync"/> attaches.
/// </summary>
public sealed class DataIntegritySignerTests
{
    private const string Seed1 = VerificationFixtures.IssuerSeed;
    private const string Seed2 = VerificationFixtures.OtherSeed;
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> IssuingSuites() => new() { "eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020" };

    private static JObject Credential(params string[] context)
    {
        // The verifier tests' credential (conforms to the OB 3.0 schema), issued by the Seed1 key.
        var credential = VerificationFixtures.Credential(DidKey(Seed1));
        if (context.Length > 0)
        {
            credential["@context"] = new JArray(context);
        }

        return credential;
    }

    /// <summary>VC 1.1 with OB 3.0.0: neither context defines the Data Integrity proof terms.</summary>
    private static JObject Vc1Credential()
    {
        var credential = Credential(EmbeddedContexts.CredentialsV1, EmbeddedContexts.OpenBadgesV3);
        credential.Remove("validFrom");
        credential["issuanceDate"] = "2025-03-01T00:00:00Z";
        return credential;
    }

    private static string DidKey(string seed) => VerificationFixtures.DidOf(seed);

    private static ProofOptions Options(string? id = null) => new() { Created = Created, Id = id };

    private static async Task<JObject> CreateProof(JObject document, Cryptosuite suite, string seed = Seed1, ProofOptions? options = null)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seed));
        return await DataIntegritySigner.CreateProofAsync(document, Ed25519Signer.ForDidKey(key), suite, options ?? Options());
    }

    private static async Task<JObject> Sign(JObject document, Cryptosuite suite, string seed = Seed1, ProofOptions? options = null)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seed));
        return await DataIntegritySigner.SignAsync(document, Ed25519Signer.ForDidKey(key), suite, options ?? Options());
    }

    /// <summary>What a caller of CreateProofAsync does with the proof: adds it to the document's proofs (a copy here, so the test can go on using the original).</summary>
    private static JObject Attach(JObject document, JObject proof)
    {
        var secured = (JObject)document.DeepClone();
        secured["proof"] = secured["proof"] switch
        {
            null => proof,
            JArray proofs => new JArray(proofs.Append(proof)),
            var single => new JArray(single, proof),
        };
        return secured;
    }

    private static async Task<DataIntegrityVerification> Verify(JObject document) =>
        await DataIntegrityVerifier.VerifyAsync(document, new ProofVerificationOptions { Clock = new FixedClock(Created.AddDays(1)) });

    private static void AssertValid(DataIntegrityVerification result) =>
        Assert.True(result.IsValid, string.Join("\n", result.AllChecks.Select(c => $"{c.Name}: {c.Status} {c.Message}")));

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task A_proof_created_alone_and_attached_verifies(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var credential = Credential();
        if (suite.Name is null)
        {
            // Ed25519Signature2020 needs its own context even next to VC 2.0; the caller adds it (as SignAsync does).
            ((JArray)credential["@context"]!).Add(EmbeddedContexts.Ed25519Signature2020V1);
        }

        var proof = await CreateProof(credential, suite);

        Assert.Null(credential["proof"]);
        Assert.Equal(suite.ProofType, (string?)proof["type"]);
        AssertValid(await Verify(Attach(credential, proof)));
    }

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task The_proof_is_the_one_SignAsync_attaches(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var credential = Credential();

        var proof = await CreateProof(credential, suite);
        var signed = await Sign(credential, suite);

        Assert.True(JToken.DeepEquals(signed["proof"], proof), $"CreateProofAsync:\n{proof}\nSignAsync:\n{signed["proof"]}");
        Assert.True(JToken.DeepEquals(signed, Attach(SecuredContext(credential, signed), proof)));
    }

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task The_document_is_not_modified(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var credential = Vc1Credential();
        var existing = await CreateProof(credential, suite, Seed2);
        credential["proof"] = existing;
        var snapshot = credential.DeepClone();

        await CreateProof(credential, suite);

        Assert.True(JToken.DeepEquals(snapshot, credential), "the document changed:\n" + credential);
        Assert.Same(existing, credential["proof"]);
        Assert.Same(credential, existing.Parent!.Parent);
    }

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task A_second_proof_makes_a_proof_set_that_verifies(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var credential = Credential();
        if (suite.Name is null)
        {
            ((JArray)credential["@context"]!).Add(EmbeddedContexts.Ed25519Signature2020V1);
        }

        var first = Attach(credential, await CreateProof(credential, suite));
        var later = new ProofOptions { Created = Created.AddHours(1) };
        var snapshot = first.DeepClone();
        var second = await CreateProof(first, suite, options: later);

        Assert.True(JToken.DeepEquals(snapshot, first));
        var set = Attach(first, second);
        Assert.Equal(2, Assert.IsType<JArray>(set["proof"]).Count);
        var result = await Verify(set);
        AssertValid(result);
        Assert.Equal(2, result.Proofs.Count);
        Assert.True(JToken.DeepEquals(await Sign(first, suite, options: later), set));
    }

    [Fact]
    public async Task A_proof_set_by_the_issuer_key_twice_is_valid()
    {
        var credential = Credential();
        var first = Attach(credential, await CreateProof(credential, Cryptosuites.EddsaRdfc2022));
        var set = Attach(first, await CreateProof(first, Cryptosuites.EddsaJcs2022));
        AssertValid(await Verify(set));
    }

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task A_context_without_the_suite_context_is_completed_as_SignAsync_completes_it(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var credential = Vc1Credential();
        var contextBefore = credential["@context"]!.DeepClone();

        var proof = await CreateProof(credential, suite);
        var signed = await Sign(credential, suite);

        // The proof was made over the completed context: the caller appends the suite's context, then attaches.
        Assert.True(JToken.DeepEquals(contextBefore, credential["@context"]));
        var completed = (JArray)credential["@context"]!.DeepClone();
        completed.Add(suite.Name is null ? EmbeddedContexts.Ed25519Signature2020V1 : EmbeddedContexts.DataIntegrityV2);
        Assert.True(JToken.DeepEquals(completed, signed["@context"]), signed["@context"]!.ToString());
        if (suite.Canonicalization == ProofCanonicalization.Jcs)
        {
            Assert.True(JToken.DeepEquals(completed, proof["@context"]));
        }

        var secured = (JObject)credential.DeepClone();
        secured["@context"] = completed;
        secured["proof"] = proof;
        AssertValid(await Verify(secured));
        Assert.True(JToken.DeepEquals(signed, secured));
    }

    [Fact]
    public async Task A_chained_proof_signs_over_the_proof_it_follows()
    {
        var credential = Credential();
        var first = Attach(credential, await CreateProof(credential, Cryptosuites.EddsaRdfc2022, options: Options("urn:uuid:first-proof")));
        var snapshot = first.DeepClone();
        var chained = await CreateProof(first, Cryptosuites.EddsaRdfc2022, options: Options() with { PreviousProof = ["urn:uuid:first-proof"] });

        Assert.True(JToken.DeepEquals(snapshot, first));
        Assert.Equal("urn:uuid:first-proof", (string?)chained["previousProof"]);
        var chain = Attach(first, chained);
        AssertValid(await Verify(chain));
        Assert.True(JToken.DeepEquals(await Sign(first, Cryptosuites.EddsaRdfc2022, options: Options() with { PreviousProof = ["urn:uuid:first-proof"] }), chain));
    }

    [Fact]
    public async Task A_chain_to_a_proof_the_document_lacks_is_refused_naming_it()
    {
        var credential = Credential();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateProof(credential, Cryptosuites.EddsaRdfc2022, options: Options() with { PreviousProof = ["urn:uuid:missing"] }));
        Assert.Contains("urn:uuid:missing", error.Message);
    }

    [Fact]
    public async Task The_same_argument_checks_as_SignAsync()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed1));
        var signer = Ed25519Signer.ForDidKey(key);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => DataIntegritySigner.CreateProofAsync(Credential(), signer, Cryptosuites.FromName("eddsa-2022")!));
        Assert.Equal("suite", error.ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => DataIntegritySigner.CreateProofAsync(null!, signer, Cryptosuites.EddsaRdfc2022));
        var sniffed = JObject.Parse(Credential().ToString());
        var json = await Assert.ThrowsAsync<OpenBadges.Json.JsonInputException>(() => DataIntegritySigner.CreateProofAsync(sniffed, signer, Cryptosuites.EddsaJcs2022));
        Assert.Contains("validFrom", json.Message);
    }

    /// <summary>The document with the @context SignAsync gave it (the only member, besides the proof, that signing may change).</summary>
    private static JObject SecuredContext(JObject document, JObject signed)
    {
        var copy = (JObject)document.DeepClone();
        copy["@context"] = signed["@context"]!.DeepClone();
        return copy;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task Refuses_to_sign_a_number_the_canonical_form_would_not_pin_down(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        var credential = Credential();
        credential["credentialSubject"]!["achievement"]!["creditsAvailable"] = new JValue(System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture));
        var sign = await Assert.ThrowsAsync<OpenBadges.Json.JsonInputException>(() => Sign(credential, suite));
        Assert.Contains("'credentialSubject.achievement.creditsAvailable'", sign.Message, StringComparison.Ordinal);
        var proof = await Assert.ThrowsAsync<OpenBadges.Json.JsonInputException>(() => CreateProof(credential, suite));
        Assert.Equal(sign.Message, proof.Message);
    }

    [Theory]
    [MemberData(nameof(IssuingSuites))]
    public async Task CreateProof_then_AttachProof_gives_what_SignAsync_returns(string suiteName)
    {
        var suite = Cryptosuites.FromName(suiteName)!;
        foreach (var document in new[] { Credential(), Vc1Credential(), await Sign(Credential(), suite, Seed2) })
        {
            var expected = await Sign(document, suite);
            var attached = (JObject)document.DeepClone();
            DataIntegritySigner.AttachProof(attached, await CreateProof(attached, suite), suite);
            Assert.True(JToken.DeepEquals(expected, attached), $"expected\n{expected}\nattached\n{attached}");
            if (document["proof"] is null)
            {
                // (The earlier proof of the third document is by another key than the issuer's: alone, it does not verify.)
                AssertValid(await Verify(attached));
            }
        }
    }
}
