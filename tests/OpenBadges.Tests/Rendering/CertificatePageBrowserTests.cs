namespace OpenBadges.Tests.Rendering;

/// <summary>
/// The certificate page in headless Chromium with page scripts off: it shows everything without JavaScript, asks for
/// nothing but itself, and looks as approved (screenshots in Rendering/approved, compared tolerantly).
/// </summary>
public sealed class CertificatePageBrowserTests : IDisposable
{
    // About an A4 sheet at 96 dpi (794 px) with the grey margin around it.
    private const int Width = 860;
    private const int Height = 1200;

    private readonly string _folder = Directory.CreateTempSubdirectory("openbadges-page-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumTheory]
    [InlineData("dutch-he-example.json", "certificate-en", "Verified: the signature is genuine", "Elements of the micro-credential")]
    [InlineData("dutch-he-example-nl.json", "certificate-nl", "Geverifieerd: de handtekening is echt", "Gegevens van de microcredential")]
    public async Task The_sample_page_shows_without_scripts_fetches_nothing_and_looks_as_approved(string spec, string approvedName, string verdict, string heading)
    {
        var url = Write("page.html", await CertificateFixtures.PageAsync(spec));
        await using var browser = await HeadlessChromium.StartAsync(Width, Height);
        await browser.DisableScriptsAsync();
        await browser.NavigateAsync(url);

        var dom = await browser.OuterHtmlAsync();
        Assert.Contains(verdict, dom, StringComparison.Ordinal);
        Assert.Contains(heading, dom, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"qr\"", dom, StringComparison.Ordinal);

        var screenshot = await browser.ScreenshotAsync(Width);
        Assert.Equal([url], browser.Requests.Where(r => !r.StartsWith("data:", StringComparison.Ordinal)));
        ScreenshotApproval.AssertMatches(screenshot, approvedName);
    }

    // The tolerance can fail: the same page for a tampered credential (red "not valid" box, failed checks listed)
    // is far outside it.
    [ChromiumFact]
    public async Task A_page_with_another_verdict_does_not_pass_as_the_approved_one()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json", credential =>
        {
            credential["credentialSubject"]!["achievement"]!["description"] = "Learners build, evaluate and explain supervised machine-learning models in Python on real data sets, and report on their limitations!";
            return credential;
        });
        Assert.Contains("Not valid", page, StringComparison.Ordinal);
        await using var browser = await HeadlessChromium.StartAsync(Width, Height);
        await browser.DisableScriptsAsync();
        await browser.NavigateAsync(Write("tampered.html", page));
        var tampered = PngImage.Decode(await browser.ScreenshotAsync(Width));
        var approved = PngImage.Decode(File.ReadAllBytes(Path.Combine(ScreenshotApproval.Folder, "certificate-en.png")));
        Assert.True(ScreenshotApproval.DifferentShare(approved, tampered) > ScreenshotApproval.MaxDifferentShare);
    }

    // The screenshots above are only a JavaScript-off rendering if the switch works: a page script must not run under it.
    [ChromiumFact]
    public async Task Scripts_are_really_off_in_these_tests()
    {
        var url = Write("script.html", "<!DOCTYPE html><html><body><p id=\"p\">static</p><script>document.getElementById('p').textContent = 'script ran';</script></body></html>");
        await using var browser = await HeadlessChromium.StartAsync(Width, Height);
        await browser.NavigateAsync(url);
        Assert.Contains("<p id=\"p\">script ran</p>", await browser.OuterHtmlAsync(), StringComparison.Ordinal);
        await browser.DisableScriptsAsync();
        await browser.NavigateAsync(url);
        Assert.Contains("<p id=\"p\">static</p>", await browser.OuterHtmlAsync(), StringComparison.Ordinal);
    }

    // The no-request check can fail: an external image is seen (and not blocked) when the page lacks its
    // Content-Security-Policy; with the policy (the page as rendered) the browser refuses to send it.
    [ChromiumFact]
    public async Task An_external_request_would_be_seen_and_the_pages_policy_blocks_it()
    {
        var page = await CertificateFixtures.PageAsync("dutch-he-example.json");
        var injected = page.Replace("</main>", "<img src=\"https://cdn.example.org/logo.png\" alt=\"\"></main>", StringComparison.Ordinal);
        var withoutPolicy = injected[..injected.IndexOf("<meta http-equiv=\"Content-Security-Policy\"", StringComparison.Ordinal)]
            + injected[(injected.IndexOf("<meta name=\"referrer\"", StringComparison.Ordinal))..];

        await using var browser = await HeadlessChromium.StartAsync(Width, Height);
        await browser.DisableScriptsAsync();
        await browser.NavigateAsync(Write("without-policy.html", withoutPolicy));
        Assert.Contains("https://cdn.example.org/logo.png", browser.Requests);
        Assert.DoesNotContain("https://cdn.example.org/logo.png", browser.Blocked);

        await using var second = await HeadlessChromium.StartAsync(Width, Height);
        await second.DisableScriptsAsync();
        var url = Write("with-policy.html", injected);
        await second.NavigateAsync(url);
        await Task.Delay(500); // the blocked load is reported just after the load event
        Assert.Contains("https://cdn.example.org/logo.png", second.Blocked);
    }

    private string Write(string name, string html)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, html);
        return new Uri(path).AbsoluteUri;
    }
}
