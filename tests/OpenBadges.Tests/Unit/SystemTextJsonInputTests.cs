using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Proofs.Jose;
using OpenBadges.Status;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// Every public entry that takes a JObject also takes JSON text, UTF-8 bytes and System.Text.Json values, all read by
/// JsonInput's one set of rules; and a tree from JObject.Parse (dates re-typed) is refused with the fix named.
/// </summary>
public sealed class SystemTextJsonInputTests
{
    private const string FixInMessage = "DateParseHandling = DateParseHandling.None";

    private static async Task<string> SignedTextAsync() => (await SignAsync(Credential())).ToString();

    [Fact]
    public async Task A_signed_credential_verifies_in_every_input_form()
    {
        var text = await SignedTextAsync();
        using var document = JsonDocument.Parse(text);
        var verifier = Verifier();
        var reports = new[]
        {
            await verifier.VerifyAsync(JsonInput.ParseObject(text)),
            await verifier.VerifyAsync(text),
            await verifier.VerifyAsync(Encoding.UTF8.GetBytes(text)),
            await verifier.VerifyAsync(JsonNode.Parse(text)!),
            await verifier.VerifyAsync(document.RootElement),
        };
        Assert.All(reports, report => Assert.True(report.IsValid, report.ToString()));
        Assert.All(reports, report => Assert.True(JToken.DeepEquals(reports[0].Credential, report.Credential)));
    }

    [Fact]
    public async Task A_tampered_credential_fails_in_the_System_Text_Json_forms()
    {
        var node = JsonNode.Parse(await SignedTextAsync())!;
        node["name"] = "Leadership";
        Assert.Equal(Verdict.Invalid, (await Verifier().VerifyAsync(node)).Verdict);
        using var document = JsonDocument.Parse(node.ToJsonString());
        Assert.Equal(Verdict.Invalid, (await Verifier().VerifyAsync(document.RootElement)).Verdict);
    }

    [Fact]
    public async Task A_JsonElement_is_read_from_its_own_bytes_so_duplicate_keys_are_seen()
    {
        // JsonDocument keeps both members; a re-serialization through a dictionary would silently keep one.
        var text = (await SignedTextAsync()).Replace("\"name\": \"Teamwork\",", "\"name\": \"Teamwork\", \"name\": \"Leadership\",", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        var report = await Verifier().VerifyAsync(document.RootElement);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Parse, CheckStatus.Failed);
    }

    [Fact]
    public async Task A_VC_JWT_in_a_JSON_string_element_is_verified_as_a_token()
    {
        var jwt = await IssueJwtAsync(Credential());
        using var document = JsonDocument.Parse(System.Text.Json.JsonSerializer.Serialize(jwt));
        Assert.True((await Verifier().VerifyAsync(document.RootElement)).IsValid);
        Assert.True((await Verifier().VerifyAsync(JsonValue.Create(jwt))).IsValid);
    }

    [Fact]
    public async Task Odd_or_too_deep_nodes_end_in_a_report_not_an_exception()
    {
        // System.Text.Json's writer would turn a lone surrogate into U+FFFD: not read, rather than read as other text.
        var surrogate = new JsonObject { ["name"] = "\uD800" };
        var report = await Verifier().VerifyAsync(surrogate);
        AssertCheck(report, CheckNames.Parse, CheckStatus.CouldNotCheck);
        Assert.Contains("$.name", report.Find(CheckNames.Parse)!.Message, StringComparison.Ordinal);

        // Parsed from text, the escape cannot be written back either: not read.
        var parsed = await Verifier().VerifyAsync(JsonNode.Parse("""{"name": "\ud800"}""")!);
        AssertCheck(parsed, CheckNames.Parse, CheckStatus.CouldNotCheck);

        JsonNode deep = new JsonArray();
        for (var i = 0; i < 300; i++)
        {
            deep = new JsonArray(deep);
        }

        var deepReport = await Verifier().VerifyAsync(new JsonObject { ["a"] = deep });
        AssertCheck(deepReport, CheckNames.Parse, CheckStatus.CouldNotCheck);
        Assert.Throws<ArgumentException>(() => { _ = Verifier().VerifyAsync(default(JsonElement)); });
    }

    // JObject.Parse turns date strings into DateTime values. No rebuilding of the text is exact, so none is attempted.
    [Fact]
    public void A_re_typed_date_cannot_be_turned_back_into_the_text_that_was_signed()
    {
        string[] texts = ["2025-03-01T00:00:00Z", "2025-03-01T00:00:00.000Z", "2025-03-01T00:00:00.0Z"];
        var parsed = texts.Select(t => JObject.Parse($$"""{"validFrom": "{{t}}"}""")).ToList();
        Assert.All(parsed, p => Assert.Equal(JTokenType.Date, p["validFrom"]!.Type));
        Assert.All(parsed, p => Assert.True(JToken.DeepEquals(parsed[0], p)));
        Assert.Equal(texts.Length, texts.Select(t => Jcs.Canonicalize(JsonInput.Parse($$"""{"validFrom": "{{t}}"}"""))).Distinct().Count());
    }

    [Fact]
    public async Task JObject_Parse_output_is_refused_by_the_verifiers_with_the_path_and_the_fix()
    {
        var sniffed = JObject.Parse(await SignedTextAsync());
        var credential = Assert.Throws<ArgumentException>(() => { _ = Verifier().VerifyAsync(sniffed); });
        var presentation = Assert.Throws<ArgumentException>(() => { _ = new PresentationVerifier().VerifyAsync(sniffed); });
        var proof = await Assert.ThrowsAsync<ArgumentException>(() => DataIntegrityVerifier.VerifyAsync(sniffed));
        Assert.All(new[] { credential, presentation, proof }, e =>
        {
            Assert.Contains("'validFrom'", e.Message, StringComparison.Ordinal);
            Assert.Contains(FixInMessage, e.Message, StringComparison.Ordinal);
        });
        Assert.Equal("credential", credential.ParamName);
    }

    [Fact]
    public async Task JObject_Parse_output_is_refused_by_the_signer_with_the_fix()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var sniffed = JObject.Parse(Credential().ToString());
        var error = await Assert.ThrowsAsync<JsonInputException>(() => DataIntegritySigner.SignAsync(sniffed, Ed25519Signer.ForDidKey(key), Cryptosuites.EddsaRdfc2022));
        Assert.Contains(FixInMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal("validFrom", error.Path);
    }

    [Fact]
    public async Task The_fix_named_in_the_message_verifies()
    {
        var text = await SignedTextAsync();
        var plain = JsonConvert.DeserializeObject<JObject>(text, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;
        Assert.True((await Verifier().VerifyAsync(plain)).IsValid);
    }

    [Fact]
    public async Task The_signer_takes_and_returns_each_form_and_signs_the_same_JSON()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var signer = Ed25519Signer.ForDidKey(key);
        var options = new ProofOptions { Created = Signed };
        var text = Credential().ToString();
        var fromTree = await DataIntegritySigner.SignAsync(Credential(), signer, Cryptosuites.EddsaRdfc2022, options);
        var fromText = await DataIntegritySigner.SignAsync(text, signer, Cryptosuites.EddsaRdfc2022, options);
        var fromBytes = await DataIntegritySigner.SignAsync(Encoding.UTF8.GetBytes(text), signer, Cryptosuites.EddsaRdfc2022, options);
        var fromNode = await DataIntegritySigner.SignAsync(JsonNode.Parse(text)!, signer, Cryptosuites.EddsaRdfc2022, options);
        using var document = JsonDocument.Parse(text);
        var fromElement = await DataIntegritySigner.SignAsync(document.RootElement, signer, Cryptosuites.EddsaRdfc2022, options);

        var verifier = Verifier();
        Assert.True((await verifier.VerifyAsync(fromText)).IsValid);
        Assert.True((await verifier.VerifyAsync(fromBytes)).IsValid);
        Assert.True((await verifier.VerifyAsync(fromNode)).IsValid);
        Assert.True((await verifier.VerifyAsync(fromElement)).IsValid);

        // Ed25519 is deterministic: the same JSON and options give the same proof whatever form carried them.
        foreach (var other in new[] { JsonInput.ParseObject(fromText), JsonInput.ParseObject(fromBytes), JsonInput.ReadObject(fromNode), JsonInput.ReadObject(fromElement) })
        {
            Assert.True(JToken.DeepEquals(fromTree, other), other.ToString());
        }
    }

    [Fact]
    public async Task The_proof_verifier_takes_each_form_and_reports_unreadable_input()
    {
        var text = await SignedTextAsync();
        using var document = JsonDocument.Parse(text);
        var options = new ProofVerificationOptions { Clock = new FixedClock(Now) };
        Assert.True((await DataIntegrityVerifier.VerifyAsync(text, options)).IsValid);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(Encoding.UTF8.GetBytes(text), options)).IsValid);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(JsonNode.Parse(text)!, options)).IsValid);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(document.RootElement, options)).IsValid);

        var malformed = await DataIntegrityVerifier.VerifyAsync("{\"proof\": ", options);
        Assert.Equal(Verdict.Invalid, malformed.Verdict);
        var notUtf8 = await DataIntegrityVerifier.VerifyAsync(new byte[] { (byte)'{', 0xC3, (byte)'}' }, options);
        Assert.Equal(Verdict.Invalid, notUtf8.Verdict);
        var deep = await DataIntegrityVerifier.VerifyAsync("{\"a\":" + new string('[', 100) + new string(']', 100) + "}", options);
        Assert.Equal(Verdict.Indeterminate, deep.Verdict);
    }

    [Fact]
    public async Task The_JWT_issuer_takes_each_form()
    {
        using var key = Ed25519Key.FromSeed(Convert.FromHexString(IssuerSeed));
        var issuer = new VcJwtIssuer(Ed25519Signer.ForDidKey(key));
        var text = Credential().ToString();
        using var document = JsonDocument.Parse(text);
        foreach (var jwt in new[]
        {
            await issuer.IssueAsync(text),
            await issuer.IssueAsync(Encoding.UTF8.GetBytes(text)),
            await issuer.IssueAsync(JsonNode.Parse(text)!),
            await issuer.IssueAsync(document.RootElement),
        })
        {
            Assert.True((await Verifier().VerifyAsync(jwt)).IsValid);
        }
    }

    [Fact]
    public void A_revocation_list_is_read_from_each_form()
    {
        const string text = """{"id": "https://example.edu/revoked", "revokedCredentials": [{"id": "urn:uuid:1", "revocationReason": "fraud"}]}""";
        using var document = JsonDocument.Parse(text);
        foreach (var list in new[] { RevocationList.Parse(text), RevocationList.Parse(Encoding.UTF8.GetBytes(text)), RevocationList.Parse(JsonNode.Parse(text)!), RevocationList.Parse(document.RootElement) })
        {
            Assert.True(list.IsRevoked("urn:uuid:1", out var reason));
            Assert.Equal("fraud", reason);
        }

        Assert.Throws<JsonInputException>(() => RevocationList.Parse("""{"revokedCredentials": [], "revokedCredentials": []}"""));
    }

    [Fact]
    public void Builder_and_status_list_output_reach_System_Text_Json_as_the_same_JSON()
    {
        var built = MicroCredentialTestData.CompleteDutchHigherEducation().Build();
        Assert.True(JToken.DeepEquals(built.ToJObject(), JsonInput.ReadObject(built.ToJsonNode())));
        Assert.True(JToken.DeepEquals(built.ToJObject(), JsonInput.ParseObject(built.ToUtf8Json())));

        var manager = new StatusListManager("https://example.edu/status/1", IssuerDid);
        var list = manager.CreateCredential(Signed);
        Assert.True(JToken.DeepEquals(list, JsonInput.Read(JsonOutput.ToJsonElement(list))));
        Assert.True(JToken.DeepEquals(list, JsonInput.Read(JsonOutput.ToJsonNode(list)!)));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("10")]
    [InlineData("1E+20")]
    [InlineData("-0.0001")]
    [InlineData("\"caf\\u00e9 \\ud83c\\udf93\"")]
    public void Values_survive_the_trip_to_System_Text_Json_and_back(string json)
    {
        var value = JsonInput.Parse($$"""{"v": {{json}}}""");
        Assert.Equal(Jcs.Canonicalize(value), Jcs.Canonicalize(JsonInput.Read(JsonOutput.ToJsonNode(value)!)));
        Assert.Equal(Jcs.Canonicalize(value), Jcs.Canonicalize(JsonInput.Read(JsonOutput.ToJsonElement(value))));
    }

    [Fact]
    public void Utf8_input_is_strict_and_bounded()
    {
        Assert.Throws<JsonInputException>(() => JsonInput.Parse(new byte[] { (byte)'"', 0xFF, (byte)'"' }));
        Assert.Equal("x", (string?)JsonInput.Parse([0xEF, 0xBB, 0xBF, .. "{\"a\":\"x\"}"u8])["a"]);
        var error = Assert.Throws<JsonInputException>(() => JsonInput.Parse(Encoding.UTF8.GetBytes("\"" + new string('é', 30) + "\""), new JsonLimits { MaxInputLength = 40 }));
        Assert.Contains("bytes", error.Message);
        Assert.Throws<ArgumentException>(() => JsonInput.Read(default(JsonElement)));
        Assert.Throws<JsonInputException>(() => JsonInput.ReadObject(JsonNode.Parse("[1]")!));
    }
}
