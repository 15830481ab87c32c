using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenBadges.Rendering;
using OpenBadges.Verification;

namespace OpenBadges.Tests.Rendering;

/// <summary>The certificate page's HTML, without a browser: content, language, links, escaping, and no script or fetch.</summary>
public sealed partial class CertificatePageTests
{
    [Fact]
    public async Task Every_mandatory_element_is_shown_with_its_value_in_English()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json");
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        for (var i = 1; i <= 11; i++)
        {
            Assert.Matches($"data-element=\"M{i}\"", page);
        }

        Assert.DoesNotContain("class=\"missing\"", page, StringComparison.Ordinal);
        Assert.Contains("5 ECTS credits", page, StringComparison.Ordinal);
        Assert.Contains("EQF level 6", page, StringComparison.Ordinal);
        Assert.Contains("application of a skill", page, StringComparison.Ordinal);
        Assert.Contains("Awarded by <strong>Hogeschool Rijnland</strong> · Issued on 4 July 2025", page, StringComparison.Ordinal);
        Assert.Contains("Verified: the signature is genuine", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Dutch_credential_gets_Dutch_labels_and_vocabulary()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example-nl.json");
        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
        Assert.Contains("Leerresultaten", page, StringComparison.Ordinal);
        Assert.Contains("5 studiepunten (EC)", page, StringComparison.Ordinal);
        Assert.Contains("toepassing van een vaardigheid", page, StringComparison.Ordinal);
        Assert.Contains("op locatie of gemengd", page, StringComparison.Ordinal);
        Assert.Contains("Uitgereikt op 4 juli 2025", page, StringComparison.Ordinal);
        Assert.Contains("Geverifieerd", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_no_script_no_external_resource_and_a_policy_forbidding_both()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json");
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), page);
        Assert.Contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:", page, StringComparison.Ordinal);

        // Only anchors point outside the page; nothing is loaded from anywhere (no src, no <link>, no url() in CSS).
        Assert.DoesNotMatch(new Regex(@"\ssrc\s*=|<link\b|url\(|@import", RegexOptions.IgnoreCase), page);
    }

    [Fact]
    public async Task Credential_text_is_escaped_and_only_web_links_become_links()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json", credential =>
        {
            var achievement = credential["credentialSubject"]!["achievement"]!;
            achievement["name"] = "<script>alert(1)</script>";
            ((JArray)achievement["alignment"]!)[0]["targetUrl"] = "javascript:alert(2)";
            return credential;
        });
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_credential_is_shown_as_not_valid_with_the_failed_checks()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json", credential =>
        {
            credential["credentialSubject"]!["achievement"]!["name"] = "Advanced Machine Learning with Python";
            return credential;
        });
        Assert.Contains("class=\"verification invalid\"", page, StringComparison.Ordinal);
        Assert.Contains("Not valid", page, StringComparison.Ordinal);
        Assert.Contains("<strong>proof</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_QR_code_links_to_the_verify_URL_or_the_https_credential_id_or_is_left_out_with_the_reason()
    {
        var credential = await CertificateFixtures.SignedAsync("dutch-he-example.json");
        var report = await CertificateFixtures.VerifyAsync(credential);

        var given = CertificatePage.Render(credential, report, new CertificatePageOptions { VerifyUrl = new Uri("https://verify.example.edu/c?id=1&x=2") });
        Assert.Contains("<svg class=\"qr\"", given, StringComparison.Ordinal);
        Assert.Contains("href=\"https://verify.example.edu/c?id=1&amp;x=2\"", given, StringComparison.Ordinal);

        // The sample's id is a urn:uuid: no QR code, and the page says why.
        var none = CertificatePage.Render(credential, report);
        Assert.DoesNotContain("<svg class=\"qr\"", none, StringComparison.Ordinal);
        Assert.Contains("No verification link", none, StringComparison.Ordinal);

        var withHttpsId = (JObject)credential.DeepClone();
        withHttpsId["id"] = "https://credentials.example.edu/42";
        var fromId = CertificatePage.Render(withHttpsId, report);
        Assert.Contains("href=\"https://credentials.example.edu/42\"", fromId, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => CertificatePage.Render(credential, report, new CertificatePageOptions { VerifyUrl = new Uri("http://verify.example.edu/") }));
    }

    [Fact]
    public void The_QR_code_is_one_path_over_QRCoders_module_matrix()
    {
        const string url = "https://verify.example.edu/credentials/0d6f1c3e";
        var svg = QrCodeSvg.Create(url, "QR");
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCoder.QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        Assert.Contains($"viewBox=\"0 0 {size} {size}\"", svg, StringComparison.Ordinal);

        // Every dark module is covered by exactly one run of the path, and nothing else is.
        var dark = data.ModuleMatrix.Sum(row => row.Cast<bool>().Count(b => b));
        var covered = Regex.Matches(svg, @"M(\d+) (\d+)h(\d+)").Sum(m => int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(dark, covered);
    }

    [Fact]
    public async Task The_library_entry_verifies_and_renders_bytes_and_refuses_what_is_no_credential()
    {
        var credential = await CertificateFixtures.SignedAsync("dutch-he-example-nl.json");
        var page = await CertificatePage.RenderAsync(System.Text.Encoding.UTF8.GetBytes(credential.ToString()), new CredentialVerifier(new CredentialVerifierOptions { TimeProvider = new Verification.VerificationFixtures.FixedClock(CertificateFixtures.CheckedAt) }));
        Assert.Contains("Geverifieerd", page, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => CertificatePage.RenderAsync("not json"u8.ToArray()));
    }

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
