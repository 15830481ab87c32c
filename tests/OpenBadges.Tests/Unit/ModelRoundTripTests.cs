using Newtonsoft.Json.Linq;
using OpenBadges.Json;
using OpenBadges.Model;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class ModelRoundTripTests
{
    [SharedDataTheory]
    [InlineData("reference-stack/ob3-microcredential.unsigned.json")]
    [InlineData("reference-stack/ob3-microcredential.eddsa-rdfc-2022.signed.json")]
    [InlineData("reference-stack/ob3-microcredential-vc1.unsigned.json")]
    [InlineData("ob3/test-vector/credential.json")]
    [InlineData("ob3/test-vector/signed.json")]
    public void Shared_credentials_are_json_equal_after_read_and_write(string relative)
    {
        var original = JsonInput.ParseFile(SharedData.Conformance(relative));

        var written = OpenBadgeCredential.FromJson(original).ToJObject();

        Assert.True(JToken.DeepEquals(original, written), $"Round trip changed {relative}:\n{written}");
    }

    [SharedDataFact]
    public void Reference_credential_is_read_into_typed_properties()
    {
        var credential = OpenBadgeCredential.FromJson(
            File.ReadAllText(SharedData.Conformance("reference-stack/ob3-microcredential.unsigned.json")));

        Assert.True(credential.IsOpenBadgeCredential);
        Assert.Equal("Northbridge Institute of Technology", credential.Issuer!.Name);
        Assert.False(credential.Issuer.IsReference);
        Assert.Equal("2024-09-01T00:00:00Z", credential.ValidFrom);
        var achievement = credential.CredentialSubject!.Achievement!;
        Assert.Equal(1.5m, achievement.CreditsAvailable);
        Assert.Equal(3, achievement.Alignment!.Count);
        Assert.Equal(["A", "B", "C", "D", "F"], achievement.ResultDescription![0].AllowedValue!);
        Assert.Equal("urn:uuid:a1b2c3d4-0001-4000-8000-000000000001", credential.CredentialSubject.Result![0].ResultDescription);
    }

    [Fact]
    public void Date_time_strings_stay_byte_identical()
    {
        const string json = """{"type":"VerifiableCredential","validFrom":"2024-09-01T00:00:00Z","validUntil":"2030-01-01T00:00:00.000+01:00","awardedDate":"2024-09-01T00:00:00.5Z"}""";

        var written = OpenBadgeCredential.FromJson(json).ToJObject();

        Assert.Equal("2024-09-01T00:00:00Z", (string?)written["validFrom"]);
        Assert.Equal("2030-01-01T00:00:00.000+01:00", (string?)written["validUntil"]);
        Assert.Equal("2024-09-01T00:00:00.5Z", (string?)written["awardedDate"]);
        Assert.Equal(JTokenType.String, written["validFrom"]!.Type);
    }

    [Theory]
    [InlineData("""{"type":"Achievement"}""", false)]
    [InlineData("""{"type":["Achievement"]}""", true)]
    [InlineData("""{"type":["Achievement","EuropeanMicroCredential"]}""", true)]
    public void Type_is_read_as_string_or_array_and_written_in_the_same_shape(string json, bool isArray)
    {
        var achievement = OpenBadgesJsonSerializer.FromJson<Achievement>(json);

        Assert.Contains("Achievement", achievement.Type!);
        var written = achievement.ToJObject();
        Assert.Equal(isArray ? JTokenType.Array : JTokenType.String, written["type"]!.Type);
        Assert.True(JToken.DeepEquals(JToken.Parse(json), written));
    }

    [Fact]
    public void Other_one_or_many_properties_accept_a_single_value()
    {
        const string json = """
            {"type":"Achievement","alignment":{"type":"Alignment","targetName":"x","targetUrl":"https://x.example"},
             "tag":"data","resultDescription":{"id":"urn:x","type":"ResultDescription","name":"n","resultType":"Status"}}
            """;

        var achievement = OpenBadgesJsonSerializer.FromJson<Achievement>(json);

        Assert.Equal("x", Assert.Single(achievement.Alignment!).TargetName);
        Assert.Equal("data", Assert.Single(achievement.Tag!));
        Assert.Equal("urn:x", Assert.Single(achievement.ResultDescription!).Id);
        Assert.True(JToken.DeepEquals(JToken.Parse(json), achievement.ToJObject()));
    }

    [Fact]
    public void Unknown_properties_round_trip_at_every_level()
    {
        const string json = """
            {"@context":["https://www.w3.org/ns/credentials/v2",{"ECTS":"https://example.org/ects"}],
             "type":["VerifiableCredential","OpenBadgeCredential"],"futureTerm":{"a":[1,2.5,"3"]},
             "issuer":{"id":"https://issuer.example","type":["Profile"],"x-internal":true},
             "credentialSubject":{"type":["AchievementSubject"],"achievement":{"type":["Achievement"],"ECTS":5,"SBU":7.0,"assessmentType":"testing"}}}
            """;
        var original = JToken.Parse(json);

        var credential = OpenBadgeCredential.FromJson(original);

        Assert.Equal(JTokenType.Integer, credential.CredentialSubject!.Achievement!.AdditionalProperties["ECTS"].Type);
        Assert.True(credential.Issuer!.AdditionalProperties.ContainsKey("x-internal"));
        Assert.True(JToken.DeepEquals(original, credential.ToJObject()));
    }

    [Fact]
    public void Credential_status_is_read_as_one_or_many()
    {
        const string json = """
            {"type":["VerifiableCredential","OpenBadgeCredential"],
             "credentialStatus":[
               {"id":"https://status.example/1#94567","type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"94567","statusListCredential":"https://status.example/1"},
               {"id":"https://status.example/2#94567","type":"BitstringStatusListEntry","statusPurpose":"suspension","statusListIndex":"94567","statusListCredential":"https://status.example/2"}],
             "refreshService":{"id":"https://refresh.example","type":"1EdTechCredentialRefresh"}}
            """;
        var original = JsonInput.Parse(json);

        var credential = OpenBadgeCredential.FromJson(original);

        Assert.Equal(2, credential.CredentialStatus!.Count);
        Assert.Equal("suspension", (string?)credential.CredentialStatus[1].AdditionalProperties["statusPurpose"]);
        Assert.Equal("1EdTechCredentialRefresh", Assert.Single(credential.RefreshService!).Type);
        Assert.True(JToken.DeepEquals(original, credential.ToJObject()));
    }

    [Fact]
    public void Nulls_and_empty_arrays_are_not_written()
    {
        var achievement = new Achievement
        {
            Type = ["Achievement"],
            Name = "Name",
            Alignment = [],
            Tag = Array.Empty<string>(),
            Description = null,
        };

        var written = achievement.ToJObject();

        Assert.Equal(["type", "name"], written.Properties().Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{"creditsAvailable":5}""", "5")]
    [InlineData("""{"creditsAvailable":5.0}""", "5.0")]
    [InlineData("""{"creditsAvailable":1.5}""", "1.5")]
    [InlineData("""{"creditsAvailable":0.25}""", "0.25")]
    public void Numbers_keep_their_integer_or_fraction_form(string json, string expectedNumber)
    {
        var achievement = OpenBadgesJsonSerializer.FromJson<Achievement>(json);

        var text = achievement.ToJson(Newtonsoft.Json.Formatting.None);

        Assert.Equal($$"""{"creditsAvailable":{{expectedNumber}}}""", text);
    }

    [Fact]
    public void Issuer_as_iri_string_is_kept_as_a_string()
    {
        const string json = """{"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":"did:web:issuer.example"}""";

        var credential = OpenBadgeCredential.FromJson(json);

        Assert.True(credential.Issuer!.IsReference);
        Assert.Equal("did:web:issuer.example", credential.Issuer.Id);
        Assert.Equal(JTokenType.String, credential.ToJObject()["issuer"]!.Type);
    }

    [Fact]
    public void Issuer_built_as_reference_is_written_as_a_string_and_as_object_otherwise()
    {
        var asReference = new OpenBadgeCredential { Issuer = Profile.Reference("https://issuer.example") }.ToJObject();
        var asObject = new OpenBadgeCredential { Issuer = new Profile { Id = "https://issuer.example" } }.ToJObject();

        Assert.Equal("https://issuer.example", (string?)asReference["issuer"]);
        Assert.Equal(JTokenType.Object, asObject["issuer"]!.Type);
    }

    [Fact]
    public void Achievement_credential_alias_is_read()
    {
        var credential = OpenBadgeCredential.FromJson("""{"type":["VerifiableCredential","AchievementCredential"]}""");

        Assert.True(credential.IsOpenBadgeCredential);
    }

    [Fact]
    public void Endorsement_credential_round_trips()
    {
        const string json = """
            {"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
             "id":"urn:uuid:1","type":["VerifiableCredential","EndorsementCredential"],"name":"Endorsement",
             "issuer":{"id":"https://endorser.example","type":["Profile"]},"validFrom":"2024-01-01T00:00:00Z",
             "credentialSubject":{"id":"https://issuer.example/achievements/1","type":["EndorsementSubject"],"endorsementComment":"Solid."}}
            """;
        var original = JsonInput.Parse(json);

        var endorsement = EndorsementCredential.FromJson(original);

        Assert.Equal("Solid.", endorsement.CredentialSubject!.EndorsementComment);
        Assert.True(JToken.DeepEquals(original, endorsement.ToJObject()), endorsement.ToJson());
    }

    [Fact]
    public void A_value_of_the_wrong_shape_is_reported_with_its_path()
    {
        var error = Assert.Throws<JsonInputException>(() =>
            OpenBadgeCredential.FromJson("""{"credentialSubject":{"achievement":{"name":{"en":"x"}}}}"""));

        Assert.Contains("credentialSubject.achievement.name", error.Message);
    }

    [Fact]
    public void Json_parsed_with_date_sniffing_is_refused_instead_of_rewritten()
    {
        var sniffed = JToken.Parse("""{"validFrom":"2024-01-01T00:00:00Z"}""");

        var error = Assert.Throws<JsonInputException>(() => OpenBadgeCredential.FromJson(sniffed));

        Assert.Equal("validFrom", error.Path);
    }

    [Fact]
    public void Additional_properties_given_in_code_are_copied()
    {
        var source = new Dictionary<string, JToken> { ["ECTS"] = 5 };
        var achievement = new Achievement { AdditionalProperties = source };

        source["ECTS"] = 6;

        Assert.Equal(5, (int)achievement.AdditionalProperties["ECTS"]);
        Assert.False(achievement.AdditionalProperties is IDictionary<string, JToken> { IsReadOnly: false });
        Assert.False(new Achievement().AdditionalProperties is IDictionary<string, JToken> { IsReadOnly: false });
    }
}
