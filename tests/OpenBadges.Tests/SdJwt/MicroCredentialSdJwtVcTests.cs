using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Model;
using OpenBadges.SdJwt;
using OpenBadges.Tests.Support;
using OpenBadges.Tests.Unit;

namespace OpenBadges.Tests.SdJwt;

/// <summary>The micro-credential as DC4EU's SD-JWT VC <c>urn:eudi:micro_credential:1</c>: metadata paths and sd rules, round trips, status.</summary>
public sealed class MicroCredentialSdJwtVcTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SdJwtTestKey _issuer = SdJwtTestKey.Es256();
    private readonly SdJwtTestKey _holder = SdJwtTestKey.Es256();

    public void Dispose()
    {
        _issuer.Dispose();
        _holder.Dispose();
    }

    internal static JObject Credential(string issuerDid) =>
        MicroCredentialTestData.CompleteDutchHigherEducation()
            .WithIssuer(issuerDid, "Universiteit Utrecht", "https://www.uu.nl")
            .AddLearnerIdentifier("Jan Jansen", "name", hashed: false)
            .WithValidUntil(new DateTimeOffset(2030, 6, 30, 0, 0, 0, TimeSpan.Zero))
            .Build().ToJObject();

    private static SdJwtVerificationOptions Options(SdJwtVerificationOptions? o = null) =>
        (o ?? SdJwtVerificationOptions.Default) with { TimeProvider = new JwtTestSupport.FixedTime(Now) };

    [SharedDataFact]
    public void The_built_in_rules_are_those_of_DC4EUs_type_metadata()
    {
        var published = SdJwtVcTypeMetadata.Parse(JObject.Parse(File.ReadAllText(SharedData.Conformance("eudi-dc4eu/metadata/vctm_microcredential.json"))));
        Assert.Equal(MicroCredentialSdJwtVc.Vct, published.Vct);
        Assert.Equal(published.Claims.Select(c => c.Path.ToString()), MicroCredentialSdJwtVc.TypeMetadata.Claims.Select(c => c.Path.ToString()));
        Assert.Equal(published.Claims.Select(c => c.Sd), MicroCredentialSdJwtVc.TypeMetadata.Claims.Select(c => c.Sd));
    }

    [Fact]
    public void EducationProgramIdentifier_is_the_first_programme_identifier_and_absent_without_one()
    {
        var credential = Credential(_issuer.Did);
        Assert.Equal("66980", (string?)MicroCredentialSdJwtVc.CreateClaims(credential)["credentialSubject"]!["achievement"]!["educationProgramIdentifier"]);

        var without = (JObject)credential.DeepClone();
        ((JObject)without["credentialSubject"]!["achievement"]!).Remove("otherIdentifier");
        Assert.Null(MicroCredentialSdJwtVc.CreateClaims(without)["credentialSubject"]!["achievement"]!["educationProgramIdentifier"]);

        // One the credential already carries (SURF's eduCredentials term) is kept as it is.
        var own = (JObject)credential.DeepClone();
        own["credentialSubject"]!["achievement"]!["educationProgramIdentifier"] = 12345;
        Assert.Equal(12345, (int?)MicroCredentialSdJwtVc.CreateClaims(own)["credentialSubject"]!["achievement"]!["educationProgramIdentifier"]);
    }

    [SharedDataFact]
    public async Task Every_metadata_path_is_in_the_signed_payload_by_its_sd_rule()
    {
        var metadata = SdJwtVcTypeMetadata.Parse(JObject.Parse(File.ReadAllText(SharedData.Conformance("eudi-dc4eu/metadata/vctm_microcredential.json"))));
        var credential = Credential(_issuer.Did);
        var issued = await MicroCredentialSdJwtVc.IssueAsync(credential, _issuer.Signer, issuedAt: Now);
        var payload = SdJwtPresenter.DecodePayload(issued.IssuerSignedJwt);
        var map = SdJwtPresenter.MapDisclosures(issued);
        var claims = MicroCredentialSdJwtVc.CreateClaims(credential);

        var present = 0;
        foreach (var (path, sd) in metadata.Claims)
        {
            var expected = path.Find(claims);
            if (expected is null)
            {
                continue;
            }

            present++;
            switch (sd)
            {
                case SdRule.Never:
                    Assert.True(JToken.DeepEquals(expected, path.Find(payload)), $"{path} must be in the clear in the issuer-signed payload");
                    Assert.DoesNotContain(map.Keys, k => k.IsWithin(path) || path.IsWithin(k));
                    break;
                case SdRule.Always:
                    Assert.Contains(path, map.Keys);
                    break;
            }
        }

        // Every path is present, educationProgramIdentifier from the builder's programme identifier (the CROHO code).
        Assert.True(present == metadata.Claims.Count, $"only {present} of {metadata.Claims.Count} metadata paths are present");
        Assert.Equal("66980", (string?)payload["credentialSubject"]!["achievement"]!["educationProgramIdentifier"]);
        Assert.Equal("NL", (string?)payload["issuer"]!["address"]!["addressCountryCodename"]);
        Assert.Equal(MicroCredentialSdJwtVc.Vct, (string?)payload["vct"]);
        Assert.Equal(_issuer.Did, (string?)payload["iss"]);
        Assert.NotNull(payload["exp"]);
        Assert.Null(payload["proof"]);
    }

    [Fact]
    public async Task A_never_claim_cannot_be_made_disclosable()
    {
        var credential = Credential(_issuer.Did);
        await Assert.ThrowsAsync<ArgumentException>(() => MicroCredentialSdJwtVc.IssueAsync(credential, _issuer.Signer, extraDisclosable: [ClaimPath.Parse("credentialSubject.achievement.name")]));
        await Assert.ThrowsAsync<ArgumentException>(() => MicroCredentialSdJwtVc.IssueAsync(credential, _issuer.Signer, extraDisclosable: [ClaimPath.Parse("credentialSubject.achievement")]));
    }

    public static TheoryData<string> SampleSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples", "specs"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleSpecs))]
    public async Task Every_sample_spec_round_trips_with_the_learner_withheld(string file)
    {
        var spec = MicroCredentialSpec.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "specs", file)));
        JObject credential;
        try
        {
            credential = (spec with { Issuer = spec.Issuer! with { Id = _issuer.Did } }).Build().ToJObject();
        }
        catch (MicroCredentialValidationException)
        {
            return; // a spec made to show the builder's refusal
        }

        var now = DateTimeOffset.Parse((string)credential["validFrom"]!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1);
        var issued = await MicroCredentialSdJwtVc.IssueAsync(credential, _issuer.Signer, _holder.PublicJwk, issuedAt: now);
        var chosen = new[] { ClaimPath.Parse("credentialSubject.achievement"), ClaimPath.Parse("issuer") };
        var presented = await SdJwtPresenter.AddKeyBindingAsync(SdJwtPresenter.Select(issued, chosen), _holder.Signer, "https://employer.example", "n1", now);
        var result = await SdJwtVerifier.VerifyAsync(presented.ToString(), SdJwtVerificationOptions.Default with
        {
            TimeProvider = new JwtTestSupport.FixedTime(now),
            ExpectedAudience = "https://employer.example",
            ExpectedNonce = "n1",
        });

        SdJwtAssert.Valid(result);
        Assert.Equal(SdJwtProfile.SdJwtVc, result.Profile);
        var claims = MicroCredentialSdJwtVc.CreateClaims(credential);
        foreach (var path in new[] { "credentialSubject.achievement", "issuer", "validFrom", "name" })
        {
            Assert.True(JToken.DeepEquals(ClaimPath.Parse(path).Find(claims), ClaimPath.Parse(path).Find(result.Claims!)), path);
        }

        Assert.Null(result.Claims!["credentialSubject"]!["identifier"]);
        Assert.Null(result.Claims["credentialSubject"]!["id"]);
    }

    [Fact]
    public async Task The_holder_can_show_the_email_identifier_and_withhold_the_name()
    {
        var credential = Credential(_issuer.Did);
        var issued = await MicroCredentialSdJwtVc.IssueAsync(credential, _issuer.Signer, issuedAt: Now);
        var identifiers = (JArray)credential["credentialSubject"]!["identifier"]!;
        var emailIndex = identifiers.Select((t, i) => (t, i)).First(p => (string?)p.t["identityType"] == "emailAddress").i;

        var presented = SdJwtPresenter.Select(issued, [ClaimPath.Parse($"credentialSubject.identifier[{emailIndex}]")]);
        var result = await SdJwtVerifier.VerifyAsync(presented.ToString(), Options());

        SdJwtAssert.Valid(result);
        var shown = (JArray)result.Claims!["credentialSubject"]!["identifier"]!;
        Assert.Single(shown);
        Assert.Equal("emailAddress", (string?)shown[0]["identityType"]);
        Assert.DoesNotContain("Jan Jansen", result.Claims.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TokenStatusList.Valid, Verdict.Valid)]
    [InlineData(TokenStatusList.Invalid, Verdict.Invalid)]
    [InlineData(TokenStatusList.Suspended, Verdict.Invalid)]
    [InlineData(3, Verdict.Indeterminate)]
    public async Task The_token_status_list_entry_decides(byte status, Verdict expected)
    {
        const string ListUri = "https://issuer.example/status/1";
        var list = new TokenStatusList(1024, bits: 2);
        list[77] = status;
        var listToken = await list.IssueTokenAsync(_issuer.Signer, ListUri, Now.AddMinutes(-5), Now.AddDays(1));
        var issued = await MicroCredentialSdJwtVc.IssueAsync(Credential(_issuer.Did), _issuer.Signer, status: (ListUri, 77), issuedAt: Now);

        var offline = await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { StatusListTokens = new Dictionary<string, string> { [ListUri] = listToken } });
        Assert.Equal(expected, offline.Verdict);

        var fetched = new List<Uri>();
        var online = await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with
        {
            Fetcher = (uri, _) => { fetched.Add(uri); return Task.FromResult(listToken); },
        });
        Assert.Equal(expected, online.Verdict);
        Assert.Equal([new Uri(ListUri)], fetched);
    }

    [Fact]
    public async Task Revoked_is_a_named_failure_and_an_unreachable_list_is_undecided()
    {
        const string ListUri = "https://issuer.example/status/1";
        var list = new TokenStatusList(16);
        list[3] = TokenStatusList.Invalid;
        var listToken = await list.IssueTokenAsync(_issuer.Signer, ListUri, Now);
        var issued = await MicroCredentialSdJwtVc.IssueAsync(Credential(_issuer.Did), _issuer.Signer, status: (ListUri, 3), issuedAt: Now);

        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { StatusListTokens = new Dictionary<string, string> { [ListUri] = listToken } }), SdJwtChecks.Status);
        SdJwtAssert.Undecided(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options()), SdJwtChecks.StatusToken);

        // A list signed by someone else, or for another URI, is not accepted.
        using var other = SdJwtTestKey.Es256();
        var foreign = await list.IssueTokenAsync(other.Signer, ListUri, Now);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { StatusListTokens = new Dictionary<string, string> { [ListUri] = foreign } }), SdJwtChecks.StatusToken);
        var elsewhere = await list.IssueTokenAsync(_issuer.Signer, "https://issuer.example/status/2", Now);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { StatusListTokens = new Dictionary<string, string> { [ListUri] = elsewhere } }), SdJwtChecks.StatusToken);
        var expired = await list.IssueTokenAsync(_issuer.Signer, ListUri, Now.AddDays(-2), Now.AddDays(-1));
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), Options() with { StatusListTokens = new Dictionary<string, string> { [ListUri] = expired } }), SdJwtChecks.StatusToken);
        var beyond = await MicroCredentialSdJwtVc.IssueAsync(Credential(_issuer.Did), _issuer.Signer, status: (ListUri, 100), issuedAt: Now);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(beyond.ToString(), Options() with { StatusListTokens = new Dictionary<string, string> { [ListUri] = listToken } }), SdJwtChecks.Status);
    }

    [Fact]
    public async Task An_expired_micro_credential_is_refused()
    {
        var issued = await MicroCredentialSdJwtVc.IssueAsync(Credential(_issuer.Did), _issuer.Signer, issuedAt: Now);
        var later = SdJwtVerificationOptions.Default with { TimeProvider = new JwtTestSupport.FixedTime(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero)) };
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(issued.ToString(), later), SdJwtChecks.TimeExpiration);
    }

    [Fact]
    public async Task The_ob3_credential_secured_with_sd_jwt_verifies_as_vc_jose_cose()
    {
        using var issuer = SdJwtTestKey.EdDsa();
        var credential = Credential(issuer.Did);
        var issued = await VcSdJwtIssuer.IssueAsync(credential, issuer.Signer);
        var result = await SdJwtVerifier.VerifyAsync(issued.ToString(), Options());

        SdJwtAssert.Valid(result);
        Assert.Equal(SdJwtProfile.VcSdJwt, result.Profile);
        Assert.Equal("vc+sd-jwt", (string?)result.Header!["typ"]);
        var expected = (JObject)credential.DeepClone();
        expected.Remove("proof");
        Assert.True(JToken.DeepEquals(expected, result.Claims), result.Claims!.ToString());

        // Another issuer's id in the credential: the key is not the issuer's.
        using var stranger = SdJwtTestKey.EdDsa();
        var forged = await VcSdJwtIssuer.IssueAsync(Credential(stranger.Did), issuer.Signer);
        SdJwtAssert.FailsWith(await SdJwtVerifier.VerifyAsync(forged.ToString(), Options()), SdJwtChecks.KeyIssuer);
    }
}
