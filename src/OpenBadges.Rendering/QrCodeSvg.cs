using System.Globalization;
using System.Text;
using QRCoder;

namespace OpenBadges.Rendering;

/// <summary>A QR code (QRCoder's encoder) drawn as one inline SVG path: no image file, no font, nothing to fetch.</summary>
internal static class QrCodeSvg
{
    /// <summary>The SVG for <paramref name="url"/>; <paramref name="title"/> is its accessible name.</summary>
    public static string Create(string url, string title)
    {
        using var generator = new QRCodeGenerator();
        // Level M: a printed page may get a crease or a stain; the URL stays short enough for a small code.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // with QRCoder's 4-module quiet zone
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            var x = 0;
            while (x < size)
            {
                if (!row[x])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < size && row[x])
                {
                    x++;
                }

                // One rectangle per horizontal run of dark modules.
                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start}v1h-{x - start}z");
            }
        }

        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">" +
               $"<title id=\"qr-title\">{Html.Encode(title)}</title><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
