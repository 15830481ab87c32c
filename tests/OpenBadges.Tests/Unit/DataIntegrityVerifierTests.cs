using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Support;
using OpenBadges.Tests.Verification;
using OpenBadges.Verification;
using OpenBadges.Checks;
using OpenBadges.Json;

namespace OpenBadges.Tests.Unit;

/// <summary>Each verification check of a Data Integrity proof, one named case each; none may throw.</summary>
public sealed class DataIntegrityVerifierTests
{
    private const string Seed1 = VerificationFixtures.IssuerSeed;
    private const string Seed2 = VerificationFixtures.OtherSeed;
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // The verifier tests' OB 3.0 credential, issued by whoever signs it here.
    private static JObject Credential(string issuer) => VerificationFixtures.Credential(issuer);

    private static async Task<JObject> Sign(JObject credential, string seed = Seed1, Cryptosuite? suite = null, ProofOptions? options = null)
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(seed));
        return await DataIntegritySigner.SignAsync(credential, Ed25519Signer.ForDidKey(key), suite ?? Cryptosuites.EddsaRdfc2022, options ?? new ProofOptions { Created = Created });
    }

    private static string DidKey(string seed) => VerificationFixtures.DidOf(seed);

    private static Task<DataIntegrityVerification> Verify(JObject document, ProofVerificationOptions? options = null) =>
        DataIntegrityVerifier.VerifyAsync(document, options ?? new ProofVerificationOptions { Clock = new FixedClock(Created.AddDays(1)) });

    private static void AssertCheck(DataIntegrityVerification result, string name, CheckStatus status)
    {
        var check = Assert.Single(result.AllChecks, c => c.Name == name);
        Assert.True(check.Status == status, $"{name}: expected {status}, got {check.Status}: {check.Message}");
    }

    [Theory]
    [InlineData("eddsa-rdfc-2022")]
    [InlineData("eddsa-jcs-2022")]
    [InlineData("Ed25519Signature2020")]
    public async Task A_credential_signed_by_its_issuer_verifies(string suite)
    {
        var signed = await Sign(Credential(DidKey(Seed1)), suite: Cryptosuites.FromName(suite));
        var result = await Verify(signed);
        Assert.Equal(Verdict.Valid, result.Verdict);
        AssertCheck(result, "proof.signature", CheckStatus.Passed);
        AssertCheck(result, "proof.controller", CheckStatus.Passed);
    }

    [Fact]
    public async Task Key_substitution_a_key_not_controlled_by_the_issuer_fails()
    {
        // Attack: a valid signature by someone else's key on a credential naming the university as issuer.
        var signed = await Sign(Credential(DidKey(Seed1)), seed: Seed2);
        var result = await Verify(signed);
        Assert.Equal(Verdict.Invalid, result.Verdict);
        AssertCheck(result, "proof.controller", CheckStatus.Failed);
    }

    [Fact]
    public async Task Replay_of_a_proof_onto_another_document_fails()
    {
        // Attack: the proof of one credential copied onto another by the same issuer.
        var first = await Sign(Credential(DidKey(Seed1)));
        var other = Credential(DidKey(Seed1));
        other["name"] = "Leadership";
        other["proof"] = first["proof"]!.DeepClone();
        AssertCheck(await Verify(other), "proof.signature", CheckStatus.Failed);
    }

    [Fact]
    public async Task A_wrong_proof_purpose_fails()
    {
        var signed = await Sign(Credential(DidKey(Seed1)), options: new ProofOptions { Created = Created, ProofPurpose = "authentication" });
        AssertCheck(await Verify(signed), "proof.purpose", CheckStatus.Failed);
    }

    [Fact]
    public async Task An_expired_proof_fails()
    {
        var signed = await Sign(Credential(DidKey(Seed1)), options: new ProofOptions { Created = Created, Expires = Created.AddHours(1) });
        AssertCheck(await Verify(signed), "proof.expires", CheckStatus.Failed);
        var early = await Verify(signed, new ProofVerificationOptions { Clock = new FixedClock(Created.AddMinutes(5)) });
        Assert.Equal(Verdict.Valid, early.Verdict);
    }

    [Fact]
    public async Task A_proof_created_in_the_future_fails()
    {
        var signed = await Sign(Credential(DidKey(Seed1)));
        AssertCheck(await Verify(signed, new ProofVerificationOptions { Clock = new FixedClock(Created.AddHours(-1)) }), "proof.created", CheckStatus.Failed);
    }

    [Theory]
    [InlineData("not-multibase")]
    [InlineData("z3yz")]
    [InlineData("uAAAA")]
    public async Task A_malformed_proof_value_fails_and_the_signature_is_not_checked(string proofValue)
    {
        var signed = await Sign(Credential(DidKey(Seed1)));
        signed["proof"]!["proofValue"] = proofValue;
        var result = await Verify(signed);
        AssertCheck(result, "proof.proofValue", CheckStatus.Failed);
        AssertCheck(result, "proof.signature", CheckStatus.NotApplicable);
    }

    [Fact]
    public async Task An_unknown_cryptosuite_is_undecided_not_failed()
    {
        var signed = await Sign(Credential(DidKey(Seed1)));
        signed["proof"]!["cryptosuite"] = "bbs-2023";
        AssertCheck(await Verify(signed), "proof.type", CheckStatus.CouldNotCheck);
    }

    [Fact]
    public async Task A_proof_context_that_is_not_a_prefix_of_the_document_context_fails()
    {
        var signed = await Sign(Credential(DidKey(Seed1)));
        signed["proof"]!["@context"] = new JArray("https://w3id.org/security/data-integrity/v2");
        AssertCheck(await Verify(signed), "proof.context", CheckStatus.Failed);
    }

    [Fact]
    public async Task A_did_web_key_offline_cannot_be_checked()
    {
        var signed = await Sign(Credential("did:web:uni.example"), options: new ProofOptions { Created = Created, VerificationMethod = "did:web:uni.example#key-1" });
        var result = await Verify(signed);
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        AssertCheck(result, "proof.verificationMethod", CheckStatus.CouldNotCheck);
    }

    [Fact]
    public async Task The_unbound_key_fragment_form_is_not_trusted_by_default()
    {
        // Attack: https://uni.example/issuer#z6Mk<attacker key> — the fragment names the key, but nothing proves the
        // university controls it. Only a resolver that opts in (or fetches the controller document) accepts it.
        using var attacker = Ed25519Key.FromSeed(Convert.FromHexString(Seed2));
        var issuer = "https://uni.example/issuer";
        var signed = await DataIntegritySigner.SignAsync(Credential(issuer), new Ed25519Signer(attacker, issuer + "#" + attacker.PublicKey.ToMultibase()), Cryptosuites.EddsaRdfc2022, new ProofOptions { Created = Created });
        Assert.NotEqual(Verdict.Valid, (await Verify(signed)).Verdict);
        var optedIn = await Verify(signed, new ProofVerificationOptions { Clock = new FixedClock(Created.AddDays(1)), KeyResolver = KeyResolvers.OfflineTrustingKeyFragments });
        Assert.Equal(Verdict.Valid, optedIn.Verdict);
    }

    [Fact]
    public async Task A_valid_proof_next_to_an_invalid_one_makes_the_document_invalid()
    {
        // Attack: a proof set where only one proof holds must not pass on the strength of that one.
        var signed = await Sign(Credential(DidKey(Seed1)));
        var twice = await Sign(signed, options: new ProofOptions { Created = Created.AddSeconds(1) });
        Assert.Equal(Verdict.Valid, (await Verify(twice)).Verdict);
        twice["proof"]![1]!["proofValue"] = signed["proof"]!["proofValue"];
        var result = await Verify(twice);
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.Equal(2, result.Proofs.Count);
        Assert.Equal(Verdict.Valid, result.Proofs[0].Verdict);
        Assert.Equal(Verdict.Invalid, result.Proofs[1].Verdict);
    }

    [Fact]
    public async Task A_document_without_proof_fails()
    {
        var result = await Verify(Credential(DidKey(Seed1)));
        AssertCheck(result, "proof.present", CheckStatus.Failed);
    }

    [Fact]
    public async Task An_undefined_property_added_after_signing_fails_in_safe_mode()
    {
        var signed = await Sign(Credential(DidKey(Seed1)));
        signed["credentialSubject"]!["unknownTerm"] = "hidden from the signature";
        var result = await Verify(signed);
        AssertCheck(result, "proof.signature", CheckStatus.Failed);
        Assert.Contains("unknownTerm", result.AllChecks.Single(c => c.Name == "proof.signature").Message);
    }

    [Fact]
    public async Task A_remote_context_is_never_fetched_and_the_check_is_undecided()
    {
        // Attack: remote context injection — a context URL the verifier would have to fetch.
        var signed = await Sign(Credential(DidKey(Seed1)));
        ((JArray)signed["@context"]!).Add("https://evil.example/context.json");
        var result = await Verify(signed);
        Assert.Equal(Verdict.Indeterminate, result.Verdict);
        Assert.Contains("evil.example", result.AllChecks.Single(c => c.Name == "proof.signature").Message);
    }

    [Fact]
    public async Task Legacy_eddsa_2022_proofs_verify_but_are_never_issued()
    {
        var credential = Credential(DidKey(Seed1));
        await Assert.ThrowsAsync<ArgumentException>(() => Sign(credential, suite: Cryptosuites.Eddsa2022));

        // Build an eddsa-2022 proof by hand: the same algorithm as eddsa-rdfc-2022 under the draft name.
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed1));
        var proof = new JObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-2022",
            ["created"] = "2025-03-01T12:00:00Z",
            ["verificationMethod"] = key.PublicKey.ToDidKeyVerificationMethodId(),
            ["proofPurpose"] = "assertionMethod",
        };
        var hash = ProofHashing.HashData(Cryptosuites.Eddsa2022, OpenBadges.Json.DocumentView.Whole(ProofHashing.ProofConfiguration(proof, credential["@context"])), OpenBadges.Json.DocumentView.Whole(credential), null, default);
        proof["proofValue"] = Multibase.EncodeBase58Btc(key.Sign(hash));
        credential["proof"] = proof;
        Assert.Equal(Verdict.Valid, (await Verify(credential)).Verdict);
    }

    [Fact]
    public async Task A_remote_style_signer_whose_key_never_enters_the_process_signs_credentials()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(Seed1));
        var kms = new SimulatedKms(key);
        var signed = await DataIntegritySigner.SignAsync(Credential(DidKey(Seed1)), kms, Cryptosuites.EddsaRdfc2022, new ProofOptions { Created = Created });
        Assert.Equal(1, kms.Calls);
        Assert.Equal(Verdict.Valid, (await Verify(signed)).Verdict);
    }

    [Fact]
    public async Task Signing_never_modifies_the_input()
    {
        var credential = Credential(DidKey(Seed1));
        var before = credential.ToString();
        await Sign(credential, suite: Cryptosuites.Ed25519Signature2020);
        Assert.Equal(before, credential.ToString());
    }

    [Fact]
    public async Task Created_defaults_to_now_at_second_precision()
    {
        var now = new DateTimeOffset(2025, 5, 6, 7, 8, 9, 987, TimeSpan.Zero);
        var signed = await Sign(Credential(DidKey(Seed1)), options: new ProofOptions { Clock = new FixedClock(now) });
        Assert.Equal("2025-05-06T07:08:09Z", (string?)signed["proof"]!["created"]);
    }

    [Fact]
    public async Task Hostile_proof_shapes_never_throw()
    {
        foreach (var proof in new JToken[] { "a string", 42, new JArray(1, 2), new JObject { ["type"] = new JArray() }, JValue.CreateNull(), new JObject { ["proofValue"] = new JObject() } })
        {
            var credential = Credential(DidKey(Seed1));
            credential["proof"] = proof;
            var result = await Verify(credential);
            Assert.NotEqual(Verdict.Valid, result.Verdict);
        }
    }

    [Fact]
    public async Task A_document_parsed_with_date_sniffing_is_refused_not_guessed()
    {
        var sniffed = JObject.Parse(Credential(DidKey(Seed1)).ToString());
        var error = await Assert.ThrowsAsync<OpenBadges.Json.JsonInputException>(() => Sign(sniffed));
        Assert.Contains("validFrom", error.Message);
        var signed = await Sign(Credential(DidKey(Seed1)));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Verify(JObject.Parse(signed.ToString())));
        Assert.Contains("validFrom", refused.Message);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Stands for a KMS/HSM: the signer object holds only a handle and asks the "service" to sign.</summary>
    private sealed class SimulatedKms(Ed25519Key keyInService) : ISigner
    {
        public int Calls { get; private set; }

        public string KeyId => keyInService.PublicKey.ToDidKeyVerificationMethodId();

        public string Algorithm => "Ed25519";

        public async ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
        {
            Calls++;
            await Task.Yield();
            return keyInService.Sign(data.Span);
        }
    }
}
