using System.Diagnostics;
using System.Text;
using OpenBadges.Baking;
using OpenBadges.Checks;
using OpenBadges.Tests.Cli;
using OpenBadges.Verification;
using static OpenBadges.Tests.Verification.VerificationFixtures;

namespace OpenBadges.Tests.Regression.Hostile;

/// <summary>
/// Issue #21, holes 1 and 6: deeply nested SVG (quadratic when built into a document tree) and credential elements that
/// hold no credential. The timings are generous safety bounds (the quadratic reading took minutes), not benchmarks.
/// </summary>
public sealed class SvgHostileTests
{
    private const string Head = "<svg xmlns=\"http://www.w3.org/2000/svg\">";

    /// <summary>An SVG of exactly <paramref name="characters"/> characters: nested &lt;g&gt; elements as deep as they fit.</summary>
    internal static string NestedSvg(int characters)
    {
        const string Open = "<g>";
        const string Close = "</g>";
        var levels = (characters - Head.Length - "</svg>".Length) / (Open.Length + Close.Length);
        var text = new StringBuilder(characters);
        text.Append(Head);
        text.Insert(text.Length, Open, levels);
        text.Insert(text.Length, Close, levels);
        text.Append("</svg>");
        text.Append(' ', characters - text.Length);
        return text.ToString();
    }

    [Fact]
    public void An_svg_at_the_16_MiB_limit_made_of_nested_elements_is_refused_in_under_a_second()
    {
        var svg = NestedSvg(SvgBaker.MaxImageLength);
        Assert.Equal(SvgBaker.MaxImageLength, svg.Length);
        foreach (var action in new Action[] { () => SvgBaker.Unbake(svg), () => SvgBaker.Bake(svg, "{}") })
        {
            // Best of three, on this thread's CPU time (WorkClock): a safety bound on the work (the tree-building reader
            // took minutes), not a benchmark, and not a measure of how loaded the machine running the suite is.
            var fastest = TimeSpan.MaxValue;
            for (var attempt = 0; attempt < 3 && fastest >= TimeSpan.FromSeconds(1); attempt++)
            {
                var clock = Support.WorkClock.Start();
                var e = Assert.Throws<BakingException>(action);
                fastest = clock.Work < fastest ? clock.Work : fastest;
                Assert.True(clock.Wall < TimeSpan.FromSeconds(10), $"blocked: {clock}");
                Assert.Contains($"more than {SvgBaker.MaxDepth} deep", e.Message, StringComparison.Ordinal);
            }

            Assert.True(fastest < TimeSpan.FromSeconds(1), $"took {fastest}");
        }
    }

    [Fact]
    public async Task The_verifier_refuses_200000_nested_levels_quickly()
    {
        var svg = Encoding.UTF8.GetBytes(NestedSvg(1_400_000));
        var verifier = Verifier();
        await verifier.VerifyAsync(Encoding.UTF8.GetBytes(NestedSvg(200)));
        var clock = Stopwatch.StartNew();
        var report = await verifier.VerifyAsync(svg);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}"); // minutes before the fix
        Assert.NotEqual(Verdict.Valid, report.Verdict);
        Assert.Contains("deep", report.Find(CheckNames.Parse)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var levels = SvgBaker.MaxDepth - 2; // root + credential-free groups + the credential element's own level
        var svg = Head + string.Concat(Enumerable.Repeat("<g>", levels)) + string.Concat(Enumerable.Repeat("</g>", levels)) + "</svg>";
        var baked = SvgBaker.Bake(svg, "a.b.c");
        Assert.Equal("a.b.c", SvgBaker.Unbake(baked));
        var deeper = Head + string.Concat(Enumerable.Repeat("<g>", SvgBaker.MaxDepth)) + string.Concat(Enumerable.Repeat("</g>", SvgBaker.MaxDepth)) + "</svg>";
        Assert.Throws<BakingException>(() => SvgBaker.Unbake(deeper));
    }

    [Fact]
    public void Baking_keeps_the_image_and_its_declaration_and_escapes()
    {
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- drawn --><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"urn:x\" x:a=\"1 &amp; 2\"><text> a &lt; b </text><![CDATA[raw]]><g/></svg>";
        var baked = SvgBaker.Bake(svg, "{\"a\": \"]]>\"}");
        Assert.True(baked.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- drawn --><svg", StringComparison.Ordinal), baked);
        Assert.Contains("x:a=\"1 &amp; 2\"", baked, StringComparison.Ordinal);
        Assert.Contains("<text> a &lt; b </text>", baked, StringComparison.Ordinal);
        Assert.Equal("{\"a\": \"]]>\"}", SvgBaker.Unbake(baked));
        var document = System.Xml.Linq.XDocument.Parse(baked);
        Assert.Equal(System.Xml.Linq.XName.Get("credential", SvgBaker.Namespace), ((System.Xml.Linq.XElement)document.Root!.FirstNode!).Name);
    }

    // Found by the svg fuzz harness (seed 31): the reader accepts an element prefixed 'xmlns', the writer throws.
    [Theory]
    [InlineData("<xmlns:circle r=\"1\"/>")]
    [InlineData("<g xmlns:xmlns=\"urn:x\"/>")]
    public void Baking_an_svg_the_writer_cannot_write_back_is_a_baking_error(string element)
    {
        var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\">{element}</svg>";
        var e = Record.Exception(() => SvgBaker.Bake(svg, "{}"));
        Assert.True(e is null or BakingException, e?.ToString());
    }

    [Theory]
    [InlineData("<openbadges:credential/>")]
    [InlineData("<openbadges:credential>   </openbadges:credential>")]
    [InlineData("<openbadges:credential><![CDATA[]]></openbadges:credential>")]
    [InlineData("<openbadges:credential verify=\"https://example.edu/assertions/1\"/>")]
    [InlineData("<openbadges:credential verify=\"\"/>")]
    public void A_credential_element_without_a_credential_is_an_error(string element)
    {
        var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{SvgBaker.Namespace}\">{element}<circle r=\"1\"/></svg>";
        Assert.Throws<BakingException>(() => SvgBaker.Unbake(svg));

        using var folder = new TempFolder();
        var path = folder.Write("badge.svg", svg);
        var run = CliRun.Of("unbake", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_empty_png_credential_chunk_is_an_error_too()
    {
        var png = PngBaker.Bake(CliTestFiles.Png(), " ");
        using var folder = new TempFolder();
        var run = CliRun.Of("unbake", folder.Write("badge.png", png));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
    }
}
