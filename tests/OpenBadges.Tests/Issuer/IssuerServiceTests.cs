using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Issuer.Storage;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Status;
using OpenBadges.Verification;
using static OpenBadges.Tests.Issuer.IssuerTestHost;

namespace OpenBadges.Tests.Issuer;

/// <summary>The issuing service (samples/IssuerService) on SQLite, in-process: issue, idempotency, status, auth, publishing.</summary>
public sealed class IssuerServiceTests : IAsyncLifetime
{
    private static readonly byte[] JwtSecret = Encoding.UTF8.GetBytes("issuer-service-tests-hmac-secret-of-32+bytes");
    private readonly string _directory = Directory.CreateTempSubdirectory("ob-issuer-").FullName;
    private readonly Ed25519KeyFile _key = Ed25519KeyFile.Generate("did:web:localhost");
    private IssuerTestHost _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = Start(_key.ToJson(), "sqlite", SqliteConnection(_directory), services: services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = false,
                    ValidateAudience = false,
                    IssuerSigningKey = new SymmetricSecurityKey(JwtSecret),
                };
            }));
        _admin = _host.ClientWith(await _host.CreateApiKeyAsync("issue", "revoke", "read"));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
        _key.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Uuid(JObject credential) => ((string)credential["id"]!)["urn:uuid:".Length..];

    private static int IndexOf(JObject credential) => int.Parse((string)credential["credentialStatus"]!["statusListIndex"]!, CultureInfo.InvariantCulture);

    private static string Learner(int number, string? purpose = null) =>
        $$"""{"courseId":"aml-2025","learner":{"studentNumber":"{{number}}"},"grade":"7","completedOn":"2025-07-04T10:00:00Z"{{(purpose is null ? "" : $",\"statusPurpose\":\"{purpose}\"")}}}""";

    private Task<DataIntegrityVerification> VerifyProofAsync(JObject document) =>
        DataIntegrityVerifier.VerifyAsync(document, new ProofVerificationOptions
        {
            KeyResolver = new DidWebResolver(new HttpClient(_host.CreateHandler()), new DidWebResolverOptions { AllowHttpForLoopback = true }),
        });

    private async Task<JObject> StatusList(int list = 1) => await Body(await _host.Client.GetAsync($"/status/{list}"));

    [Fact]
    public async Task Issue_verify_revoke_and_the_status_list_bit_is_set_under_a_valid_proof()
    {
        var response = await PostJson(_admin, "/credentials", Completion);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var credential = await Body(response);
        Assert.Equal(_key.Controller, (string?)credential["issuer"]!["id"]);
        Assert.Equal("2025-07-04T10:00:00Z", (string?)credential["validFrom"]);
        Assert.True((await VerifyProofAsync(credential)).IsValid);

        var uuid = Uuid(credential);
        Assert.Equal($"/credentials/{uuid}", response.Headers.Location!.OriginalString);
        var status = (JObject)credential["credentialStatus"]!;
        Assert.Equal("http://localhost/status/1", (string?)status["statusListCredential"]);
        Assert.Equal("revocation", (string?)status["statusPurpose"]);
        var index = IndexOf(credential);

        var before = await StatusList();
        Assert.True((await VerifyProofAsync(before)).IsValid);
        Assert.False(BitstringStatusList.Decode((string)before["credentialSubject"]!["encodedList"]!).Get(index));

        var revoke = await PostJson(_admin, $"/credentials/{uuid}/revoke", """{"reason":"grade withdrawn by the examination board"}""");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var revoked = await Body(revoke);
        Assert.Equal("revoked", (string?)revoked["state"]);
        Assert.True((bool)revoked["changed"]!);

        var after = await StatusList();
        Assert.True((await VerifyProofAsync(after)).IsValid);
        Assert.Equal(_key.Controller, (string?)after["issuer"]);
        var bits = BitstringStatusList.Decode((string)after["credentialSubject"]!["encodedList"]!);
        Assert.True(bits.Get(index));
        Assert.Equal(1, Enumerable.Range(0, bits.Length).Count(bits.Get));

        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"/credentials/{uuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostJson(_admin, "/credentials/00000000-0000-0000-0000-000000000000/revoke", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("/status/2")).StatusCode);

        // The audit log keeps who, when and why.
        var audit = (JArray)(await Body(await _admin.GetAsync($"/credentials/{uuid}/status")))["audit"]!;
        var entry = Assert.Single(audit);
        Assert.Equal("revoke", (string?)entry["action"]);
        Assert.Equal("apikey:test-issue-revoke-read", (string?)entry["actor"]);
        Assert.Equal("grade withdrawn by the examination board", (string?)entry["reason"]);
    }

    [Fact]
    public async Task Parallel_completions_get_distinct_ids_and_status_indexes_and_all_verify()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            PostJson(_admin, "/credentials", $$"""{"courseId":"AML-2025","learner":{"studentNumber":"{{1000 + i}}"},"grade":"7"}""")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var credentials = await Task.WhenAll(responses.Select(Body));
        Assert.Equal(16, credentials.Select(c => (string?)c["id"]).Distinct().Count());
        Assert.Equal(16, credentials.Select(c => (string?)c["credentialStatus"]!["statusListIndex"]).Distinct().Count());
        foreach (var credential in credentials)
        {
            Assert.True((await VerifyProofAsync(credential)).IsValid);
        }
    }

    [Theory]
    [InlineData("""{"learner":{"email":"a@example.nl"},"grade":"7"}""", "courseId", "courseId is required")]
    [InlineData("""{"courseId":"cooking-101","learner":{"email":"a@example.nl"}}""", "courseId", "unknown course 'cooking-101'")]
    [InlineData("""{"courseId":"aml-2025","grade":"7"}""", "learner", "at least one of id")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"not-an-address"},"grade":"7"}""", "learner.email", "is not an e-mail address")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"a@example.nl"}}""", "grade", "is graded")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"a@example.nl"},"grade":"7","completedOn":"yesterday"}""", "completedOn", "ISO 8601")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"a@example.nl"},"grade":"7","statusPurpose":"refresh"}""", "statusPurpose", "not supported")]
    [InlineData("""{"courseId":"aml-2025","learner":{"id":"not an iri"},"grade":"7"}""", "M1 $.credentialSubject.id", "absolute IRI")]
    public async Task Bad_requests_get_400_naming_the_field_and_rule(string body, string field, string message)
    {
        var response = await PostJson(_admin, "/credentials", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        var errors = (JArray)problem["errors"]![field]!;
        Assert.Contains(message, (string)errors[0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_flips_the_published_bit_and_the_caching_verifier_says_revoked()
    {
        var credential = await Body(await PostJson(_admin, "/credentials", Learner(1)));
        var (cache, counter) = _host.CachingFetcher();
        var verifier = Verifier(cache);
        var valid = await verifier.VerifyAsync(credential);
        Assert.True(valid.IsValid, valid.ToString());
        Assert.Equal(CheckStatus.Passed, valid.Find(CheckNames.Status)!.Status);

        Assert.Equal(HttpStatusCode.OK, (await PostJson(_admin, $"/credentials/{Uuid(credential)}/revoke", """{"reason":"fraud"}""")).StatusCode);

        // Within max-age the cached list is the answer; a verifier that wants the news fetches again.
        cache.Clear();
        var report = await verifier.VerifyAsync(credential);
        Assert.Equal(Verdict.Invalid, report.Verdict);
        var status = report.Find(CheckNames.Status)!;
        Assert.Equal(CheckStatus.Failed, status.Status);
        Assert.Contains("revoked", status.Message, StringComparison.Ordinal);
        Assert.Equal(2, counter.CountOf("/status/1"));
        Assert.Equal(2, counter.CountOf("/.well-known/did.json"));
    }

    [Fact]
    public async Task A_credential_verifies_valid_in_ci_with_its_status_list_and_did_document_as_resources_and_invalid_once_revoked()
    {
        // The CI sample's flow (samples/CiVerification, OPENBADGES_RESOURCES): the service's credential, its status list
        // and the issuer's did:web document in a folder, `openbadges verify --resources DIR`, no network.
        var credential = await Body(await PostJson(_admin, "/credentials", Learner(1)));
        var listUrl = (string)credential["credentialStatus"]!["statusListCredential"]!;
        var resources = Directory.CreateDirectory(Path.Combine(_directory, "resources")).FullName;
        var file = Path.Combine(_directory, "credential.json");
        await File.WriteAllTextAsync(file, credential.ToString());
        await File.WriteAllTextAsync(Path.Combine(resources, "index.json"), new JObject { [listUrl] = "status-1.json", ["did:web:localhost"] = "did.json" }.ToString());
        await File.WriteAllTextAsync(Path.Combine(resources, "did.json"), (await Body(await _host.Client.GetAsync("/.well-known/did.json"))).ToString());
        async Task PublishStatusList() =>
            await File.WriteAllTextAsync(Path.Combine(resources, "status-1.json"), (await Body(await _host.Client.GetAsync(new Uri(listUrl).PathAndQuery))).ToString());

        await PublishStatusList();
        var valid = Cli.CliRun.Of("verify", "--resources", resources, file);
        Assert.True(valid.ExitCode == 0, valid.Out + valid.Error);
        Assert.Contains(": VALID", valid.Out, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostJson(_admin, $"/credentials/{Uuid(credential)}/revoke", """{"reason":"fraud"}""")).StatusCode);
        await PublishStatusList();
        var revoked = Cli.CliRun.Of("verify", "--resources", resources, file);
        Assert.Equal(1, revoked.ExitCode);
        Assert.Contains("[REVOKED]", revoked.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_then_reinstate_and_revocation_is_permanent()
    {
        var credential = await Body(await PostJson(_admin, "/credentials", Learner(2, "suspension")));
        Assert.Equal("suspension", (string?)credential["credentialStatus"]!["statusPurpose"]);
        var uuid = Uuid(credential);
        var (cache, _) = _host.CachingFetcher();
        var verifier = Verifier(cache);

        Assert.Equal("suspended", (string?)(await Body(await PostJson(_admin, $"/credentials/{uuid}/suspend", """{"reason":"under investigation"}""")))["state"]);
        var suspended = await verifier.VerifyAsync(credential);
        Assert.Equal(Verdict.Invalid, suspended.Verdict);
        Assert.Contains("suspended", suspended.Find(CheckNames.Status)!.Message, StringComparison.Ordinal);

        Assert.Equal("active", (string?)(await Body(await PostJson(_admin, $"/credentials/{uuid}/reinstate", """{"reason":"cleared"}""")))["state"]);
        cache.Clear();
        Assert.True((await verifier.VerifyAsync(credential)).IsValid);

        // Revoked is for good: no reinstatement, no suspension; a revocation entry cannot be suspended.
        Assert.Equal(HttpStatusCode.OK, (await PostJson(_admin, $"/credentials/{uuid}/revoke", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostJson(_admin, $"/credentials/{uuid}/reinstate", "{}")).StatusCode);
        var revocable = await Body(await PostJson(_admin, "/credentials", Learner(3)));
        Assert.Equal(HttpStatusCode.Conflict, (await PostJson(_admin, $"/credentials/{Uuid(revocable)}/suspend", "{}")).StatusCode);
        var audit = await _host.Store.GetAuditAsync(uuid);
        Assert.Equal(["suspend", "reinstate", "revoke"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Unauthenticated_or_wrongly_scoped_calls_get_401_or_403_and_change_nothing()
    {
        var credential = await Body(await PostJson(_admin, "/credentials", Learner(4)));
        var uuid = Uuid(credential);
        var listBefore = (string)(await StatusList())["credentialSubject"]!["encodedList"]!;
        using var reader = _host.ClientWith(await _host.CreateApiKeyAsync("read"));
        using var issuerOnly = _host.ClientWith(await _host.CreateApiKeyAsync("issue"));
        using var forged = _host.ClientWith("obk_0123456789abcdef.not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJson(_host.Client, "/credentials", Learner(5))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJson(forged, "/credentials", Learner(5))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson(reader, "/credentials", Learner(5))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson(reader, "/credentials/batch", "{\"items\":[" + Learner(5) + "]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJson(_host.Client, $"/credentials/{uuid}/revoke", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson(issuerOnly, $"/credentials/{uuid}/revoke", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson(reader, $"/credentials/{uuid}/suspend", "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Client.GetAsync($"/credentials/{uuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await issuerOnly.GetAsync($"/credentials/{uuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/credentials/{uuid}")).StatusCode);

        var stats = await _host.Store.GetStatisticsAsync();
        Assert.Equal(1, stats.Credentials);
        Assert.Equal(0, stats.AuditEntries);
        Assert.Equal(CredentialState.Active, (await _host.Store.GetCredentialAsync(uuid))!.State);
        Assert.Equal(listBefore, (string)(await StatusList())["credentialSubject"]!["encodedList"]!);
    }

    [Fact]
    public async Task Jwt_bearer_tokens_carry_scopes_too()
    {
        static string Token(string scope) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "registrar@example.nl", ["scope"] = scope },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(JwtSecret), SecurityAlgorithms.HmacSha256),
        });

        using var client = _host.ClientWith("ignored");
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token("read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson(client, "/credentials", Learner(6))).StatusCode);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token("issue read"));
        var created = await PostJson(client, "/credentials", Learner(6));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var uuid = Uuid(await Body(created));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJson(client, $"/credentials/{uuid}/revoke", "{}")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token("revoke"));
        Assert.Equal(HttpStatusCode.OK, (await PostJson(client, $"/credentials/{uuid}/revoke", """{"reason":"withdrawn"}""")).StatusCode);
        Assert.Equal("registrar@example.nl", Assert.Single(await _host.Store.GetAuditAsync(uuid)).Actor);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token("issue") + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJson(client, "/credentials", Learner(7))).StatusCode);
    }

    [Fact]
    public async Task Idempotency_key_and_natural_key_return_the_credential_already_issued()
    {
        var first = await PostJson(_admin, "/credentials", Learner(10), idempotencyKey: "lms-42");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var issued = await Body(first);

        var replay = await PostJson(_admin, "/credentials", Learner(10), idempotencyKey: "lms-42");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(issued.ToString(), (await Body(replay)).ToString());

        // The same learner, achievement and award date without a key (or with another key) is the same award.
        var again = await PostJson(_admin, "/credentials", Learner(10));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((string?)issued["id"], (string?)(await Body(again))["id"]);
        Assert.Equal((string?)issued["id"], (string?)(await Body(await PostJson(_admin, "/credentials", Learner(10), idempotencyKey: "lms-43")))["id"]);

        // The key reused for another learner is refused.
        var conflict = await PostJson(_admin, "/credentials", Learner(11), idempotencyKey: "lms-42");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, conflict.StatusCode);

        // Another award date is another award.
        Assert.Equal(HttpStatusCode.Created, (await PostJson(_admin, "/credentials", Learner(10).Replace("2025-07-04", "2026-01-15", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(2, (await _host.Store.GetStatisticsAsync()).Credentials);
    }

    [Fact]
    public async Task A_batch_issues_each_item_once_and_a_rerun_finds_them()
    {
        var body = "{\"items\":[" + Learner(20) + "," + Learner(21) + ",{\"courseId\":\"nope\",\"learner\":{\"studentNumber\":\"22\"}}," + Learner(23) + "]}";
        var first = await Body(await PostJson(_admin, "/credentials/batch", body, idempotencyKey: "batch-7"));
        Assert.Equal(3, (int)first["created"]!);
        Assert.Equal(1, (int)first["failed"]!);
        Assert.Equal("invalid", (string?)first["results"]![2]!["outcome"]);
        var rerun = await Body(await PostJson(_admin, "/credentials/batch", body, idempotencyKey: "batch-7"));
        Assert.Equal(0, (int)rerun["created"]!);
        Assert.Equal(3, (int)rerun["existing"]!);
        Assert.Equal(first["results"]![3]!["id"], rerun["results"]![3]!["id"]);
        Assert.Equal(3, (await _host.Store.GetStatisticsAsync()).Credentials);
        Assert.NotNull(await _host.Store.FindByIdempotencyKeyAsync("batch-7:1"));
    }

    [Fact]
    public async Task The_status_list_has_an_etag_and_max_age_and_is_resigned_only_after_a_change()
    {
        var credential = await Body(await PostJson(_admin, "/credentials", Learner(30)));
        var first = await _host.Client.GetAsync("/status/1");
        var etag = first.Headers.ETag!;
        Assert.Equal("public, max-age=300", first.Headers.CacheControl!.ToString());
        var signatures = _host.Publisher.Signatures;

        var again = await _host.Client.GetAsync("/status/1");
        Assert.Equal(etag, again.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/status/1");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await _host.Client.SendAsync(conditional)).StatusCode);
        Assert.Equal(signatures, _host.Publisher.Signatures);

        await PostJson(_admin, $"/credentials/{Uuid(credential)}/revoke", "{}");
        var changed = await _host.Client.GetAsync("/status/1");
        Assert.NotEqual(etag, changed.Headers.ETag);
        await _host.Client.GetAsync("/status/1");
        Assert.Equal(signatures + 1, _host.Publisher.Signatures);
    }

    [Fact]
    public async Task The_did_web_document_health_and_openapi_are_served()
    {
        var did = await _host.Client.GetAsync("/.well-known/did.json");
        Assert.Equal(HttpStatusCode.OK, did.StatusCode);
        Assert.Equal("public, max-age=3600", did.Headers.CacheControl!.ToString());
        var resolver = new DidWebResolver(new HttpClient(_host.CreateHandler()), new DidWebResolverOptions { AllowHttpForLoopback = true });
        var resolved = await resolver.ResolveVerificationMethodAsync(_key.Id);
        Assert.Equal(KeyResolutionStatus.Resolved, resolved.Status);
        Assert.Equal(_key.PublicKey.ToMultibase(), resolved.PublicKey!.ToMultibase());

        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync("/health/ready")).StatusCode);
        var openApi = JObject.Parse(await _host.Client.GetStringAsync("/openapi/v1.json"));
        var paths = (JObject)openApi["paths"]!;
        foreach (var path in new[] { "/credentials", "/credentials/batch", "/credentials/{id}", "/credentials/{id}/revoke", "/credentials/{id}/suspend", "/credentials/{id}/reinstate", "/status/{listId}" })
        {
            Assert.True(paths.ContainsKey(path), $"OpenAPI document lacks {path}");
        }
    }
}
