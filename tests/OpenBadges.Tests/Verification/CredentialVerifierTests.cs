using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Baking;
using OpenBadges.Proofs;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Verification;

/// <summary>The verifier's checks one by one, on credentials signed here.</summary>
public sealed class CredentialVerifierTests
{
    [Fact]
    public async Task A_signed_credential_is_valid_and_every_check_is_named_in_order()
    {
        var signed = await SignAsync(Credential());
        var report = await Verifier().VerifyAsync(signed.ToString());
        Assert.True(report.IsValid, report.ToString());
        var names = report.Checks.Select(c => c.Name).Where(n => !n.StartsWith("proof.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [CheckNames.Parse, CheckNames.JsonLd, CheckNames.Context, CheckNames.Type, CheckNames.Schema, CheckNames.CredentialSchema, CheckNames.CredentialSubject,
             CheckNames.Issuer, CheckNames.Proof, CheckNames.Refresh, CheckNames.Status, CheckNames.ValidityStart, CheckNames.ValidityEnd, CheckNames.Recipient, CheckNames.Endorsements],
            names);
        Assert.Equal("json", report.Format);
        Assert.Equal(IssuerDid, report.IssuerId);
        Assert.Equal("urn:uuid:6b0c1c39-6c5b-4f5e-9d3f-0c4f1b2a7e10", report.CredentialId);
    }

    [Fact]
    public async Task Bytes_text_and_object_inputs_give_the_same_verdict()
    {
        var signed = await SignAsync(Credential());
        var verifier = Verifier();
        Assert.True((await verifier.VerifyAsync(Encoding.UTF8.GetBytes(signed.ToString()))).IsValid);
        Assert.True((await verifier.VerifyAsync(signed)).IsValid);
        Assert.Equal("object", (await verifier.VerifyAsync(signed)).Format);
    }

    [Fact]
    public async Task A_vc_1_1_credential_is_valid_and_the_schema_check_says_what_was_checked_instead()
    {
        var report = await Verifier().VerifyAsync(await SignAsync(Vc1Credential()));
        Assert.True(report.IsValid, report.ToString());
        Assert.Contains("VC 1.1", report.Find(CheckNames.Schema)!.Message);
        Assert.Equal("$.issuanceDate", report.Find(CheckNames.ValidityStart)!.JsonPath);
    }

    [Fact]
    public async Task A_vc_1_1_credential_without_issuance_date_fails_the_structure_check()
    {
        var credential = Vc1Credential();
        credential.Remove("issuanceDate");
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        AssertCheck(report, CheckNames.Schema, CheckStatus.Failed);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    [Fact]
    public async Task A_vc_jwt_is_valid_and_reports_the_jwt_checks_at_the_proof_step()
    {
        var jwt = await IssueJwtAsync(Credential());
        var report = await Verifier().VerifyAsync(jwt);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal("jwt", report.Format);
        AssertCheck(report, "jwt.signature", CheckStatus.Passed);
        Assert.Null(report.Credential!["iss"]);
    }

    [Fact]
    public async Task A_tampered_vc_jwt_is_invalid()
    {
        var jwt = await IssueJwtAsync(Credential());
        var parts = jwt.Split('.');
        var payload = JObject.Parse(Encoding.UTF8.GetString(Base64UrlDecode(parts[1])));
        payload["name"] = "Leadership";
        var forged = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToString(Newtonsoft.Json.Formatting.None))) + "." + parts[2];
        var report = await Verifier().VerifyAsync(forged);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, "jwt.signature", CheckStatus.Failed);
    }

    [Fact]
    public async Task Baked_png_and_svg_badges_are_read_and_verified()
    {
        var signed = (await SignAsync(Credential())).ToString();
        var png = await Verifier().VerifyAsync(PngBaker.Bake(Unit.BakingTests.TinyPng(), signed));
        Assert.True(png.IsValid, png.ToString());
        Assert.Equal("png", png.Format);
        var svg = await Verifier().VerifyAsync(SvgBaker.Bake(Unit.BakingTests.TinySvg, signed));
        Assert.True(svg.IsValid, svg.ToString());
        Assert.Equal("svg", svg.Format);
        var jwt = await IssueJwtAsync(Credential());
        var jwtPng = await Verifier().VerifyAsync(PngBaker.Bake(Unit.BakingTests.TinyPng(), jwt));
        Assert.True(jwtPng.IsValid, jwtPng.ToString());
    }

    [Fact]
    public async Task An_image_without_a_credential_fails_to_parse()
    {
        var report = await Verifier().VerifyAsync(Unit.BakingTests.TinyPng());
        AssertCheck(report, CheckNames.Parse, CheckStatus.Failed);
        Assert.Single(report.Checks);
    }

    [Fact]
    public async Task An_expired_credential_is_invalid()
    {
        var credential = Credential();
        credential["validUntil"] = "2025-04-01T00:00:00Z";
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.ValidityEnd, CheckStatus.Failed);
        Assert.True((await Verifier(now: Signed).VerifyAsync(await SignAsync(credential))).IsValid);
    }

    [Fact]
    public async Task A_credential_not_yet_valid_is_invalid()
    {
        var report = await Verifier(now: new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).VerifyAsync(await SignAsync(Credential(), options: new ProofOptions { Created = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero) }));
        AssertCheck(report, CheckNames.ValidityStart, CheckStatus.Failed);
    }

    [Fact]
    public async Task An_expired_vc_1_1_credential_is_invalid()
    {
        var credential = Vc1Credential();
        credential["expirationDate"] = "2025-04-01T00:00:00Z";
        AssertCheck(await Verifier().VerifyAsync(await SignAsync(credential)), CheckNames.ValidityEnd, CheckStatus.Failed);
    }

    [Fact]
    public async Task An_older_ob_context_is_accepted_with_a_warning()
    {
        var credential = Credential();
        credential["@context"]![1] = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        AssertCheck(report, CheckNames.Context, CheckStatus.Warning);
        Assert.Equal(ProblemCodes.ContextDeprecated, report.Find(CheckNames.Context)!.Code);
        Assert.Equal(Verdict.Valid, report.Verdict);
        Assert.Equal(1, report.WarningCount);
    }

    [Fact]
    public async Task A_credential_whose_first_context_is_not_the_vc_context_fails()
    {
        var credential = Credential();
        credential["@context"] = new JArray("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://www.w3.org/ns/credentials/v2");
        AssertCheck(await Verifier().VerifyAsync(credential), CheckNames.Context, CheckStatus.Failed);
    }

    [Fact]
    public async Task A_credential_without_the_ob_type_fails()
    {
        var credential = Credential();
        credential["type"] = new JArray("VerifiableCredential");
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        AssertCheck(report, CheckNames.Type, CheckStatus.Failed);
        Assert.Contains("OpenBadgeCredential", report.Find(CheckNames.Type)!.Message);
    }

    [Fact]
    public async Task A_credential_without_issuer_fails_the_schema_and_issuer_checks()
    {
        var credential = Credential();
        credential.Remove("issuer");
        var report = await Verifier().VerifyAsync(credential);
        AssertCheck(report, CheckNames.Schema, CheckStatus.Failed);
        Assert.Contains("issuer", report.Find(CheckNames.Schema)!.Message);
        AssertCheck(report, CheckNames.Issuer, CheckStatus.Failed);
    }

    [Fact]
    public async Task A_subject_naming_no_learner_is_a_warning_naming_b13_and_strict_makes_it_invalid()
    {
        var credential = Credential();
        var subject = (JObject)credential["credentialSubject"]!;
        subject.Remove("id");
        subject.Remove("identifier");
        var signed = await SignAsync(credential);
        var report = await Verifier().VerifyAsync(signed);
        AssertCheck(report, CheckNames.CredentialSubject, CheckStatus.Warning);
        Assert.Contains("B.1.3", report.Find(CheckNames.CredentialSubject)!.Message);
        Assert.Equal(ProblemCodes.SubjectDataModel, report.Find(CheckNames.CredentialSubject)!.Code);
        Assert.Equal(Verdict.Valid, report.Verdict);
        var strict = await new CredentialVerifier(Verifier().Options with { Strict = true }).VerifyAsync(signed);
        Assert.Equal(Verdict.Invalid, strict.Verdict);
        Assert.True(strict.IsStrict);
    }

    [Fact]
    public async Task An_issuer_with_a_relative_id_fails_as_unsafe_json_ld_and_is_warned_by_the_issuer_check()
    {
        var credential = Credential();
        credential["issuer"]!["id"] = "issuers/1";
        var report = await Verifier().VerifyAsync(credential);
        AssertCheck(report, CheckNames.JsonLd, CheckStatus.Failed);
        AssertCheck(report, CheckNames.Issuer, CheckStatus.Warning);
        Assert.Equal(Verdict.Invalid, report.Verdict);
    }

    [Fact]
    public async Task An_inline_ob_credential_schema_is_validated_offline_and_an_unknown_one_is_skipped_offline()
    {
        var credential = Credential();
        WithExtensions(credential);
        credential["credentialSchema"] = new JArray(
            new JObject { ["id"] = OpenBadges.Schemas.OpenBadgesSchemas.AchievementCredentialSchemaId, ["type"] = "1EdTechJsonSchemaValidator2019" },
            new JObject { ["id"] = "https://uni.example/schema.json", ["type"] = "1EdTechJsonSchemaValidator2019" });
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        var checks = report.Checks.Where(c => c.Name == CheckNames.CredentialSchema).ToList();
        Assert.Equal([CheckStatus.Passed, CheckStatus.NotApplicable], checks.Select(c => c.Status));
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task A_fetched_credential_schema_is_applied()
    {
        var credential = Credential();
        WithExtensions(credential);
        credential["credentialSchema"] = new JObject { ["id"] = "https://uni.example/schema.json", ["type"] = "1EdTechJsonSchemaValidator2019" };
        var signed = await SignAsync(credential);
        var strict = """{"type": "object", "required": ["awardedDate"]}""";
        var report = await Verifier(new Dictionary<string, string> { ["https://uni.example/schema.json"] = strict }).VerifyAsync(signed);
        AssertCheck(report, CheckNames.CredentialSchema, CheckStatus.Failed);
        var loose = """{"type": "object", "required": ["name"]}""";
        AssertCheck(await Verifier(new Dictionary<string, string> { ["https://uni.example/schema.json"] = loose }).VerifyAsync(signed), CheckNames.CredentialSchema, CheckStatus.Passed);
    }

    [Theory]
    [InlineData("learner@example.org", CheckStatus.Passed)]
    [InlineData("LEARNER@example.org", CheckStatus.Passed)]
    [InlineData("did:example:learner", CheckStatus.Passed)]
    [InlineData("someone.else@example.org", CheckStatus.Failed)]
    public async Task The_recipient_is_matched_by_id_or_hashed_identifier(string recipient, CheckStatus expected)
    {
        var report = await Verifier(recipient: recipient).VerifyAsync(await SignAsync(Credential()));
        AssertCheck(report, CheckNames.Recipient, expected);
    }

    [Fact]
    public async Task Endorsements_as_objects_and_jwts_are_verified_each_with_its_own_report()
    {
        var credential = Credential();
        var endorsement = await SignAsync(Endorsement(IssuerDid), EndorserSeed);
        credential["endorsement"] = new JArray(endorsement);
        credential["credentialSubject"]!["achievement"]!["endorsementJwt"] = new JArray(await IssueJwtAsync(Endorsement("https://example.edu/achievements/teamwork"), EndorserSeed));
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        Assert.True(report.IsValid, report + " | " + string.Join(" | ", report.Endorsements));
        Assert.Equal(2, report.Endorsements.Count);
        Assert.Equal(["$.credentialSubject.achievement.endorsementJwt[0]", "$.endorsement[0]"], report.Endorsements.Select(e => e.Location));
        Assert.Equal("jwt", report.Endorsements[0].Format);
        Assert.All(report.Endorsements, e => Assert.Equal(VerificationReportKind.Endorsement, e.Kind));
    }

    [Fact]
    public async Task A_tampered_endorsement_makes_the_credential_invalid()
    {
        var credential = Credential();
        var endorsement = await SignAsync(Endorsement(IssuerDid), EndorserSeed);
        endorsement["name"] = "Accredited with distinction";
        credential["endorsement"] = endorsement;
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        Assert.Equal(Verdict.Invalid, report.Verdict);
        AssertCheck(report, CheckNames.Endorsements, CheckStatus.Failed);
        AssertCheck(report.Endorsements[0], "proof.signature", CheckStatus.Failed);
    }

    [Fact]
    public async Task An_endorsement_that_is_not_an_endorsement_credential_fails()
    {
        var credential = Credential();
        credential["endorsement"] = await SignAsync(Credential(), EndorserSeed);
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        AssertCheck(report.Endorsements[0], CheckNames.Type, CheckStatus.Failed);
    }

    [Fact]
    public async Task Endorsements_beyond_the_depth_limit_are_not_verified_and_say_so()
    {
        var credential = Credential();
        credential["endorsement"] = await SignAsync(Endorsement(IssuerDid), EndorserSeed);
        var options = Options() with { MaxEndorsementDepth = 0 };
        var report = await new CredentialVerifier(options).VerifyAsync(await SignAsync(credential));
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, CheckNames.Endorsements, CheckStatus.CouldNotCheck);
        Assert.Empty(report.Endorsements);
    }

    [Fact]
    public async Task Refresh_is_skipped_offline_and_verified_in_full_when_fetched()
    {
        var credential = Credential();
        WithExtensions(credential);
        credential["refreshService"] = new JObject { ["id"] = "https://uni.example/refresh/1", ["type"] = "1EdTechCredentialRefresh" };
        var signed = await SignAsync(credential);
        var offline = await Verifier().VerifyAsync(signed);
        AssertCheck(offline, CheckNames.Refresh, CheckStatus.NotApplicable);
        Assert.True(offline.IsValid);

        var newer = Credential();
        newer["name"] = "Teamwork (renewed)";
        var served = new Dictionary<string, string> { ["https://uni.example/refresh/1"] = (await SignAsync(newer)).ToString() };
        var online = await Verifier(served).VerifyAsync(signed);
        AssertCheck(online, CheckNames.Refresh, CheckStatus.Passed);
        Assert.NotNull(online.Refreshed);
        Assert.True(online.Refreshed!.IsValid, online.Refreshed.ToString());
        Assert.Equal(VerificationReportKind.Refreshed, online.Refreshed.Kind);
    }

    [Fact]
    public async Task Refresh_is_not_asked_when_the_proof_fails()
    {
        var credential = Credential();
        WithExtensions(credential);
        credential["refreshService"] = new JObject { ["id"] = "https://uni.example/refresh/1", ["type"] = "1EdTechCredentialRefresh" };
        var signed = await SignAsync(credential);
        signed["name"] = "Forged";
        var asked = 0;
        var options = Options() with { Fetcher = (_, _) => { asked++; return Task.FromResult("{}"); } };
        var report = await new CredentialVerifier(options).VerifyAsync(signed);
        AssertCheck(report, CheckNames.Refresh, CheckStatus.NotApplicable);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task An_endorsement_credential_given_on_its_own_is_verified_with_the_endorsement_rules()
    {
        var report = await Verifier().VerifyAsync(await SignAsync(Endorsement(IssuerDid), EndorserSeed));
        Assert.True(report.IsValid, report.ToString());
        Assert.Contains("EndorsementSubject", report.Find(CheckNames.CredentialSubject)!.Message);
        Assert.Contains("endorsement", report.Find(CheckNames.Schema)!.Rule);
    }

    [Fact]
    public async Task A_status_entry_with_a_purpose_that_does_not_bear_on_validity_is_skipped()
    {
        var credential = Credential();
        credential["credentialStatus"] = OpenBadges.Status.StatusListCredentials.Entry(StatusListUrl, 3);
        credential["credentialStatus"]!["statusPurpose"] = "message";
        var report = await Verifier().VerifyAsync(await SignAsync(credential));
        AssertCheck(report, CheckNames.Status, CheckStatus.NotApplicable);
        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task Cancellation_ends_in_a_report_not_an_exception()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var report = await Verifier().VerifyAsync((await SignAsync(Credential())).ToString(), cancelled.Token);
        Assert.Equal(Verdict.Indeterminate, report.Verdict);
        AssertCheck(report, CheckNames.Verification, CheckStatus.CouldNotCheck);
    }

    [Fact]
    public async Task One_verifier_is_safe_to_share_across_threads()
    {
        var signed = (await SignAsync(Credential())).ToString();
        var tampered = signed.Replace("Teamwork", "Leadership", StringComparison.Ordinal);
        var verifier = Verifier();
        var reports = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => verifier.VerifyAsync(i % 2 == 0 ? signed : tampered))));
        for (var i = 0; i < reports.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? Verdict.Valid : Verdict.Invalid, reports[i].Verdict);
        }
    }

    [Fact]
    public async Task The_json_report_has_the_documented_shape()
    {
        var credential = Credential();
        credential["endorsement"] = await SignAsync(Endorsement(IssuerDid), EndorserSeed);
        var json = (await Verifier().VerifyAsync(await SignAsync(credential))).ToJson();
        Assert.Equal(["kind", "verdict", "warnings", "location", "format", "credentialId", "issuer", "checks", "endorsements"], json.Properties().Select(p => p.Name));
        Assert.Equal("Credential", (string?)json["kind"]);
        Assert.Equal("Valid", (string?)json["verdict"]);
        Assert.All((JArray)json["checks"]!, c => Assert.Equal(
            (string?)c["status"] is "Passed" or "NotApplicable" ? ["name", "status", "message", "path", "rule"] : ["name", "status", "code", "type", "message", "path", "rule"],
            ((JObject)c).Properties().Select(p => p.Name)));
        var endorsement = (JObject)json["endorsements"]![0]!;
        Assert.Equal("Endorsement", (string?)endorsement["kind"]);
        Assert.Equal("$.endorsement", (string?)endorsement["location"]);
    }

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
