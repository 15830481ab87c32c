using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Rendering;

/// <summary>
/// Compares a screenshot with the approved image in <c>Rendering/approved</c>, tolerantly: the same fonts rasterized by
/// another build of FreeType or Skia differ at glyph edges (anti-aliasing), not in layout.
/// </summary>
/// <remarks>
/// A pixel counts as different when any channel is off by more than <see cref="ChannelTolerance"/> (of 255): edge
/// shading moves by less than that, while text, a colour or a border that changed moves by far more. The images match
/// when they have the same size and at most <see cref="MaxDifferentShare"/> of the pixels differ: a changed word, a
/// moved line or another verdict colour changes several percent of an A4 page; edge noise stays well under one.
/// A different size (a line wrapping elsewhere) never matches. On a mismatch the new image is written beside the
/// approved one as <c>NAME.received.png</c>: look at it, and if it is right, move it over the approved image.
/// </remarks>
internal static class ScreenshotApproval
{
    public const int ChannelTolerance = 64;
    public const double MaxDifferentShare = 0.01;

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "tests", "OpenBadges.Tests", "Rendering", "approved");

    public static void AssertMatches(byte[] png, string name)
    {
        var approvedPath = Path.Combine(Folder, name + ".png");
        var receivedPath = Path.Combine(Folder, name + ".received.png");
        if (!File.Exists(approvedPath))
        {
            File.WriteAllBytes(receivedPath, png);
            Assert.Fail($"No approved screenshot {approvedPath}. Look at {receivedPath}; if it is right, rename it to {name}.png.");
        }

        var share = DifferentShare(PngImage.Decode(File.ReadAllBytes(approvedPath)), PngImage.Decode(png));
        if (share > MaxDifferentShare)
        {
            File.WriteAllBytes(receivedPath, png);
            Assert.Fail($"The screenshot differs from {approvedPath} ({(double.IsPositiveInfinity(share) ? "another size" : share.ToString("P2", System.Globalization.CultureInfo.InvariantCulture) + " of the pixels")}). Look at {receivedPath}; if it is right, move it over the approved image.");
        }

        File.Delete(receivedPath);
    }

    /// <summary>The share of pixels that differ beyond the tolerance; infinity when the sizes differ.</summary>
    public static double DifferentShare(PngImage expected, PngImage actual)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            return double.PositiveInfinity;
        }

        var different = 0;
        for (var i = 0; i < expected.Rgba.Length; i += 4)
        {
            for (var c = 0; c < 4; c++)
            {
                if (Math.Abs(expected.Rgba[i + c] - actual.Rgba[i + c]) > ChannelTolerance)
                {
                    different++;
                    break;
                }
            }
        }

        return (double)different / (expected.Width * expected.Height);
    }
}
