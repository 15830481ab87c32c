// Issue a European micro-credential as an Open Badges 3.0 credential.
// Run: dotnet run --project samples/IssueMicroCredential
using OpenBadges.Keys;
using OpenBadges.Model;

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

Console.WriteLine(credential.ToJson());
