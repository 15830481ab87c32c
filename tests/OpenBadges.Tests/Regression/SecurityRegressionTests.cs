using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Status;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Regression;

/// <summary>
/// One named test per known attack on a credential verifier, each run through the full <see cref="CredentialVerifier"/>
/// (the proof-level versions are in Unit/DataIntegrityVerifierTests). Each says what it guards against. None may throw,
/// and none may end Valid.
/// </summary>
public sealed class SecurityRegressionTests
{
    private const int Index = 4242;

    private static async Task<JObject> SignedAsync() => await SignAsync(Credential());

    private static async Task<VerificationReport> VerifyAsync(string text, IReadOnlyDictionary<string, string>? served = null) =>
        await Verifier(served).VerifyAsync(text);

    // Guards against: remote context injection — a context URL added to a signed credential would make a naive verifier
    // fetch attacker-controlled term definitions (and reinterpret the signed data). Nothing is fetched; it cannot be checked.
    [Fact]
    public async Task Remote_context_injection_is_never_fetched_and_is_indeterminate()
    {
        var signed = await SignedAsync();
        ((JArray)signed["@context"]!).Add("https://evil.example/context.json");
        var fetched = 0;
        var options = Options() with { Fetcher = (_, _) => { fetched++; return Task.FromResult("{}"); } };
        var report = await new CredentialVerifier(options).VerifyAsync(signed.ToString());
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, CheckNames.JsonLd, CheckStatus.CouldNotCheck);
        Assert.Contains("evil.example", report.Find(CheckNames.JsonLd)!.Message);
        Assert.Equal(0, fetched);
    }

    // Guards against: replay — a genuine proof lifted from one credential onto another of the same issuer.
    [Fact]
    public async Task Replay_of_a_proof_onto_another_document_is_invalid()
    {
        var genuine = await SignedAsync();
        var other = Credential();
        other["name"] = "Leadership";
        other["credentialSubject"]!["achievement"]!["name"] = "Leadership";
        other["proof"] = genuine["proof"]!.DeepClone();
        var report = await VerifyAsync(other.ToString());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, "proof.signature", CheckStatus.Failed);
    }

    // Guards against: key substitution — a valid signature by the attacker's own key on a credential naming the university.
    [Fact]
    public async Task Key_substitution_where_the_controller_is_not_the_issuer_is_invalid()
    {
        var report = await VerifyAsync((await SignAsync(Credential(), OtherSeed)).ToString());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, "proof.controller", CheckStatus.Failed);
    }

    // Guards against: the "controller#z6Mk<attacker key>" form — the key named in the fragment proves nothing about who controls it.
    [Fact]
    public async Task An_unbound_key_fragment_is_not_trusted_offline()
    {
        using var attacker = Ed25519Key.FromSeed(Convert.FromHexString(OtherSeed));
        const string issuer = "https://uni.example/issuer";
        var signed = await DataIntegritySigner.SignAsync(Credential(issuer), new Ed25519Signer(attacker, issuer + "#" + attacker.PublicKey.ToMultibase()), Cryptosuites.EddsaRdfc2022, new ProofOptions { Created = Signed });
        var report = await VerifyAsync(signed.ToString());
        Assert.NotEqual(Verdict.Valid, report.Verdict);
        AssertCheck(report, "proof.verificationMethod", CheckStatus.CouldNotCheck);
    }

    // Guards against: proof sets where one good proof carries a bad one (every proof must hold).
    [Fact]
    public async Task A_valid_proof_plus_an_invalid_one_is_invalid()
    {
        var once = await SignedAsync();
        var twice = await SignAsync(once, options: new ProofOptions { Created = Signed.AddSeconds(1) });
        twice["proof"]![1]!["proofValue"] = once["proof"]!["proofValue"];
        var report = await VerifyAsync(twice.ToString());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Proof, CheckStatus.Failed);
    }

    // Guards against: using a proof after the signer said it stops being good (proof "expires").
    [Fact]
    public async Task An_expired_proof_is_invalid()
    {
        var signed = await SignAsync(Credential(), options: new ProofOptions { Created = Signed, Expires = Signed.AddDays(1) });
        var report = await VerifyAsync(signed.ToString());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, "proof.expires", CheckStatus.Failed);
    }

    // Guards against: a "poison graph" (rdf-canon test074: a clique of 10 blank nodes) that makes RDFC-1.0's
    // N-degree hashing explode; the work limit stops it quickly, and the answer is "could not check", not "invalid".
    [Fact]
    public async Task A_poison_graph_stops_within_the_work_limit_as_indeterminate()
    {
        var credential = Credential();
        ((JArray)credential["@context"]!).Add(new JObject
        {
            ["clique"] = new JObject { ["@id"] = "https://example.org/clique", ["@type"] = "@id" },
            ["linksTo"] = new JObject { ["@id"] = "https://example.org/linksTo", ["@type"] = "@id" },
        });
        credential["clique"] = new JArray(Enumerable.Range(0, 10).Select(i => new JObject
        {
            ["@id"] = $"_:b{i}",
            ["linksTo"] = new JArray(Enumerable.Range(0, 10).Where(j => j != i).Select(j => $"_:b{j}")),
        }));
        credential["proof"] = (await SignedAsync())["proof"]!.DeepClone();
        var watch = Stopwatch.StartNew();
        var report = await VerifyAsync(credential.ToString());
        watch.Stop();
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, "proof.signature", CheckStatus.CouldNotCheck);
        Assert.Contains("Hash N-Degree Quads", report.Find("proof.signature")!.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    // Guards against: stack exhaustion by deep nesting — refused by the JSON reader before anything recurses.
    [Fact]
    public async Task Deep_nesting_is_refused_before_processing()
    {
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("[", 100_000)) + string.Concat(Enumerable.Repeat("]", 100_000)) + "}";
        var report = await VerifyAsync(deep);
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, CheckNames.Parse, CheckStatus.CouldNotCheck);

        // The same through a JObject built in memory (no reader to stop it): JSON-LD's own depth limit does.
        var nested = new JObject();
        var cursor = nested;
        for (var i = 0; i < 200; i++)
        {
            var next = new JObject();
            cursor["credentialSubject"] = next;
            cursor = next;
        }

        var signed = await SignedAsync();
        signed["credentialSubject"]!["achievement"]!["criteria"]!["nested"] = nested;
        Assert.NotEqual(Verdict.Valid, (await Verifier().VerifyAsync(signed)).Verdict);
    }

    // Guards against: numbers that overflow (1e400) or lose precision as doubles (100-digit integers), which two
    // readers could see as different values — or one reader as the same value as a different number.
    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890")]
    public async Task Huge_numbers_never_verify_and_never_throw(string number)
    {
        var text = (await SignedAsync()).ToString().Replace("\"name\": \"Teamwork\",", $"\"name\": \"Teamwork\", \"awardedDate\": {number},", StringComparison.Ordinal);
        Assert.Contains(number, text);
        Assert.NotEqual(Verdict.Valid, (await VerifyAsync(text)).Verdict);
    }

    // Guards against: a big integer that verifies after its last digit changed (precision lost on the way to a double).
    // Our signer refuses such numbers, so the proof here is made as a signer without that rule makes it (jsonld.js
    // does): over the canonical form, where JSON-LD has written the 100-digit integer as a double.
    [Fact]
    public async Task A_100_digit_integer_changed_in_its_last_digit_does_not_verify()
    {
        const string Big = "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890";
        const string Changed = "1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567891";
        var credential = WithExtensions(Credential());
        ((JArray)credential["@context"]!).Add(new JObject { ["serial"] = "https://example.org/serial" });
        credential["serial"] = JToken.Parse(Big);
        await Assert.ThrowsAsync<OpenBadges.Json.JsonInputException>(() => SignAsync(credential));

        credential["serial"] = 1;
        var signed = await SignAsync(credential);
        signed["serial"] = JToken.Parse(Big);
        var proof = (JObject)signed["proof"]!;
        proof["proofValue"] = ProofValueOver(signed, proof);
        var changed = (JObject)signed.DeepClone();
        changed["serial"] = JToken.Parse(Changed);

        // The hazard is real: both numbers give the same signed bytes, so the proof alone cannot tell them apart.
        Assert.Equal(HashDataOf(signed, proof), HashDataOf(changed, (JObject)changed["proof"]!));

        foreach (var document in new[] { changed, signed })
        {
            var report = await VerifyAsync(document.ToString());
            Assert.Equal(Verdict.Invalid, report.Verdict);
            AssertCheck(report, CheckNames.JsonLd, CheckStatus.Failed);
            Assert.Contains("$.serial", report.Find(CheckNames.JsonLd)!.Message + report.Find(CheckNames.JsonLd)!.JsonPath, StringComparison.Ordinal);
        }

        static byte[] HashDataOf(JObject document, JObject proof) => ProofHashing.HashData(
            Cryptosuites.EddsaRdfc2022, ProofHashing.ConfigurationView(proof, document["@context"]), new OpenBadges.Json.DocumentView(document, "proof", null), null, default);

        static string ProofValueOver(JObject document, JObject proof)
        {
            using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
            return Multibase.EncodeBase58Btc(key.Sign(HashDataOf(document, proof)));
        }
    }

    // Guards against: an integer above 2^53 that a double does not hold. JCS (RFC 8785) writes every number as its
    // double, so under eddsa-jcs-2022 9007199254740993 signs exactly as 9007199254740992 does; JSON-LD processors that
    // read numbers as doubles (jsonld.js) do the same under rdfc. The signer must refuse it and the verifier flag it.
    [Theory]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("-123456789012345678", "-123456789012345680")]
    [InlineData("18446744073709551617", "18446744073709551616")]
    public async Task An_integer_a_double_does_not_hold_is_refused_at_signing_and_never_verifies_under_jcs(string inexact, string asDouble)
    {
        var credential = WithExtensions(Credential());
        ((JArray)credential["@context"]!).Add(new JObject { ["serial"] = "https://example.org/serial" });
        credential["serial"] = JToken.Parse(inexact);
        var refused = await Assert.ThrowsAsync<OpenBadges.Json.JsonInputException>(() => SignAsync(credential, suite: Cryptosuites.EddsaJcs2022));
        Assert.Contains("serial", refused.Message, StringComparison.Ordinal);

        credential["serial"] = JToken.Parse(asDouble);
        var signed = await SignAsync(credential, suite: Cryptosuites.EddsaJcs2022);
        Assert.Equal(Verdict.Valid, (await VerifyAsync(signed.ToString())).Verdict);

        var tampered = signed.ToString().Replace(asDouble, inexact, StringComparison.Ordinal);
        Assert.Contains(inexact, tampered, StringComparison.Ordinal);
        var report = await VerifyAsync(tampered);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Contains("serial", report.Find(CheckNames.JsonLd)!.Message + report.Find(CheckNames.JsonLd)!.JsonPath, StringComparison.Ordinal);
    }

    // Guards against: duplicate JSON keys — one parser takes the first "name", another the last: two readers, two credentials.
    [Fact]
    public async Task Duplicate_json_keys_are_invalid()
    {
        var text = (await SignedAsync()).ToString().Replace("\"name\": \"Teamwork\",", "\"name\": \"Teamwork\", \"name\": \"Leadership\",", StringComparison.Ordinal);
        var report = await VerifyAsync(text);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Parse, CheckStatus.Failed);
        Assert.Single(report.Checks);
    }

    // Guards against: byte order marks — one before the JSON is outside the signed data and ignored (RFC 8259 §8.1);
    // one inside a value changes the signed text and must break the signature.
    [Fact]
    public async Task A_bom_before_the_json_is_ignored_and_one_inside_a_value_is_invalid()
    {
        var signed = (await SignedAsync()).ToString();
        var before = await Verifier().VerifyAsync(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(signed)).ToArray());
        Assert.True(before.IsValid, before.ToString());
        Assert.Contains("byte order mark", before.Find(CheckNames.Parse)!.Message);
        var inside = await VerifyAsync(signed.Replace("\"Teamwork\"", "\"\uFEFFTeamwork\"", StringComparison.Ordinal));
        Assert.Equal(Verdict.Invalid, inside.Verdict);
    }

    // Guards against: Unicode look-alikes — "Café" signed in NFC (é = U+00E9) and presented in NFD (e + U+0301)
    // looks identical but is other text; no normalization may make it verify.
    [Fact]
    public async Task Nfd_text_does_not_verify_as_the_signed_nfc_text()
    {
        var credential = Credential();
        const string nfc = "Caf\u00E9";
        const string nfd = "Cafe\u0301";
        credential["name"] = nfc;
        var signed = (await SignAsync(credential)).ToString();
        Assert.True((await VerifyAsync(signed)).IsValid);
        var presented = signed.Replace(nfc, nfd, StringComparison.Ordinal);
        Assert.NotEqual(signed, presented);
        var report = await VerifyAsync(presented);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, "proof.signature", CheckStatus.Failed);
    }

    // Guards against: an image with two baked credentials, where the viewer and the verifier could each pick another one.
    [Fact]
    public async Task A_baked_image_with_two_credential_chunks_is_invalid()
    {
        var signed = (await SignedAsync()).ToString();
        var baked = PngBaker.Bake(Unit.BakingTests.TinyPng(), signed);
        var doubled = WithCredentialChunkTwice(baked);
        var report = await Verifier().VerifyAsync(doubled);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Parse, CheckStatus.Failed);
    }

    // Guards against: a forged status list ("nobody is revoked") served in place of the issuer's. Its proof fails, so its
    // answer is not used: never "not revoked".
    [Fact]
    public async Task A_status_list_with_a_forged_proof_is_not_trusted()
    {
        var list = await StatusListAsync(setBits: [Index]);
        list["credentialSubject"]!["encodedList"] = BitstringStatusList.Create().Encode(); // the revocation erased
        var report = await VerifyAsync((await CredentialWithStatusAsync()).ToString(), new Dictionary<string, string> { [StatusListUrl] = list.ToString() });
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, CheckNames.Status, CheckStatus.CouldNotCheck);
        Assert.Contains("not trusted", report.Find(CheckNames.Status)!.Message);
    }

    // Guards against: a genuine, well-signed status list of ANOTHER issuer (an attacker's own) answering for this credential.
    [Fact]
    public async Task A_status_list_from_a_different_issuer_is_not_trusted()
    {
        var foreign = await StatusListAsync(seed: OtherSeed);
        var report = await VerifyAsync((await CredentialWithStatusAsync()).ToString(), new Dictionary<string, string> { [StatusListUrl] = foreign.ToString() });
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        Assert.Contains("not by the credential's issuer", report.Find(CheckNames.Status)!.Message);
    }

    // Guards against: an index past the end of the list being read as "bit clear" (or crashing the reader).
    [Fact]
    public async Task A_status_index_out_of_bounds_is_invalid()
    {
        var report = await VerifyAsync((await CredentialWithStatusAsync(index: BitstringStatusList.MinimumLength)).ToString(), new Dictionary<string, string> { [StatusListUrl] = (await StatusListAsync()).ToString() });
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Contains("RANGE_ERROR", report.Find(CheckNames.Status)!.Message);
    }

    // Guards against: accepting a credential its issuer revoked.
    [Fact]
    public async Task A_revoked_credential_is_invalid()
    {
        var report = await VerifyAsync((await CredentialWithStatusAsync()).ToString(), new Dictionary<string, string> { [StatusListUrl] = (await StatusListAsync(setBits: [Index])).ToString() });
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Status, CheckStatus.Failed);
    }

    // Guards against: accepting a credential its issuer suspended.
    [Fact]
    public async Task A_suspended_credential_is_invalid()
    {
        var report = await VerifyAsync((await CredentialWithStatusAsync("suspension")).ToString(), new Dictionary<string, string> { [StatusListUrl] = (await StatusListAsync("suspension", [Index])).ToString() });
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Contains("suspended", report.Find(CheckNames.Status)!.Message);
    }

    // Guards against: memory exhaustion by a huge input — refused by size before it is read.
    [Fact]
    public async Task An_oversized_input_is_not_read()
    {
        var report = await VerifyAsync("{\"a\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, CheckNames.Parse, CheckStatus.CouldNotCheck);
    }

    // Guards against: endorsement bombs — endorsements of endorsements of … — bounded by the depth limit.
    [Fact]
    public async Task Endorsements_nested_past_the_depth_limit_are_not_followed()
    {
        JObject innermost = await SignAsync(Endorsement(IssuerDid), EndorserSeed);
        for (var level = 0; level < 5; level++)
        {
            var outer = Endorsement(IssuerDid);
            outer["endorsement"] = innermost;
            innermost = await SignAsync(outer, EndorserSeed);
        }

        var credential = Credential();
        credential["endorsement"] = innermost;
        var report = await VerifyAsync((await SignAsync(credential)).ToString());
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        var depth = 0;
        for (var current = report; current.Endorsements.Count > 0; current = current.Endorsements[0])
        {
            depth++;
        }

        Assert.Equal(3, depth);
    }

    // Guards against: alg "none" and other unsigned tokens passed off as VC-JWTs.
    [Fact]
    public async Task An_unsigned_jwt_is_invalid()
    {
        var jwt = await IssueJwtAsync(Credential());
        var parts = jwt.Split('.');
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        var report = await VerifyAsync(header + "." + parts[1] + ".");
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    // Guards against: a tree parsed with date sniffing (JObject.Parse), whose re-typed dates no longer match the signed text.
    // Rebuilding the text is a guess (see SystemTextJsonInputTests), so it is refused as the caller's misuse, with the fix.
    [Fact]
    public async Task A_date_sniffed_tree_is_not_guessed()
    {
        var sniffed = JObject.Parse((await SignedAsync()).ToString());
        var error = Assert.Throws<ArgumentException>(() => { _ = Verifier().VerifyAsync(sniffed); });
        Assert.Contains("'validFrom'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DateParseHandling = DateParseHandling.None", error.Message, StringComparison.Ordinal);
    }

    // Guards against: a credential that turns the verifier into a request generator (hundreds of status entries,
    // each naming another URL): fetches per credential are bounded; the rest are not checked.
    [Fact]
    public async Task Status_entries_past_the_fetch_limit_are_not_fetched()
    {
        var credential = Credential();
        credential["credentialStatus"] = new JArray(Enumerable.Range(0, 40).Select(i => StatusListCredentials.Entry($"https://victim.example/{i}", i)));
        var fetched = 0;
        var options = Options() with { Fetcher = (_, _) => { Interlocked.Increment(ref fetched); throw new HttpRequestException("refused"); } };
        var report = await new CredentialVerifier(options).VerifyAsync(await SignAsync(credential));
        Assert.Equal(options.MaxFetches, fetched);
        Assert.NotEqual(Verdict.Valid, report.Verdict); // (also Invalid: the OB schema wants a single credentialStatus)
        Assert.Contains(report.Checks, c => c.Name == CheckNames.Status && c.Message.Contains("MaxFetches", StringComparison.Ordinal));
    }

    // Guards against: a decompression bomb in a status list (a few KiB of GZIP expanding to many MiB): decoding stops
    // at the size limit and the status is undecided.
    [Fact]
    public async Task A_status_list_decompression_bomb_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 16; i++)
            {
                gzip.Write(zeros);
            }
        }

        var list = StatusListCredentials.Create(StatusListUrl, IssuerDid, "revocation", BitstringStatusList.Create(), Signed);
        list["credentialSubject"]!["encodedList"] = "u" + System.Buffers.Text.Base64Url.EncodeToString(buffer.ToArray());
        var signedList = await SignAsync(list);
        var report = await VerifyAsync((await CredentialWithStatusAsync()).ToString(), new Dictionary<string, string> { [StatusListUrl] = signedList.ToString() });
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        Assert.Contains("expands past", report.Find(CheckNames.Status)!.Message);
    }

    // Guards against: a refresh service answering with another issuer's (validly signed) credential.
    [Fact]
    public async Task A_refresh_answered_by_another_issuer_is_not_taken_as_a_refresh()
    {
        var credential = WithExtensions(Credential());
        credential["refreshService"] = new JObject { ["id"] = "https://uni.example/refresh/1", ["type"] = "1EdTechCredentialRefresh" };
        var foreign = await SignAsync(Credential(DidOf(OtherSeed)), OtherSeed);
        var report = await VerifyAsync((await SignAsync(credential)).ToString(), new Dictionary<string, string> { ["https://uni.example/refresh/1"] = foreign.ToString() });
        AssertCheck(report, CheckNames.Refresh, CheckStatus.NotApplicable);
        Assert.Contains("another issuer", report.Find(CheckNames.Refresh)!.Message);
    }

    private static byte[] WithCredentialChunkTwice(byte[] baked)
    {
        var chunkStart = baked.AsSpan().IndexOf("iTXt"u8) - 4;
        var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(baked.AsSpan(chunkStart));
        var chunk = baked[chunkStart..(chunkStart + 12 + length)];
        return baked[..33].Concat(chunk).Concat(baked[33..]).ToArray();
    }

    private static async Task<JObject> CredentialWithStatusAsync(string purpose = "revocation", int index = Index)
    {
        var credential = Credential();
        credential["credentialStatus"] = StatusListCredentials.Entry(StatusListUrl, index, purpose);
        return await SignAsync(credential);
    }
}
