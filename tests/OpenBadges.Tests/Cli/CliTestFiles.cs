using System.Text;
using Newtonsoft.Json.Linq;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Cli;

/// <summary>Files the issue/bake/inspect tests share: a did:key issuer key, a batch template, learner CSVs, tiny images.</summary>
internal static class CliTestFiles
{
    public const string Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    public static string Key(string dir)
    {
        var path = Path.Combine(dir, "key.json");
        if (!File.Exists(path))
        {
            Assert.Equal(0, CliRun.Of("keygen", "--seed", Seed, "--out", path).ExitCode);
        }

        return path;
    }

    /// <summary>The Dutch HE example spec with its issuer id removed (the key's did:key fills it).</summary>
    public static JObject Spec()
    {
        var spec = JObject.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "specs", "dutch-he-example.json")));
        ((JObject)spec["issuer"]!).Remove("id");
        return spec;
    }

    /// <summary>The example spec as a batch template: no id, learner or issuing date; the grade's value comes from the CSV.</summary>
    public static string Template(string dir)
    {
        var spec = Spec();
        spec.Remove("id");
        spec.Remove("learner");
        spec.Remove("issuedOn");
        ((JObject)spec["grades"]![0]!).Remove("value");
        var path = Path.Combine(dir, "template.json");
        File.WriteAllText(path, spec.ToString());
        return path;
    }

    /// <summary>A learners CSV of <paramref name="rows"/> rows; the rows in <paramref name="bad"/> (0-based) get a broken e-mail address.</summary>
    public static string Learners(string dir, int rows, params int[] bad)
    {
        var text = new StringBuilder("email,studentNumber,name,grade\r\n");
        for (var i = 0; i < rows; i++)
        {
            var email = bad.Contains(i) ? $"student{i} at example.nl" : $"student{i}@student.example.nl";
            text.Append($"{email},{100000 + i},\"Learner {i}, Jr.\",{6 + (i % 4)}\r\n");
        }

        var path = Path.Combine(dir, "learners.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A valid 1×1 grey PNG.</summary>
    public static byte[] Png()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var typeBytes = Encoding.ASCII.GetBytes(type);
            var crcInput = typeBytes.Concat(data).ToArray();
            var output = new List<byte>();
            output.AddRange(BigEndian((uint)data.Length));
            output.AddRange(crcInput);
            output.AddRange(BigEndian(Crc32(crcInput)));
            return output.ToArray();
        }

        static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return crc ^ 0xFFFFFFFFu;
        }

        static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

        var header = BigEndian(1).Concat(BigEndian(1)).Concat(new byte[] { 8, 0, 0, 0, 0 }).ToArray();
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write([0, 0x80]);
        }

        return new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }
            .Concat(Chunk("IHDR", header)).Concat(Chunk("IDAT", compressed.ToArray())).Concat(Chunk("IEND", [])).ToArray();
    }

    public const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#1f6feb"/></svg>""";
}
