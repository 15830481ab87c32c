using System.Globalization;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

/// <summary>ecdsa-sd-2023 issuing, deriving and verifying on Open Badges credentials, and the attacks on derived proofs.</summary>
public sealed class EcdsaSd2023Tests
{
    private static readonly ProofOptions Options = new() { Created = DateTimeOffset.Parse(InteropCorpus.Created, CultureInfo.InvariantCulture), JsonLd = TestContexts.Options };

    private static readonly ProofVerificationOptions VerifyOptions = new() { JsonLd = TestContexts.Options };

    [SharedDataFact]
    public async Task A_micro_credential_with_a_grade_scale_list_derives_and_verifies_and_the_name_can_be_withheld()
    {
        using var key = EcdsaKeyFile.Generate(EcdsaCurve.P256);
        var credential = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("combined-lists"), key.Controller);
        credential["credentialSubject"]!["name"] = "Ada Lovelace";
        var baseCredential = await EcdsaSd2023.SignBaseAsync(credential, key.CreateSigner(), null, Options);

        var withheld = EcdsaSd2023.Derive(baseCredential, [], TestContexts.Options);
        Assert.Null(withheld["credentialSubject"]!["name"]);
        Assert.NotNull(withheld["credentialSubject"]!["achievement"]);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(withheld, VerifyOptions)).IsValid);

        var disclosed = EcdsaSd2023.Derive(baseCredential, ["/credentialSubject/name"], TestContexts.Options);
        Assert.Equal("Ada Lovelace", (string?)disclosed["credentialSubject"]!["name"]);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(disclosed, VerifyOptions)).IsValid);
    }

    [SharedDataFact]
    public async Task A_pointer_into_a_list_is_refused_rather_than_disclosing_a_different_list()
    {
        using var key = EcdsaKeyFile.Generate(EcdsaCurve.P256);
        var credential = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("combined-lists"), key.Controller);
        var pointer = ListPointer(credential);
        var baseCredential = await EcdsaSd2023.SignBaseAsync(credential, key.CreateSigner(), ["/issuer"], Options);
        Assert.Throws<ArgumentException>(() => EcdsaSd2023.Derive(baseCredential, [pointer + "/1"], TestContexts.Options));
        Assert.True((await DataIntegrityVerifier.VerifyAsync(EcdsaSd2023.Derive(baseCredential, [pointer], TestContexts.Options), VerifyOptions)).IsValid);
    }

    [SharedDataFact]
    public async Task A_vc_1_1_credential_and_a_p384_or_ed25519_signer_are_refused()
    {
        using var key = EcdsaKeyFile.Generate(EcdsaCurve.P256);
        var vc1 = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("vc1-ob-3.0.3"), key.Controller);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => EcdsaSd2023.SignBaseAsync(vc1, key.CreateSigner(), null, Options));
        Assert.Contains("VC 1.1", e.Message, StringComparison.Ordinal);

        using var p384 = EcdsaKeyFile.Generate(EcdsaCurve.P384);
        var credential = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("vc2-minimal"), p384.Controller);
        await Assert.ThrowsAsync<ArgumentException>(() => EcdsaSd2023.SignBaseAsync(credential, p384.CreateSigner(), null, Options));
        await Assert.ThrowsAsync<ArgumentException>(() => DataIntegritySigner.SignAsync(credential, key.CreateSigner(), Cryptosuites.EcdsaSd2023, Options));
    }

    [SharedDataFact]
    public async Task Derived_proofs_with_edited_reordered_added_or_removed_statements_are_rejected()
    {
        using var key = EcdsaKeyFile.Generate(EcdsaCurve.P256);
        var credential = EcdsaInteropTests.WithIssuer(InteropCorpus.Get("vc2-minimal"), key.Controller);
        credential["credentialSubject"]!["name"] = "Ada Lovelace";
        credential["credentialSubject"]!["identifier"] = JArray.Parse("""[{ "type": "IdentityObject", "identityHash": "ada@example.org", "identityType": "emailAddress", "hashed": false }]""");
        var baseCredential = await EcdsaSd2023.SignBaseAsync(credential, key.CreateSigner(), null, Options);
        var derived = EcdsaSd2023.Derive(baseCredential, ["/credentialSubject/name", "/credentialSubject/identifier"], TestContexts.Options);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(derived, VerifyOptions)).IsValid);

        // Edited: a disclosed statement changed.
        var edited = (JObject)derived.DeepClone();
        edited["credentialSubject"]!["name"] = "Grace Hopper";
        await AssertRejected(edited, "signature of disclosed statement");

        // Added: a statement the holder did not receive a signature for (the withheld-by-default subject id, here made up).
        var added = (JObject)derived.DeepClone();
        added["credentialSubject"]!["role"] = "added by the holder";
        await AssertRejected(added, "statement");

        // Removed: a disclosed statement dropped without re-deriving.
        var removed = (JObject)derived.DeepClone();
        ((JObject)removed["credentialSubject"]!).Remove("name");
        await AssertRejected(removed, "statement");

        // Reordered: the statement signatures swapped.
        Assert.True(SdProofValues.TryDecodeText((string?)derived["proof"]!["proofValue"], out var bytes));
        Assert.True(SdProofValues.TryParseDerived(bytes, out var value, out _));
        var swapped = value.Signatures.ToList();
        (swapped[0], swapped[1]) = (swapped[1], swapped[0]);
        var reordered = (JObject)derived.DeepClone();
        reordered["proof"]!["proofValue"] = SdProofValues.Serialize(value with { Signatures = swapped });
        await AssertRejected(reordered, "signature of disclosed statement");

        // A mandatory statement moved out of the mandatory set.
        var demoted = (JObject)derived.DeepClone();
        demoted["proof"]!["proofValue"] = SdProofValues.Serialize(value with { MandatoryIndexes = value.MandatoryIndexes.Skip(1).ToArray() });
        await AssertRejected(demoted, "");

        // The base proof's own proofValue on the derived document, and garbage, are never valid.
        var garbage = (JObject)derived.DeepClone();
        garbage["proof"]!["proofValue"] = "u2V0BhQ";
        await AssertRejected(garbage, "");
    }

    [Fact]
    public void The_default_mandatory_pointers_keep_the_badge_and_leave_the_learner()
    {
        var credential = JObject.Parse("""
            {
              "@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:x", "type": ["VerifiableCredential"],
              "issuer": "did:example:1", "validFrom": "2024-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z", "name": "n",
              "credentialSubject": { "id": "did:example:learner", "type": ["AchievementSubject"], "name": "Ada", "achievement": {}, "result": [] }
            }
            """);
        Assert.Equal(
            ["/id", "/type", "/issuer", "/validFrom", "/validUntil", "/name", "/credentialSubject/type", "/credentialSubject/achievement"],
            EcdsaSd2023.OpenBadgesMandatoryPointers(credential));
    }

    private static async Task AssertRejected(JObject document, string messagePart)
    {
        var result = await DataIntegrityVerifier.VerifyAsync(document, VerifyOptions);
        Assert.False(result.IsValid);
        var signature = Assert.Single(result.AllChecks, c => c.Name == "proof.signature");
        Assert.Equal(CheckStatus.Failed, signature.Status);
        Assert.Contains(messagePart, signature.Message, StringComparison.Ordinal);
    }

    private static string ListPointer(JObject credential)
    {
        foreach (var token in credential.SelectTokens("$..allowedValue"))
        {
            return "/" + string.Join("/", token.Path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.'));
        }

        throw new InvalidOperationException("the corpus entry has no allowedValue list");
    }
}
