// Issue a European micro-credential as an Open Badges 3.0 credential.
// Run: dotnet run --project samples/IssueMicroCredential
using OpenBadges.Baking;
using OpenBadges.Keys;
using OpenBadges.Model;
using OpenBadges.Proofs;

// The institution's signing key. A real issuer loads it from a key file or a KMS (ISigner);
// here a fresh did:key is made, so the issuer id is that DID (the OB rule: key controller = issuer id).
using var issuerKey = Ed25519KeyFile.Generate();

var credential = new MicroCredentialBuilder(Profiles.DutchHigherEducation)
    .WithIssuer(issuerKey.Controller, "Hogeschool Rijnland", "https://www.hogeschool-rijnland.example")     // M4 awarding body
    .WithIssuerBrin("99XA")                                                                                // M4 (BRIN)
    .WithIssuerCountry("NL", "Netherlands", "Leiden")                                                       // M3
    .WithLearnerEmail("s.devries@student.hogeschool-rijnland.example")                                       // M1 (hashed + salted)
    .WithTitle("Applied Machine Learning with Python")                                                      // M2
    .WithDescription("Learners build, evaluate and explain supervised machine-learning models in Python on real data sets.")
    .WithIssuedOn(DateTimeOffset.UtcNow)                                                                    // M5
    .AddLearningOutcome("machine learning", "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43") // M6
    .AddLearningOutcome("Python (computer programming)", "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
    .WithLearningOutcomesSummary("The learner can prepare a data set, train and evaluate supervised models in Python, and explain the results.")
    .WithEcts(5)                                                                                            // M7
    .WithEqfLevel(6)                                                                                        // M8
    .WithAssessmentType(AssessmentType.ApplicationOfASkill)                                                 // M9
    .WithParticipationType(ParticipationType.OnsiteOrBlended)                                               // M10
    .AddQualityAssurance("NVAO accreditation", "https://www.nvao.net")                                      // M11
    .WithLanguage("en")
    .Build();

// Sign with Data Integrity eddsa-rdfc-2022 (the Ed25519 route Open Badges 3.0 certification accepts).
var signed = await DataIntegritySigner.SignAsync(credential.ToJObject(), issuerKey.CreateSigner(), Cryptosuites.EddsaRdfc2022);
Console.WriteLine(signed);

// Verify it as a wallet or an employer would: offline, every check named.
var verification = await DataIntegrityVerifier.VerifyAsync(signed);
Console.WriteLine($"Verification: {verification.Verdict}");
foreach (var check in verification.AllChecks)
{
    Console.WriteLine($"  {check.Status,-13} {check.Name}: {check.Message}");
}

// Bake it into an SVG badge image; the credential travels with the picture.
var svg = SvgBaker.Bake("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#1f6feb"/></svg>""", signed.ToString());
Console.WriteLine($"Baked into an SVG of {svg.Length} characters; unbaked again: {SvgBaker.Unbake(svg) == signed.ToString().Trim()}");

// A changed credential no longer verifies.
signed["name"] = "Applied Machine Learning with Python (with honours)";
Console.WriteLine($"After tampering: {(await DataIntegrityVerifier.VerifyAsync(signed)).Verdict}");
return verification.IsValid ? 0 : 1;
