using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Model;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class MicroCredentialSpecTests
{
    private static string Sample(string name) => Path.Combine(SharedData.RepositoryRoot, "samples", "specs", name);

    private static JObject Minimal() => JsonInput.ParseObject(File.ReadAllText(Sample("dutch-he-example.json")));

    [Fact]
    public void Dutch_he_example_parses_and_builds()
    {
        var spec = MicroCredentialSpec.Parse(File.ReadAllText(Sample("dutch-he-example.json")));

        Assert.Same(Profiles.DutchHigherEducation, spec.Profile);
        Assert.Empty(MicroCredentialSpec.Check(Minimal()));
        var json = spec.Build().ToJObject();

        Assert.Equal("urn:uuid:0d6f1c3e-4b7a-4e2f-9a51-7c3b2e8d6f10", (string?)json["id"]);
        Assert.Equal("2025-07-04T10:00:00Z", (string?)json["validFrom"]);
        Assert.Equal("NL", (string?)json["issuer"]!["address"]!["addressCountryCode"]);
        Assert.Equal("99XA", (string?)json["issuer"]!["otherIdentifier"]![0]!["identifier"]);
        var subject = json["credentialSubject"]!;
        Assert.Equal(
            IdentityObject.ComputeSha256Hash("s.devries@student.hogeschool-rijnland.example", "3b9d0f4a6c2e8a71d5f0c4b2a9e6d1f3"),
            (string?)subject["identifier"]![0]!["identityHash"]);
        var achievement = subject["achievement"]!;
        Assert.Equal(5, (int)achievement["ECTS"]!);
        Assert.Equal("application of a skill", (string?)achievement["assessmentType"]);
        Assert.Equal("http://data.europa.eu/snb/eqf/6", (string?)achievement.SelectToken("alignment[?(@.targetType=='ext:EQF')].targetUrl"));
        Assert.Equal("7.5", (string?)subject["result"]![0]!["value"]);
    }

    [Fact]
    public void Building_the_same_spec_twice_gives_the_same_credential()
    {
        var first = MicroCredentialSpec.Parse(Minimal()).Build().ToJObject();
        var second = MicroCredentialSpec.Parse(Minimal()).Build().ToJObject();

        Assert.True(JToken.DeepEquals(first, second));
    }

    [Fact]
    public void Sample_missing_assessment_and_quality_assurance_names_m9_and_m11()
    {
        var json = JsonInput.Parse(File.ReadAllText(Sample("missing-m9-m11.json")));

        var spec = MicroCredentialSpec.Parse(json);
        var error = Assert.Throws<MicroCredentialValidationException>(() => spec.Build());
        var checkedProblems = MicroCredentialSpec.Check(json);

        Assert.Equal(["M9", "M11"], error.Problems.Select(p => p.Element));
        Assert.Equal("$.credentialSubject.achievement.assessmentType", error.Problems[0].JsonPath);
        Assert.Equal(error.Problems, checkedProblems);
    }

    [Fact]
    public void Unknown_fields_are_named_with_their_path_and_a_suggestion()
    {
        var json = Minimal();
        json["issuer"]!["Name"] = "Typo";
        json["ectsCredits"] = 5;
        json["learningOutcomes"]![0]!["link"] = "https://x.example";

        var error = Assert.Throws<MicroCredentialValidationException>(() => MicroCredentialSpec.Parse(json));

        Assert.All(error.Problems, p => Assert.Equal("spec", p.Element));
        Assert.Equal(["$.ectsCredits", "$.issuer.Name", "$.learningOutcomes[0].link"], error.Problems.Select(p => p.JsonPath).Order());
        Assert.Contains("did you mean 'name'?", error.Problems.Single(p => p.JsonPath == "$.issuer.Name").Rule);
    }

    [Fact]
    public void Wrong_types_are_named_once_without_a_duplicate_missing_element()
    {
        var json = Minimal();
        json["ects"] = "5";
        json["eqfLevel"] = "six";
        json["learningOutcomes"] = "machine learning";

        var problems = MicroCredentialSpec.Check(json);

        Assert.Equal(
            [("spec", "$.ects"), ("spec", "$.eqfLevel"), ("spec", "$.learningOutcomes")],
            problems.Select(p => (p.Element, p.JsonPath)).Order());
        Assert.Contains("must be a number; found the string \"5\"", problems.Single(p => p.JsonPath == "$.ects").Rule);
    }

    [Fact]
    public void Unknown_enum_phrases_list_the_allowed_values()
    {
        var json = Minimal();
        json["assessmentType"] = "exam";
        json["profile"] = "DutchUniversity";

        var problems = MicroCredentialSpec.Check(json);

        var assessment = problems.Single(p => p.JsonPath == "$.assessmentType");
        Assert.Equal("spec", assessment.Element);
        Assert.Contains("'testing'", assessment.Rule);
        Assert.Contains(problems, p => p.JsonPath == "$.profile" && p.Rule.Contains("DutchHigherEducation", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Element == "M9");
    }

    [Fact]
    public void Builder_problems_keep_credential_paths_beside_spec_problems()
    {
        var json = Minimal();
        json.Remove("participationType");
        json["country"] = "nl";
        json["title"] = 42;

        var problems = MicroCredentialSpec.Check(json);

        Assert.Equal(
            [("spec", "$.title"), ("M3", "$.issuer.address.addressCountryCode"), ("M10", "$.credentialSubject.achievement.participationType")],
            problems.Select(p => (p.Element, p.JsonPath)));
    }

    [Fact]
    public void A_problem_in_a_side_field_does_not_hide_a_missing_element()
    {
        var json = Minimal();
        ((JObject)json["issuer"]!).Remove("id");
        json["issuer"]!["email"] = 7;
        json["description"] = false;
        json["language"] = "english";

        var problems = MicroCredentialSpec.Check(json);

        Assert.Equal(
            [("spec", "$.issuer.email"), ("spec", "$.description"), ("M4", "$.issuer.id"), ("OB", "$.credentialSubject.achievement.inLanguage")],
            problems.Select(p => (p.Element, p.JsonPath)));
    }

    [Fact]
    public void Eqf_not_applicable_and_image_forms_are_read()
    {
        var json = Minimal();
        json["eqfLevel"] = "not applicable";
        json["image"] = new JObject { ["url"] = "https://www.hogeschool-rijnland.example/badge.png", ["caption"] = "Badge" };

        var spec = MicroCredentialSpec.Parse(json);

        Assert.True(spec.EqfLevelNotApplicable);
        Assert.Equal("Badge", spec.ImageCaption);
        Assert.Empty(spec.ToBuilder().Validate());
    }

    [Fact]
    public void Non_object_spec_and_malformed_text_are_spec_problems()
    {
        Assert.Equal("$", Assert.Single(MicroCredentialSpec.Check(new JArray())).JsonPath);
        var malformed = Assert.Single(MicroCredentialSpec.Check("{\"title\": "));
        Assert.Equal("spec", malformed.Element);
        Assert.Throws<MicroCredentialValidationException>(() => MicroCredentialSpec.Parse("{\"title\": "));
    }
}
