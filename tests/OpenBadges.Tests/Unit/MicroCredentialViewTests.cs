using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Model;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class MicroCredentialViewTests
{
    private static JObject Sample() =>
        MicroCredentialSpec.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "specs", "dutch-he-example.json"))).Build().ToJObject();

    [Fact]
    public void Reads_every_element_of_the_sample_with_its_path()
    {
        var view = MicroCredentialView.Read(Sample());

        Assert.Empty(view.MissingMandatory);
        Assert.True(view.IsEuropeanMicroCredential);
        Assert.True(view.IsOpenBadgeCredential);
        Assert.Equal(("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "credentialSubject.id"), (view.LearnerId!.Value, view.LearnerId.Path));
        var email = Assert.Single(view.LearnerIdentifiers);
        Assert.Equal("credentialSubject.identifier[0]", email.Path);
        Assert.True(email.Value.Hashed);
        Assert.True(email.Value.Salted);
        Assert.Equal("sha256", email.Value.HashAlgorithm);
        Assert.Equal("emailAddress", email.Value.IdentityType);
        Assert.Equal(("Applied Machine Learning with Python", "credentialSubject.achievement.name"), (view.Title!.Value, view.Title.Path));
        Assert.Equal(("NL", "issuer.address.addressCountryCode"), (view.CountryCode!.Value, view.CountryCode.Path));
        Assert.Equal("issuer", view.AwardingBody!.Path);
        Assert.Equal("Hogeschool Rijnland", view.AwardingBody.Value.Name);
        Assert.Contains(view.AwardingBody.Value.OtherIdentifiers, i => i.IdentifierType == "ext:BRIN" && i.Identifier == "99XA");
        Assert.Equal(("2025-07-04T10:00:00Z", "validFrom"), (view.IssuedOn!.Value, view.IssuedOn.Path));
        Assert.Equal(2, view.LearningOutcomes.Count);
        Assert.Matches(@"^credentialSubject\.achievement\.alignment\[\d+\]$", view.LearningOutcomes[0].Path);
        Assert.Equal("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43", view.LearningOutcomes[0].Value.TargetUrl);
        Assert.Equal("credentialSubject.achievement.criteria.narrative", view.LearningOutcomesSummary!.Path);
        Assert.Equal((5m, "credentialSubject.achievement.ECTS"), (view.Ects!.Value, view.Ects.Path));
        Assert.Equal(6, view.EqfLevel!.Value);
        Assert.Equal(view.EqfAlignments[0].Path + ".targetCode", view.EqfLevel.Path);
        Assert.Equal(AssessmentType.ApplicationOfASkill, view.AssessmentType);
        Assert.Equal(ParticipationType.OnsiteOrBlended, view.ParticipationType);
        Assert.Equal("NVAO accreditation of the institution", Assert.Single(view.QualityAssurance).Value.TargetName);
        Assert.NotNull(view.Prerequisites);
        Assert.Equal(SupervisionType.OnsiteWithIdentityVerification, view.SupervisionType);
        Assert.True(view.IdentityChecked!.Value);
        var grade = Assert.Single(view.Grades);
        Assert.Equal(("Final grade", "7.5", "5.5", "1", "10"), (grade.Value.Name, grade.Value.Value, grade.Value.RequiredValue, grade.Value.ValueMin, grade.Value.ValueMax));
        Assert.Equal("credentialSubject.result[0]", grade.Path);
        Assert.Equal("stackable", view.StackabilityText!.Value);
        Assert.Equal("Associate degree Data Science", Assert.Single(view.PartOf).Value.TargetName);
        Assert.Contains(view.ProgrammeIdentifiers, i => i.Value.IdentifierType == "ext:CROHO" && i.Value.Identifier == "99999");
        Assert.Equal("en", view.Language!.Value);
    }

    [Fact]
    public void Every_path_points_at_the_value_it_came_from()
    {
        var credential = Sample();
        var view = MicroCredentialView.Read(credential);
        foreach (var sourced in new[] { view.Title, view.CountryCode, view.IssuedOn, view.AssessmentTypeText, view.ParticipationTypeText, view.Prerequisites, view.StackabilityText, view.Language })
        {
            Assert.Equal(sourced!.Value, (string?)credential.SelectToken(sourced.Path));
        }

        Assert.Equal(view.Ects!.Value, (decimal)credential.SelectToken(view.Ects.Path)!);
    }

    [Fact]
    public void Reads_the_Dutch_workload_terms_ECTS_SBU_and_timeInvestment()
    {
        var credential = Sample();
        var achievement = (JObject)credential["credentialSubject"]!["achievement"]!;
        achievement["ECTS"] = 7.5;
        achievement["SBU"] = 240;
        achievement["timeInvestment"] = 84;
        var view = MicroCredentialView.Read(credential);
        Assert.Equal(7.5m, view.Ects!.Value);
        Assert.Equal(240m, view.Sbu!.Value);
        Assert.Equal((84m, "credentialSubject.achievement.timeInvestment"), (view.TimeInvestmentHours!.Value, view.TimeInvestmentHours.Path));
    }

    [Fact]
    public void Paths_are_relative_to_a_credential_nested_in_a_JWT_payload()
    {
        var payload = new JObject { ["iss"] = "did:example:issuer", ["vc"] = Sample() };
        var view = MicroCredentialView.Read((JObject)payload["vc"]!);
        Assert.Equal("credentialSubject.achievement.name", view.Title!.Path);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"credentialSubject": 7, "issuer": [1], "validFrom": 3}""")]
    [InlineData("""{"credentialSubject": [{"achievement": {"alignment": "x", "ECTS": "five", "resultDescription": [{"id": 1}], "type": {"a": 1}}, "result": [3, {"resultDescription": {"x": 1}}]}]}""")]
    [InlineData("""{"issuer": {"address": {"addressCountryCode": 31}, "otherIdentifier": [null, "x"]}, "credentialSubject": {"identifier": [{"hashed": "yes"}], "achievement": {"creditsAvailable": 1e400}}}""")]
    public void Tolerates_foreign_and_malformed_credentials(string json)
    {
        var view = MicroCredentialView.Read(JsonInput.ParseObject(json));
        Assert.Contains("M2", view.MissingMandatory);
        Assert.Contains("M9", view.MissingMandatory);
        Assert.DoesNotContain("M8", view.MissingMandatory);
        Assert.Null(view.Ects);
        Assert.Null(view.CountryCode);
    }

    [Fact]
    public void Names_each_missing_mandatory_element()
    {
        var credential = Sample();
        var achievement = (JObject)credential["credentialSubject"]!["achievement"]!;
        achievement.Remove("assessmentType");
        achievement["alignment"] = new JArray(((JArray)achievement["alignment"]!).Where(a => (string?)a["targetType"] != "ext:QualityAssurance"));
        Assert.Equal(["M9", "M11"], MicroCredentialView.Read(credential).MissingMandatory);
    }
}
