using Newtonsoft.Json.Linq;
using OpenBadges.Checks;
using OpenBadges.Json;
using OpenBadges.Tests.Cli;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Interop;

/// <summary>SURF eduCredentials' Dutch extension: bundled (decided offline); inspect reads ECTS, SBU and timeInvestment.</summary>
public sealed class DutchMicroCredentialTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static JObject DutchMicroCredential(string workload) => JsonInput.ParseObject($$$"""
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                       "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/contexts/educredential.json"],
          "id": "urn:uuid:55555555-5555-4555-8555-555555555555",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "{{{InteropCorpus.IssuerDid}}}", "type": ["Profile"], "name": "Hogeschool Voorbeeld"},
          "validFrom": "2024-09-01T00:00:00Z",
          "name": "Circulair ontwerpen",
          "credentialSubject": {
            "id": "did:example:student",
            "type": ["AchievementSubject"],
            "achievement": {
              "id": "urn:uuid:66666666-6666-4666-8666-666666666666",
              "type": ["Achievement", "EducredentialAchievement"],
              "name": "Circulair ontwerpen",
              "description": "Een microcredential.",
              "criteria": {"narrative": "Eindopdracht.\nMet een presentatie."},
              {{{workload}}},
              "assessmentType": "testing",
              "participationType": "online"
            }
          }
        }
        """);

    [InteropFact]
    public async Task The_bundled_surf_context_is_decided_offline_and_both_stacks_refuse_its_invalid_term_definition()
    {
        // SURF's published context writes "context" (no @) in the supervisionType term definition: JSON-LD 1.1 (Create
        // Term Definition) makes that an invalid term definition, raised when the EducredentialAchievement scoped context
        // is applied. jsonld.js refuses it, and so does this verifier, offline, naming the key: the same answer.
        var credential = DutchMicroCredential("\"ECTS\": 5, \"timeInvestment\": 140");
        var js = await Assert.ThrowsAsync<ReferenceStackException>(() => ReferenceStack.Shared.CanonizeAsync(credential));
        Assert.Contains("invalid scoped context", js.Message, StringComparison.Ordinal);

        var report = await new CredentialVerifier(new CredentialVerifierOptions { TimeProvider = new FixedClock(Now) }).VerifyAsync(credential);
        var jsonLd = report.Find(CheckNames.JsonLd)!;
        Assert.Equal(CheckStatus.Failed, jsonLd.Status);
        Assert.Contains("supervisionType", jsonLd.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemCodes.JsonLdUnsafe, jsonLd.Code);
    }

    [Theory]
    [InlineData("\"ECTS\": 5, \"timeInvestment\": 140", "5 ECTS credits", "140 hours (time investment)")]
    [InlineData("\"SBU\": 120", "120 study hours (SBU)", null)]
    public void Inspect_reads_ects_sbu_and_time_investment_as_the_notional_workload(string workload, string first, string? second)
    {
        var dir = Directory.CreateTempSubdirectory("ob-nl-").FullName;
        try
        {
            var path = Path.Combine(dir, "nl.json");
            File.WriteAllText(path, DutchMicroCredential(workload).ToString());
            var run = CliRun.Of("inspect", path);
            Assert.Matches(@"M7\s+Notional workload\s+" + System.Text.RegularExpressions.Regex.Escape(first), run.Out);
            if (second is not null)
            {
                Assert.Contains(second, run.Out, StringComparison.Ordinal);
            }

            // The criteria narrative has two lines: printed as two indented lines, not a replacement character.
            Assert.DoesNotContain("\uFFFD", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_the_bundled_context_the_same_credential_could_not_be_checked_offline()
    {
        // The control: a loader that lacks the extension context leaves the meaning of ECTS unknown (not a forgery).
        var options = new CredentialVerifierOptions { TimeProvider = new FixedClock(Now), DocumentLoader = new OnlyVcAndOb() };
        var report = await new CredentialVerifier(options).VerifyAsync(DutchMicroCredential("\"ECTS\": 5"));
        Assert.Equal(CheckStatus.CouldNotCheck, report.Find(CheckNames.JsonLd)!.Status);
    }

    private sealed class OnlyVcAndOb : OpenBadges.JsonLd.IDocumentLoader
    {
        public OpenBadges.JsonLd.RemoteDocument Load(string url, CancellationToken cancellationToken = default) =>
            url == OpenBadges.JsonLd.EmbeddedContexts.EduCredential
                ? throw new OpenBadges.JsonLd.JsonLdException("loading document failed", "not available")
                : OpenBadges.JsonLd.EmbeddedDocumentLoader.Default.Load(url);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
