using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OpenBadges.Baking;

namespace OpenBadges.Tests.Unit;

public sealed class BakingTests
{
    private const string Credential = """{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"Café ✓"}""";
    private const string Jws = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";

    [Fact]
    public void Png_round_trips_json_and_jws()
    {
        Assert.Equal(Credential, PngBaker.Unbake(PngBaker.Bake(TinyPng(), Credential)));
        Assert.Equal(Jws, PngBaker.Unbake(PngBaker.Bake(TinyPng(), Jws)));
        Assert.Null(PngBaker.Unbake(TinyPng()));
    }

    [Fact]
    public void Png_rebaking_replaces_the_credential_and_keeps_one_chunk()
    {
        var twice = PngBaker.Bake(PngBaker.Bake(TinyPng(), Credential), Jws);
        Assert.Equal(Jws, PngBaker.Unbake(twice));
        Assert.Equal(1, CountOccurrences(twice, Encoding.ASCII.GetBytes(PngBaker.Keyword)));
    }

    [Fact]
    public void Png_credential_chunk_is_uncompressed_itxt_before_iend()
    {
        var baked = PngBaker.Bake(TinyPng(), Credential);
        var at = IndexOf(baked, Encoding.ASCII.GetBytes("iTXt" + PngBaker.Keyword + "\0"));
        Assert.True(at > 0);
        Assert.Equal(0, baked[at + 4 + PngBaker.Keyword.Length + 1]);
        Assert.True(at < IndexOf(baked, Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void Png_with_two_credential_chunks_is_refused()
    {
        // Attack: two credentials in one image, leaving the verifier to pick one.
        var baked = PngBaker.Bake(TinyPng(), Credential);
        var chunk = ExtractChunk(baked, "iTXt");
        var doubled = baked[..33].Concat(chunk).Concat(baked[33..]).ToArray();
        var error = Assert.Throws<BakingException>(() => PngBaker.Unbake(doubled));
        Assert.Contains("more than one", error.Message);
    }

    [Fact]
    public void Png_with_a_corrupted_chunk_is_refused()
    {
        var baked = PngBaker.Bake(TinyPng(), Credential);
        baked[IndexOf(baked, Encoding.UTF8.GetBytes("Caf"))] ^= 1;
        Assert.Contains("CRC", Assert.Throws<BakingException>(() => PngBaker.Unbake(baked)).Message);
    }

    [Fact]
    public void Not_a_png_is_refused() =>
        Assert.Throws<BakingException>(() => PngBaker.Unbake(Encoding.ASCII.GetBytes("GIF89a.....")));

    [Fact]
    public void Svg_round_trips_json_in_cdata_and_jws_in_verify()
    {
        var baked = SvgBaker.Bake(TinySvg, Credential);
        Assert.Contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", baked);
        Assert.Contains("<![CDATA[", baked);
        Assert.Equal(Credential, SvgBaker.Unbake(baked));
        var jws = SvgBaker.Bake(TinySvg, Jws);
        Assert.Contains($"verify=\"{Jws}\"", jws);
        Assert.Equal(Jws, SvgBaker.Unbake(jws));
    }

    [Fact]
    public void Svg_credential_is_the_first_child_and_rebaking_replaces_it()
    {
        var twice = SvgBaker.Bake(SvgBaker.Bake(TinySvg, Credential), Jws);
        Assert.Equal(Jws, SvgBaker.Unbake(twice));
        var root = System.Xml.Linq.XDocument.Parse(twice).Root!;
        Assert.Equal("credential", root.Elements().First().Name.LocalName);
        Assert.Single(root.Descendants(System.Xml.Linq.XName.Get("credential", SvgBaker.Namespace)));
    }

    [Fact]
    public void Svg_with_two_credentials_is_refused()
    {
        var two = TinySvg.Replace("<circle", $"<openbadges:credential xmlns:openbadges=\"{SvgBaker.Namespace}\" verify=\"a.b.c\"/><openbadges:credential xmlns:openbadges=\"{SvgBaker.Namespace}\" verify=\"d.e.f\"/><circle");
        Assert.Throws<BakingException>(() => SvgBaker.Unbake(two));
    }

    [Fact]
    public void Svg_external_entities_are_never_resolved()
    {
        // Attack: XXE — an external entity that would read a local file into the credential.
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{SvgBaker.Namespace}\"><openbadges:credential>&x;</openbadges:credential></svg>";
        var result = Record.Exception(() => SvgBaker.Unbake(xxe));
        Assert.True(result is BakingException || result is null);
        if (result is null)
        {
            Assert.DoesNotContain("root:", SvgBaker.Unbake(xxe) ?? string.Empty);
        }
    }

    [Fact]
    public void Baked_images_dispatch_on_content()
    {
        Assert.Equal(Credential, BakedImages.Unbake(BakedImages.Bake(TinyPng(), Credential)));
        Assert.Equal(Credential, BakedImages.Unbake(BakedImages.Bake(Encoding.UTF8.GetBytes(TinySvg), Credential)));
        Assert.Throws<BakingException>(() => BakedImages.Unbake(Encoding.ASCII.GetBytes("hello")));
    }

    internal const string TinySvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>";

    /// <summary>A valid 1×1 grey PNG, built here so the test needs no binary fixture.</summary>
    internal static byte[] TinyPng()
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0x80]); // filter byte, one grey pixel
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var buffer = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(buffer, 4);
        data.CopyTo(buffer, 8);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8 + data.Length), Crc(buffer.AsSpan(4, 4 + data.Length)));
        output.Write(buffer);
    }

    // An independent bitwise CRC-32, so the test does not trust the code under test.
    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] ExtractChunk(byte[] png, string type)
    {
        var at = IndexOf(png, Encoding.ASCII.GetBytes(type)) - 4;
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
        return png[at..(at + 12 + length)];
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private static int CountOccurrences(byte[] haystack, byte[] needle)
    {
        var count = 0;
        var span = haystack.AsSpan();
        int at;
        while ((at = span.IndexOf(needle)) >= 0)
        {
            count++;
            span = span[(at + needle.Length)..];
        }

        return count;
    }
}
