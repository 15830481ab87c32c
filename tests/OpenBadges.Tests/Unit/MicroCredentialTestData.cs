using OpenBadges.Model;

namespace OpenBadges.Tests.Unit;

/// <summary>A complete, realistic Dutch higher-education micro-credential, with a switch to leave one element out.</summary>
internal static class MicroCredentialTestData
{
    public static readonly DateTimeOffset IssuedOn = new(2025, 6, 30, 12, 0, 0, TimeSpan.Zero);

    public static MicroCredentialBuilder CompleteDutchHigherEducation(string? without = null)
    {
        var builder = new MicroCredentialBuilder(Profiles.DutchHigherEducation)
            .WithCredentialId("urn:uuid:5b0f7a52-8f6e-4c59-9d1e-0d7a6f3c2b11")
            .WithAchievementId("https://edubadges.example.nl/achievements/data-ethics")
            .WithDescription("A 5 EC micro-credential on ethical and legal aspects of data-driven work.")
            .WithLanguage("en")
            .WithPrerequisites("A completed bachelor's degree or equivalent work experience.")
            .WithSupervision(SupervisionType.OnsiteWithIdentityVerification)
            .WithStackability(Stackability.Stackable)
            .AddPartOf("Master Data Science (part-time)", "https://www.example-university.nl/education/master-data-science")
            .AddProgrammeIdentifier("66980", "ext:CROHO")
            .AddGrade("urn:uuid:3f1c7a40-1d2b-4d36-9a0e-6b7e2c9d4f01", "Final grade", "ext:DutchGrade", "8", requiredValue: "5.5", valueMin: "1", valueMax: "10");

        if (without != "M4")
        {
            builder.WithIssuer("did:web:edubadges.example.nl:issuers:uu", "Universiteit Utrecht", "https://www.uu.nl").WithIssuerBrin("21PD");
        }

        if (without != "M3")
        {
            builder.WithIssuerCountry("NL", "Netherlands", "Utrecht");
        }

        if (without != "M1")
        {
            builder.WithLearnerId("did:example:learner:8d1f").WithLearnerEmail("j.jansen@students.example.nl");
        }

        if (without != "M2")
        {
            builder.WithTitle("Data Ethics in Practice");
        }

        if (without != "M5")
        {
            builder.WithIssuedOn(IssuedOn);
        }

        if (without != "M6")
        {
            builder
                .AddLearningOutcome("apply ethical principles to data processing", "http://data.europa.eu/esco/skill/6f3b5a8e-0000-4000-8000-000000000001")
                .AddLearningOutcome("comply with GDPR", "http://data.europa.eu/esco/skill/6f3b5a8e-0000-4000-8000-000000000002");
        }

        builder.WithLearningOutcomesSummary("The learner can assess data projects against ethical principles and the GDPR.");

        if (without != "M7")
        {
            builder.WithEcts(5);
        }

        if (without != "M8")
        {
            builder.WithEqfLevel(6);
        }

        if (without != "M9")
        {
            builder.WithAssessmentType(AssessmentType.Portfolio);
        }

        if (without != "M10")
        {
            builder.WithParticipationType(ParticipationType.OnsiteOrBlended);
        }

        if (without != "M11")
        {
            builder.AddQualityAssurance("NVAO accreditation", "https://www.nvao.net/nl/besluiten/opleidingen/universiteit-utrecht");
        }

        return builder;
    }
}
