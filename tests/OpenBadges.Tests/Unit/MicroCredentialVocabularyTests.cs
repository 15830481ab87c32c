using OpenBadges.Model;

namespace OpenBadges.Tests.Unit;

public sealed class MicroCredentialVocabularyTests
{
    [Fact]
    public void Every_enum_value_has_a_json_value_that_parses_back()
    {
        foreach (var value in Enum.GetValues<AssessmentType>())
        {
            Assert.True(MicroCredentialVocabulary.TryParse(MicroCredentialVocabulary.ToJsonValue(value), out AssessmentType parsed));
            Assert.Equal(value, parsed);
        }

        foreach (var value in Enum.GetValues<ParticipationType>())
        {
            Assert.True(MicroCredentialVocabulary.TryParse(MicroCredentialVocabulary.ToJsonValue(value), out ParticipationType parsed));
            Assert.Equal(value, parsed);
        }

        foreach (var value in Enum.GetValues<SupervisionType>())
        {
            Assert.True(MicroCredentialVocabulary.TryParse(MicroCredentialVocabulary.ToJsonValue(value), out SupervisionType parsed));
            Assert.Equal(value, parsed);
        }
    }

    [Fact]
    public void Json_values_are_the_annex_i_phrases()
    {
        Assert.Equal(
            ["testing", "application of a skill", "portfolio", "recognition of prior learning"],
            Enum.GetValues<AssessmentType>().Select(v => MicroCredentialVocabulary.ToJsonValue(v)));
        Assert.Equal(
            ["online", "onsite or blended", "volunteering", "work experience", "personalized learning activities"],
            Enum.GetValues<ParticipationType>().Select(v => MicroCredentialVocabulary.ToJsonValue(v)));
        Assert.Equal(["standalone", "stackable"], Enum.GetValues<Stackability>().Select(v => MicroCredentialVocabulary.ToJsonValue(v)));
    }

    [Fact]
    public void Parsing_ignores_case_and_refuses_unknown_phrases()
    {
        Assert.True(MicroCredentialVocabulary.TryParse("Testing", out AssessmentType testing));
        Assert.Equal(AssessmentType.Testing, testing);
        Assert.False(MicroCredentialVocabulary.TryParse("exam", out AssessmentType _));
        Assert.False(MicroCredentialVocabulary.TryParse((string?)null, out ParticipationType _));
    }

    [Theory]
    [InlineData(SupervisionType.UnsupervisedWithNoIdentityVerification, false)]
    [InlineData(SupervisionType.SupervisedWithNoIdentityVerification, false)]
    [InlineData(SupervisionType.SupervisedOnline, true)]
    [InlineData(SupervisionType.OnsiteWithIdentityVerification, true)]
    public void Identity_check_follows_the_supervision_type(SupervisionType supervision, bool checksIdentity)
    {
        Assert.Equal(checksIdentity, MicroCredentialVocabulary.ChecksIdentity(supervision));
    }

    [Fact]
    public void Country_list_has_the_249_assigned_codes()
    {
        Assert.Equal(249, CountryCodes.Count);
        Assert.True(CountryCodes.IsAssigned("NL"));
        Assert.True(CountryCodes.IsAssigned("SS"));
        Assert.False(CountryCodes.IsAssigned("nl"));
        Assert.False(CountryCodes.IsAssigned("UK"));
        Assert.False(CountryCodes.IsAssigned("EU"));
        Assert.False(CountryCodes.IsAssigned("XK"));
    }
}
