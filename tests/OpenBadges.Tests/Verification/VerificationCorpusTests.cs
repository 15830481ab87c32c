using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Keys;
using OpenBadges.Tests.Interop;
using OpenBadges.Tests.Support;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Verification;

/// <summary>The corpus with its expected verdicts, the shared reference credentials, the JS reference stack's output, and fuzzing.</summary>
public sealed class VerificationCorpusTests
{
    public static TheoryData<string> CorpusNames => VerificationCorpus.Names();

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Each_corpus_credential_gets_its_expected_verdict(string name)
    {
        var entry = await VerificationCorpus.GetAsync(name);
        var report = await Verifier(entry.Served, entry.Now).VerifyAsync(entry.Input);
        Assert.True(entry.Expected == report.Verdict, $"{name}: expected {entry.Expected}, got {report}");
        if (entry.DecidingCheck is not null)
        {
            var status = entry.Expected switch
            {
                Verdict.Valid => CheckStatus.Passed,
                Verdict.Invalid => CheckStatus.Failed,
                _ => CheckStatus.CouldNotCheck,
            };
            AssertCheck(report, entry.DecidingCheck, status);
        }
    }

    [SharedDataTheory]
    [InlineData("reference-stack/ob3-microcredential.eddsa-rdfc-2022.signed.json")]
    [InlineData("reference-stack/ob3-microcredential.Ed25519Signature2020.signed.json")]
    [InlineData("reference-stack/ob3-microcredential-vc1.eddsa-rdfc-2022.signed.json")]
    [InlineData("reference-stack/ob3-microcredential-vc1.Ed25519Signature2020.signed.json")]
    public async Task The_reference_stack_credentials_are_valid(string file)
    {
        var report = await Verifier().VerifyAsync(await File.ReadAllBytesAsync(SharedData.Conformance(file)));
        Assert.True(report.IsValid, report.ToString());
    }

    [SharedDataFact]
    public async Task The_1edtech_test_vector_is_indeterminate_offline_and_valid_when_its_key_fragment_is_trusted()
    {
        var input = await File.ReadAllBytesAsync(SharedData.Conformance("ob3/test-vector/signed.json"));
        var offline = await Verifier().VerifyAsync(input);
        Assert.Equal(Verdict.Indeterminate, offline.Verdict);
        AssertCheck(offline, "proof.verificationMethod", CheckStatus.CouldNotCheck);
        var trusting = await new CredentialVerifier(Options() with { KeyResolver = KeyResolvers.OfflineTrustingKeyFragments }).VerifyAsync(input);
        Assert.True(trusting.Find(CheckNames.Proof)!.Status == CheckStatus.Passed, trusting.ToString());
    }

    [InteropTheory]
    [InlineData("eddsa-rdfc-2022")]
    [InlineData("Ed25519Signature2020")]
    public async Task What_the_reference_stack_signs_verifies_in_full(string suite)
    {
        // The interop corpus exercises JSON-LD and proofs, not OB validity: a few of its credentials are JSON-LD-valid
        // but break the OB 3.0 schema (language maps for name, otherIdentifier with an array type, a custom
        // achievementType), and one names an HTTPS issuer while the test key is a did:key. The full verifier must
        // call exactly those invalid, and find every signature good.
        string[] knownInvalid = ["issuer-https-1edtech-key-form", "achievement-other-identifier-tags-creator", "text-language-tagged-values", "text-language-and-direction-values", "combined-lists"];
        var trusting = new CredentialVerifier(Options() with { KeyResolver = KeyResolvers.OfflineTrustingKeyFragments });
        var badSignatures = new List<string>();
        var invalid = new List<string>();
        foreach (var (name, credential) in InteropCorpus.All())
        {
            var signed = await ReferenceStack.Shared.SignWithTestKeyAsync(credential, suite);
            var report = await trusting.VerifyAsync(signed.ToString());
            if (report.Find("proof.signature")?.Status != CheckStatus.Passed)
            {
                badSignatures.Add($"{name}: {report}");
            }

            if (report.Verdict == Verdict.Invalid)
            {
                invalid.Add(name);
            }
        }

        Assert.True(badSignatures.Count == 0, string.Join("\n", badSignatures));
        Assert.Equal(knownInvalid.Order(), invalid.Order());
    }

    [Fact]
    public async Task No_truncation_of_a_credential_verifies_and_none_throws()
    {
        var verifier = Verifier();
        foreach (var text in new[] { (await SignAsync(Credential())).ToString(Newtonsoft.Json.Formatting.None), await IssueJwtAsync(Credential()) })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var step = Math.Max(1, bytes.Length / 90);
            for (var length = 0; length < bytes.Length; length += step)
            {
                var report = await verifier.VerifyAsync(bytes.AsMemory(0, length));
                Assert.True(report.Verdict != Verdict.Valid, $"a truncation to {length} bytes verified");
            }
        }
    }

    [Fact]
    public async Task Byte_flips_never_throw_and_never_verify_as_other_content()
    {
        var verifier = Verifier();
        var original = await SignAsync(Credential());
        var bytes = Encoding.UTF8.GetBytes(original.ToString(Newtonsoft.Json.Formatting.None));
        var random = new Random(20250601);
        for (var i = 0; i < 200; i++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
            var report = await verifier.VerifyAsync(flipped);
            if (report.IsValid)
            {
                // Only a flip that leaves the same JSON (e.g. whitespace) may verify.
                Assert.True(JToken.DeepEquals(original, report.Credential), "a byte flip verified as different content: " + Encoding.UTF8.GetString(flipped));
            }
        }
    }

    [Fact]
    public async Task Byte_flips_in_a_baked_png_never_throw()
    {
        var verifier = Verifier();
        var signed = (await SignAsync(Credential())).ToString();
        var png = OpenBadges.Baking.PngBaker.Bake(Unit.BakingTests.TinyPng(), signed);
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            var flipped = (byte[])png.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
            var report = await verifier.VerifyAsync(flipped);
            Assert.True(report.Verdict != Verdict.Valid || JToken.DeepEquals(JObject.Parse(signed), report.Credential));
        }
    }

    [Fact]
    public async Task Hostile_shapes_never_throw()
    {
        var verifier = Verifier();
        var inputs = new List<string>
        {
            string.Empty, " ", "null", "[]", "42", "\"text\"", "{}", "<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "a.b.c", "..", "eyJ.eyJ.", "\uFEFF",
            """{"@context": 5, "type": {}, "issuer": [], "credentialSubject": "x", "proof": "y", "validFrom": 3}""",
            """{"@context": ["https://www.w3.org/ns/credentials/v2"], "credentialStatus": [1, null, {}], "endorsement": [1, "x", {}], "endorsementJwt": [{}, 2]}""",
            """{"@context": [null], "refreshService": {"type": "1EdTechCredentialRefresh"}, "credentialSchema": [{"type": "1EdTechJsonSchemaValidator2019"}]}""",
        };
        foreach (var input in inputs)
        {
            var report = await verifier.VerifyAsync(input);
            Assert.NotEqual(Verdict.Valid, report.Verdict);
            Assert.NotNull(report.ToJson());
        }

        Assert.NotEqual(Verdict.Valid, (await verifier.VerifyAsync(ReadOnlyMemory<byte>.Empty)).Verdict);
        Assert.NotEqual(Verdict.Valid, (await verifier.VerifyAsync(new byte[] { 0xFF, 0xFE, 0x00 })).Verdict);
        Assert.NotEqual(Verdict.Valid, (await verifier.VerifyAsync((string)null!)).Verdict);
        Assert.NotEqual(Verdict.Valid, (await verifier.VerifyAsync((JObject)null!)).Verdict);
        Assert.NotEqual(Verdict.Valid, (await new PresentationVerifier().VerifyAsync("{\"verifiableCredential\": [1, \"x\", {}]}")).Verdict);
    }
}
