using Newtonsoft.Json.Linq;
using OpenBadges.Model;

namespace OpenBadges.Tests.Rendering;

/// <summary>The page reads through <see cref="MicroCredentialView"/>: what the view adds for it, and the paths the page names.</summary>
public sealed class CertificateContentMappingTests
{
    [Fact]
    public async Task The_view_reads_the_credentials_own_language_beside_the_achievements()
    {
        var credential = await CertificateFixtures.SignedAsync("dutch-he-example.json");
        credential["inLanguage"] = "nl";

        var view = MicroCredentialView.Read(credential);

        Assert.Equal(("nl", "inLanguage"), (view.CredentialLanguage!.Value, view.CredentialLanguage.Path));
        Assert.Equal("en", view.Language!.Value);
    }

    [Fact]
    public async Task Without_an_achievement_language_the_credentials_own_language_chooses_the_labels()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json", credential =>
        {
            ((JObject)credential["credentialSubject"]!["achievement"]!).Remove("inLanguage");
            credential["inLanguage"] = "nl";
            return credential;
        });

        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_element_names_the_path_it_was_read_from_or_where_it_was_looked_for()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json", credential =>
        {
            credential["issuanceDate"] = credential["validFrom"];
            credential.Remove("validFrom");
            ((JObject)credential["credentialSubject"]!["achievement"]!).Remove("assessmentType");
            return credential;
        });

        Assert.Contains("data-element=\"M5\" data-source=\"$.issuanceDate\"", page, StringComparison.Ordinal);
        Assert.Contains("data-element=\"M9\" data-source=\"$.credentialSubject.achievement.assessmentType\"", page, StringComparison.Ordinal);
        Assert.Contains("data-element=\"M2\" data-source=\"$.credentialSubject.achievement.name\"", page, StringComparison.Ordinal);
    }
}
