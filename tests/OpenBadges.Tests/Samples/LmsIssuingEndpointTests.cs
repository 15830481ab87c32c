extern alias lms;

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Keys;
using OpenBadges.Proofs;
using OpenBadges.Status;

namespace OpenBadges.Tests.Samples;

/// <summary>The LMS issuing endpoint sample, hosted in-process: issue, verify, revoke, status list.</summary>
public sealed class LmsIssuingEndpointTests : IDisposable
{
    private readonly Ed25519KeyFile _key = Ed25519KeyFile.Generate();
    // The sample's Program sits under the alias "lms": the CLI's own (internal, but visible to the tests) Program is global too.
    private readonly WebApplicationFactory<lms::Program> _factory;
    private readonly HttpClient _client;

    public LmsIssuingEndpointTests()
    {
        var keyJson = _key.ToJson();
        _factory = new WebApplicationFactory<lms::Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");   // no throwaway-key fallback: the configured key must be used
            host.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?> { ["OpenBadges:Key"] = keyJson }));
        });
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _key.Dispose();
    }

    private Task<HttpResponseMessage> Post(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JObject> Body(HttpResponseMessage response) =>
        (JObject)JsonInput.Parse(await response.Content.ReadAsStringAsync());

    private const string Completion = """{"courseId":"aml-2025","learner":{"email":"s.devries@student.hogeschool-rijnland.example","studentNumber":"123456"},"grade":"8","completedOn":"2025-07-04T10:00:00Z"}""";

    [Fact]
    public async Task Issue_verify_revoke_and_the_status_list_bit_is_set_under_a_valid_proof()
    {
        var response = await Post("/credentials", Completion);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var credential = await Body(response);
        Assert.Equal(_key.Controller, (string?)credential["issuer"]!["id"]);
        Assert.Equal("2025-07-04T10:00:00Z", (string?)credential["validFrom"]);
        Assert.True((await DataIntegrityVerifier.VerifyAsync(credential)).IsValid);

        var uuid = ((string)credential["id"]!)["urn:uuid:".Length..];
        Assert.Equal($"/credentials/{uuid}", response.Headers.Location!.OriginalString);
        var status = (JObject)credential["credentialStatus"]!;
        Assert.Equal("https://credentials.hogeschool-rijnland.example/status/1", (string?)status["statusListCredential"]);
        var index = int.Parse((string)status["statusListIndex"]!, System.Globalization.CultureInfo.InvariantCulture);

        var before = await Body(await _client.GetAsync("/status/1"));
        Assert.True((await DataIntegrityVerifier.VerifyAsync(before)).IsValid);
        Assert.False(BitstringStatusList.Decode((string)before["credentialSubject"]!["encodedList"]!).Get(index));

        var revoke = await _client.PostAsync($"/credentials/{uuid}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.True((bool)(await Body(revoke))["revoked"]!);

        var after = await Body(await _client.GetAsync("/status/1"));
        Assert.True((await DataIntegrityVerifier.VerifyAsync(after)).IsValid);
        Assert.Equal(_key.Controller, (string?)after["issuer"]);
        var bits = BitstringStatusList.Decode((string)after["credentialSubject"]!["encodedList"]!);
        Assert.True(bits.Get(index));
        Assert.Equal(1, Enumerable.Range(0, bits.Length).Count(bits.Get));

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/credentials/{uuid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/credentials/00000000-0000-0000-0000-000000000000/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/status/2")).StatusCode);
    }

    [Fact]
    public async Task An_lms_credential_verifies_valid_in_ci_with_the_status_list_as_a_resource_and_invalid_once_revoked()
    {
        // The CI sample's flow (samples/CiVerification, OPENBADGES_RESOURCES): the LMS's credential and its status list
        // in a folder, `openbadges verify --resources DIR`, no network.
        var credential = await Body(await Post("/credentials", Completion));
        var listUrl = (string)credential["credentialStatus"]!["statusListCredential"]!;
        var dir = Directory.CreateTempSubdirectory("ob-lms-ci-").FullName;
        try
        {
            var resources = Directory.CreateDirectory(Path.Combine(dir, "resources")).FullName;
            var file = Path.Combine(dir, "credential.json");
            await File.WriteAllTextAsync(file, credential.ToString());
            await File.WriteAllTextAsync(Path.Combine(resources, "index.json"), new JObject { [listUrl] = "status-1.json" }.ToString());
            await File.WriteAllTextAsync(Path.Combine(resources, "status-1.json"), (await Body(await _client.GetAsync("/status/1"))).ToString());
            var valid = Cli.CliRun.Of("verify", "--resources", resources, file);
            Assert.True(valid.ExitCode == 0, valid.Out + valid.Error);
            Assert.Contains(": VALID", valid.Out, StringComparison.Ordinal);

            var uuid = ((string)credential["id"]!)["urn:uuid:".Length..];
            await _client.PostAsync($"/credentials/{uuid}/revoke", null);
            await File.WriteAllTextAsync(Path.Combine(resources, "status-1.json"), (await Body(await _client.GetAsync("/status/1"))).ToString());
            var revoked = Cli.CliRun.Of("verify", "--resources", resources, file);
            Assert.Equal(1, revoked.ExitCode);
            Assert.Contains("[REVOKED]", revoked.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Parallel_completions_get_distinct_ids_and_status_indexes_and_all_verify()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Post("/credentials", $$"""{"courseId":"AML-2025","learner":{"studentNumber":"{{1000 + i}}"},"grade":"7"}""")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var credentials = await Task.WhenAll(responses.Select(Body));
        Assert.Equal(16, credentials.Select(c => (string?)c["id"]).Distinct().Count());
        Assert.Equal(16, credentials.Select(c => (string?)c["credentialStatus"]!["statusListIndex"]).Distinct().Count());
        foreach (var credential in credentials)
        {
            Assert.True((await DataIntegrityVerifier.VerifyAsync(credential)).IsValid);
        }
    }

    [Theory]
    [InlineData("""{"learner":{"email":"a@example.nl"},"grade":"7"}""", "courseId", "courseId is required")]
    [InlineData("""{"courseId":"cooking-101","learner":{"email":"a@example.nl"}}""", "courseId", "unknown course 'cooking-101'")]
    [InlineData("""{"courseId":"aml-2025","grade":"7"}""", "learner", "at least one of id")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"not-an-address"},"grade":"7"}""", "learner.email", "is not an e-mail address")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"a@example.nl"}}""", "grade", "is graded")]
    [InlineData("""{"courseId":"aml-2025","learner":{"email":"a@example.nl"},"grade":"7","completedOn":"yesterday"}""", "completedOn", "ISO 8601")]
    [InlineData("""{"courseId":"aml-2025","learner":{"id":"not an iri"},"grade":"7"}""", "M1 $.credentialSubject.id", "absolute IRI")]
    public async Task Bad_requests_get_400_naming_the_field_and_rule(string body, string field, string message)
    {
        var response = await Post("/credentials", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        var errors = (JArray)problem["errors"]![field]!;
        Assert.Contains(message, (string)errors[0]!, StringComparison.Ordinal);
    }
}
