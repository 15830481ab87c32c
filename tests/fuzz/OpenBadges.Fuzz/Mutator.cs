using System.Text;

namespace OpenBadges.Fuzz;

/// <summary>
/// Byte-level mutations in the manner of libFuzzer's (flip, insert, erase, repeat, splice, dictionary tokens), seeded
/// so a run is reproducible. No coverage feedback: that is what libFuzzer mode would add.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly byte[][] Tokens = new[]
    {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "false", "0", "-0", "1e400", "1e-400",
        "0.1000000000000000000001", "123456789012345678901234", "NaN", "//", "/*", "'", "@context", "@id", "@type", "@graph",
        "@list", "@value", "@language", "@vocab", "@base", "@reverse", "@nest", "@included", "@json", "_:b0", "<", ">", "<g>",
        "</g>", "<![CDATA[", "]]>", "<!DOCTYPE", "&amp;", "&x;", ".", "..", "eyJ", "z6Mk", "did:key:", "did:web:", "https://",
        "javascript:", "\r\n", "\u0000", "\u00ff", "\u202e", "^^", "@", "\"\"", "IEND", "iTXt", "openbadgecredential",
    }.Select(Encoding.UTF8.GetBytes).ToArray();

    private const string Alphabet = "0123456789{}[]\",:.-eE\\/<>&;#";

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus)
    {
        var data = new List<byte>(input);
        var steps = 1 + _random.Next(4);
        for (var i = 0; i < steps; i++)
        {
            var at = data.Count == 0 ? 0 : _random.Next(data.Count + 1);
            switch (_random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[Math.Min(at, data.Count - 1)] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[Math.Min(at, data.Count - 1)] = (byte)_random.Next(256);
                    break;
                case 2:
                    data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(1 + _random.Next(16), data.Count - Math.Min(at, data.Count - 1)));
                    break;
                case 4 when data.Count > 0:
                    // Repeat a slice: nesting and long runs are where limits live.
                    var start = Math.Min(at, data.Count - 1);
                    var length = Math.Min(1 + _random.Next(8), data.Count - start);
                    var slice = data.GetRange(start, length);
                    var times = 1 + _random.Next(_random.Next(4) == 0 ? 2000 : 8);
                    for (var t = 0; t < times && data.Count < 512 * 1024; t++)
                    {
                        data.InsertRange(start, slice);
                    }

                    break;
                case 5 when corpus.Count > 0:
                    // Splice: a piece of another seed.
                    var other = corpus[_random.Next(corpus.Count)];
                    if (other.Length > 0)
                    {
                        var from = _random.Next(other.Length);
                        data.InsertRange(at, other.AsSpan(from, Math.Min(1 + _random.Next(64), other.Length - from)).ToArray());
                    }

                    break;
                case 6 when data.Count > 1:
                    // Swap two bytes: reorders tokens without changing the alphabet.
                    var a = _random.Next(data.Count);
                    var b = _random.Next(data.Count);
                    (data[a], data[b]) = (data[b], data[a]);
                    break;
                default:
                    data.Insert(at, (byte)Alphabet[_random.Next(Alphabet.Length)]);
                    break;
            }
        }

        return data.ToArray();
    }
}
