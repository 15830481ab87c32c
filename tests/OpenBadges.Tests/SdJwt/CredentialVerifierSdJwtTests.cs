using System.Reflection;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.SdJwt;
using OpenBadges.Tests.Unit;
using OpenBadges.Verification;

namespace OpenBadges.Tests.SdJwt;

/// <summary>
/// <see cref="CredentialVerifier"/> on the <c>~</c>-separated form: routed to <see cref="SdJwtVerifier"/>; a <c>vc+sd-jwt</c>
/// credential's disclosed claims get the OB 3.0 JSON-LD and schema checks; key binding with and without an expected
/// audience and nonce; Token Status List; a stable problem code for every SD-JWT check.
/// </summary>
public sealed class CredentialVerifierSdJwtTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SdJwtTestKey _issuer = SdJwtTestKey.Es256();
    private readonly SdJwtTestKey _holder = SdJwtTestKey.EdDsa();

    public void Dispose()
    {
        _issuer.Dispose();
        _holder.Dispose();
    }

    private static CredentialVerifier Verifier(CredentialVerifierOptions? options = null) =>
        new((options ?? CredentialVerifierOptions.Default) with { TimeProvider = new JwtTestSupport.FixedTime(Now) });

    private static VerificationCheck Check(VerificationReport report, string name) => report.Checks.Single(c => c.Name == name);

    [Fact]
    public async Task A_vc_sd_jwt_credential_gets_the_OB_checks_and_its_disclosed_claims_are_the_credentials()
    {
        var credential = MicroCredentialSdJwtVcTests.Credential(_issuer.Did);
        var issued = await VcSdJwtIssuer.IssueAsync(credential, _issuer.Signer, holderPublicJwk: _holder.PublicJwk);
        var presented = await SdJwtPresenter.AddKeyBindingAsync(SdJwtPresenter.Select(issued, [ClaimPath.Parse("credentialSubject.identifier")]), _holder.Signer, "https://employer.example", "n-1", Now);

        var report = await Verifier().VerifyAsync(presented.ToString());
        Assert.True(report.IsValid, string.Join("\n", report.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => $"{c.Name} {c.Status}: {c.Message}")));
        Assert.Equal("sd-jwt", report.Format);
        foreach (var name in new[] { CheckNames.Parse, CheckNames.JsonLd, CheckNames.Context, CheckNames.Type, CheckNames.Schema, CheckNames.Issuer, CheckNames.Proof, SdJwtChecks.Signature, SdJwtChecks.KeyBindingSdHash })
        {
            Assert.Equal(CheckStatus.Passed, Check(report, name).Status);
        }

        // The disclosed claims are the credential's at their paths; the envelope (cnf) and digests are not in it; the
        // withheld id is absent.
        Assert.True(JToken.DeepEquals(credential["credentialSubject"]!["identifier"], report.Credential!["credentialSubject"]!["identifier"]));
        Assert.True(JToken.DeepEquals(credential["credentialSubject"]!["achievement"], report.Credential["credentialSubject"]!["achievement"]));
        Assert.Null(report.Credential["credentialSubject"]!["id"]);
        Assert.Null(report.Credential["cnf"]);
        Assert.DoesNotContain("_sd", report.Credential.ToString(), StringComparison.Ordinal);
        Assert.Equal(_issuer.Did, report.IssuerId);
    }

    [Fact]
    public async Task A_schema_violation_hidden_in_a_disclosure_is_invalid_naming_the_schema_rule()
    {
        var credential = MicroCredentialSdJwtVcTests.Credential(_issuer.Did);
        credential["credentialSubject"]!["identifier"]![0]!["hashed"] = "no";   // the OB 3.0 schema: a boolean
        var issued = await VcSdJwtIssuer.IssueAsync(credential, _issuer.Signer);
        Assert.DoesNotContain("\"no\"", SdJwtPresenter.DecodePayload(issued.IssuerSignedJwt).ToString(), StringComparison.Ordinal);

        var report = await Verifier().VerifyAsync(issued.ToString());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        var schema = Check(report, CheckNames.Schema);
        Assert.Equal(CheckStatus.Failed, schema.Status);
        Assert.Equal(ProblemCodes.SchemaViolation, schema.Code);
        Assert.Contains("hashed", schema.Message, StringComparison.Ordinal);
        Assert.Contains("OB 3.0 JSON Schema", schema.Rule, StringComparison.Ordinal);

        // Everything the SD-JWT secures holds: the finding is the schema's alone.
        Assert.Equal(CheckStatus.Passed, Check(report, CheckNames.Proof).Status);
        Assert.All(report.Checks.Where(c => c.Name.StartsWith("sdjwt", StringComparison.Ordinal)), c => Assert.NotEqual(CheckStatus.Failed, c.Status));

        // The same credential correct verifies, so it is the violation that fails it.
        var good = await VcSdJwtIssuer.IssueAsync(MicroCredentialSdJwtVcTests.Credential(_issuer.Did), _issuer.Signer);
        Assert.Equal(CheckStatus.Passed, Check(await Verifier().VerifyAsync(good.ToString()), CheckNames.Schema).Status);
    }

    [Fact]
    public async Task An_SD_JWT_VC_key_bound_presentation_with_and_without_the_expected_audience_and_nonce()
    {
        var issued = await MicroCredentialSdJwtVc.IssueAsync(MicroCredentialSdJwtVcTests.Credential(_issuer.Did), _issuer.Signer, _holder.PublicJwk, issuedAt: Now.AddHours(-1));
        var presented = (await SdJwtPresenter.AddKeyBindingAsync(SdJwtPresenter.Select(issued, []), _holder.Signer, "https://employer.example", "n-2", Now)).ToString();

        var bound = await Verifier(new CredentialVerifierOptions { KeyBindingAudience = "https://employer.example", KeyBindingNonce = "n-2" }).VerifyAsync(presented);
        Assert.True(bound.IsValid, bound.ToString());
        Assert.Equal(CheckStatus.Passed, Check(bound, SdJwtChecks.KeyBindingNonce).Status);
        Assert.Equal(CheckStatus.NotApplicable, Check(bound, CheckNames.OpenBadge).Status);

        var open = await Verifier().VerifyAsync(presented);
        Assert.True(open.IsValid, open.ToString());
        Assert.Equal(CheckStatus.Passed, Check(open, SdJwtChecks.KeyBindingSignature).Status);
        Assert.Equal(CheckStatus.Passed, Check(open, SdJwtChecks.KeyBindingSdHash).Status);
        Assert.Equal(CheckStatus.NotApplicable, Check(open, SdJwtChecks.KeyBindingAudience).Status);
        Assert.Contains("not checked", Check(open, SdJwtChecks.KeyBindingNonce).Message, StringComparison.Ordinal);

        var wrong = await Verifier(new CredentialVerifierOptions { KeyBindingAudience = "https://other.example" }).VerifyAsync(presented);
        Assert.Equal(Verdict.Invalid, wrong.Verdict);
        Assert.Equal(ProblemCodes.KeyBindingInvalid, Check(wrong, SdJwtChecks.KeyBindingAudience).Code);

        var missing = await Verifier().VerifyAsync(SdJwtPresenter.Select(issued, []).ToString());
        Assert.Equal(Verdict.Invalid, missing.Verdict);
        Assert.Equal(ProblemCodes.KeyBindingInvalid, Check(missing, SdJwtChecks.KeyBinding).Code);
    }

    [Fact]
    public async Task A_revoked_token_status_list_entry_is_invalid_with_the_REVOKED_code()
    {
        const string ListUri = "https://issuer.example/status/7";
        var list = new TokenStatusList(1024);
        list[17] = TokenStatusList.Invalid;
        var listToken = await list.IssueTokenAsync(_issuer.Signer, ListUri, Now.AddMinutes(-1), Now.AddDays(1));
        var issued = await MicroCredentialSdJwtVc.IssueAsync(MicroCredentialSdJwtVcTests.Credential(_issuer.Did), _issuer.Signer, status: (ListUri, 17), issuedAt: Now.AddHours(-1));
        var options = new CredentialVerifierOptions { Fetcher = (uri, _) => uri.AbsoluteUri == ListUri ? Task.FromResult(listToken) : throw new InvalidOperationException("not held") };

        var report = await Verifier(options).VerifyAsync(issued.ToString());
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Equal(ProblemCodes.Revoked, Check(report, SdJwtChecks.Status).Code);

        // Offline, the status is unknown: Indeterminate, never Valid.
        var offline = await Verifier().VerifyAsync(issued.ToString());
        Assert.Equal(Verdict.Indeterminate, offline.Verdict);
        Assert.Equal(ProblemCodes.StatusUnknown, Check(offline, SdJwtChecks.StatusToken).Code);
    }

    [Fact]
    public async Task Text_that_only_looks_like_an_SD_JWT_is_refused_not_taken_for_another_format()
    {
        // alg none, no signature: read as an SD-JWT, refused by the SD-JWT checks.
        var report = await Verifier().VerifyAsync("eyJhbGciOiJub25lIn0.e30.~");
        Assert.Equal(Verdict.Invalid, report.Verdict);
        Assert.Equal("sd-jwt", report.Format);
        Assert.Equal(CheckStatus.Passed, Check(report, CheckNames.Parse).Status);
        Assert.Contains(report.Checks, c => c.Name.StartsWith("sdjwt.", StringComparison.Ordinal) && c.Status == CheckStatus.Failed);
        Assert.Equal(CheckStatus.Failed, Check(report, CheckNames.Proof).Status);
    }

    [Fact]
    public void Every_SD_JWT_check_has_a_specific_problem_code_when_it_fails()
    {
        var names = typeof(SdJwtChecks).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Where(n => n != SdJwtChecks.Internal).ToList();
        Assert.True(names.Count > 30);
        foreach (var name in names)
        {
            var code = ProblemCodes.Default(name, CheckStatus.Failed);
            Assert.True(code is not null && code != ProblemCodes.Invalid, $"{name} fails with the generic code {code}");
            Assert.Contains(code, ProblemCodes.All.Keys);
        }

        Assert.Equal(ProblemCodes.KeyUnresolved, ProblemCodes.Default(SdJwtChecks.Key, CheckStatus.CouldNotCheck));
        Assert.Equal(ProblemCodes.StatusUnknown, ProblemCodes.Default(SdJwtChecks.StatusToken, CheckStatus.CouldNotCheck));
    }
}
