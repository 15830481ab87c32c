using OpenBadges.Canonicalization;
using OpenBadges.JsonLd;
using OpenBadges.Rdf;
using OpenBadges.Schemas;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

/// <summary>
/// A built micro-credential is a clean JSON-LD document: every property it carries is a term of the contexts
/// in its own <c>@context</c> (JSON-LD safe mode would stop at the first that is not), and the European
/// elements land on the intended IRIs.
/// </summary>
public sealed class MicroCredentialJsonLdTests
{
    private const string Glossary = "https://edubadges.nl/static/obv3-glossary.html#";

    [Fact]
    public void Every_property_of_a_built_credential_is_a_defined_term()
    {
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
        var events = new List<JsonLdEvent>();
        var quads = JsonLdProcessor.ToRdf(credential, new JsonLdOptions { SafeMode = false, OnEvent = events.Add, RdfDirection = "i18n-datatype" });
        Assert.Empty(events);

        // And in safe mode (the signing default) it goes through without complaint.
        Assert.NotEmpty(JsonLdCanonicalizer.Canonicalize(credential));

        var predicates = quads.Select(q => q.Predicate.Value).ToHashSet();
        Assert.Contains(Glossary + "ECTS", predicates);
        Assert.Contains(Glossary + "assessmentType", predicates);
        Assert.Contains(Glossary + "participationType", predicates);
        Assert.Contains(Glossary + "supervisionType", predicates);
        Assert.Contains(quads, q => q.Predicate.Value == RdfVocabulary.Type && q.Object.Value == Glossary + "EuropeanMicroCredential");
    }

    [Fact]
    public void The_sample_spec_credential_is_schema_valid_and_clean_json_ld()
    {
        var spec = OpenBadges.Json.JsonInput.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "specs", "dutch-he-example.json")));
        var credential = OpenBadges.Model.MicroCredentialSpec.Parse(spec).Build().ToJObject();
        Assert.Empty(OpenBadgesSchemas.ValidateAchievementCredential(credential));
        var events = new List<JsonLdEvent>();
        JsonLdProcessor.ToRdf(credential, new JsonLdOptions { SafeMode = false, OnEvent = events.Add, RdfDirection = "i18n-datatype" });
        Assert.Empty(events);
    }

    [Fact]
    public void An_extension_term_outside_the_european_achievement_is_caught()
    {
        // The extension context is type-scoped: ECTS means something only on a EuropeanMicroCredential achievement.
        var credential = MicroCredentialTestData.CompleteDutchHigherEducation().Build().ToJObject();
        credential["credentialSubject"]!["ECTS"] = 5;
        var error = Assert.Throws<JsonLdSafeModeException>(() => JsonLdCanonicalizer.Canonicalize(credential));
        Assert.Contains("ECTS", error.Message);
    }
}
