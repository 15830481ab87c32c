using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;
using OpenBadges.Tests.Support;
using OpenBadges.Verification;
using OpenBadges.Checks;

namespace OpenBadges.Tests.Samples;

/// <summary>The README's quick start is this test's code, line for line, and it runs.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public async Task Quick_start_builds_signs_and_verifies()
    {
        var output = new StringWriter();
        var console = output;

        // README quick start: begin
        using var key = Ed25519KeyFile.Generate();   // a real issuer: Ed25519KeyFile.Load("issuer-key.json") (openbadges keygen)
        var credential = new MicroCredentialBuilder(Profiles.DutchHigherEducation)
            .WithIssuer(key.Controller, "Hogeschool Rijnland", "https://www.hogeschool-rijnland.example")   // M4: the key's controller
            .WithIssuerCountry("NL")                                                                        // M3
            .WithLearnerEmail("s.devries@student.hogeschool-rijnland.example")                              // M1 (stored hashed)
            .WithTitle("Applied Machine Learning with Python")                                              // M2
            .WithDescription("Build, evaluate and explain supervised learning models in Python.")
            .WithIssuedOn(DateTimeOffset.UtcNow)                                                            // M5
            .AddLearningOutcome("machine learning", "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43") // M6
            .WithLearningOutcomesSummary("The learner trains, evaluates and explains supervised models.")   // M6
            .WithEcts(5)                                                                                    // M7
            .WithEqfLevel(6)                                                                                // M8
            .WithAssessmentType(AssessmentType.ApplicationOfASkill)                                         // M9
            .WithParticipationType(ParticipationType.OnsiteOrBlended)                                       // M10
            .AddQualityAssurance("NVAO accreditation", "https://www.nvao.net")                              // M11
            .Build();
        var signed = await DataIntegritySigner.SignAsync(credential.ToJObject(), key.CreateSigner(), Cryptosuites.EddsaRdfc2022);
        var report = await new CredentialVerifier().VerifyAsync(signed);   // every OB 3.0 check: proof, schema, dates, status…
        console.WriteLine(report.Verdict);   // Valid
        // README quick start: end

        Assert.Equal(Verdict.Valid, report.Verdict);
        Assert.Equal(0, report.WarningCount);
        Assert.Equal("Valid", output.ToString().Trim());
        Assert.Equal(key.Controller, credential.Issuer!.Id);
    }

    [Fact]
    public void The_readme_snippet_is_the_code_above()
    {
        var readme = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var section = Array.IndexOf(readme, "## Quick start");
        Assert.True(section >= 0, "README.md has no '## Quick start' section");
        var open = Array.FindIndex(readme, section, line => line == "```csharp");
        var close = Array.FindIndex(readme, open + 1, line => line == "```");
        var snippet = readme[(open + 1)..close].Where(line => !IsUsingDirective(line) && line.Trim().Length > 0).Select(line => line.Trim()).ToList();

        var source = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "tests", "OpenBadges.Tests", "Samples", "ReadmeQuickStartTests.cs"));
        var begin = Array.FindIndex(source, line => line.Trim() == "// README quick start: begin");
        var end = Array.FindIndex(source, line => line.Trim() == "// README quick start: end");
        var code = source[(begin + 1)..end]
            .Select(line => line.Trim()
                .Replace("console.WriteLine(", "Console.WriteLine(", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(code, snippet);

        // And the usings the snippet shows are the ones it needs.
        var usings = readme[(open + 1)..close].Where(IsUsingDirective).ToList();
        Assert.Equal(["using OpenBadges.Keys;", "using OpenBadges.Model;", "using OpenBadges.Proofs;", "using OpenBadges.Verification;"], usings);
    }

    private static bool IsUsingDirective(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^using [A-Za-z][A-Za-z0-9.]*;$");
}
