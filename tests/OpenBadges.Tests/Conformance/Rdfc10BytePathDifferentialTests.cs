using System.Security.Cryptography;
using System.Text;
using OpenBadges.Canonicalization;
using OpenBadges.Rdf;
using OpenBadges.Tests.Support;
using Xunit.Abstractions;

namespace OpenBadges.Tests.Conformance;

/// <summary>
/// The canonicalizer writes, sorts and hashes N-Quads as UTF-8 bytes (Rdfc10.Lines.cs). These tests hold that byte
/// path to the specification's text, computed here the plain way with strings: §4.6 (serialize each quad of a blank
/// node with _:a / _:z, sort in code point order, hash the concatenation) and §4.4.3 step 7 (relabel with the issued
/// identifiers, serialize, sort, concatenate), plus the hash-only entry point the proofs use. Inputs: every input of
/// the W3C rdf-canon suite, and seeded random datasets with the characters where UTF-16 order and code point order
/// differ, escapes, language tags, datatypes and named graphs.
/// </summary>
public sealed class Rdfc10BytePathDifferentialTests(ITestOutputHelper output)
{
    private static readonly Rdfc10Options Options = new() { MaxWorkFactor = 3 };

    [SharedDataFact]
    public void Agrees_with_the_spec_text_on_every_W3C_input()
    {
        var inputs = Directory.GetFiles(SharedData.Conformance("rdf-canon/rdfc10"), "*-in.nq").Order(StringComparer.Ordinal).ToList();
        Assert.True(inputs.Count > 60, $"expected the rdf-canon inputs, found {inputs.Count}");
        var compared = 0;
        foreach (var file in inputs)
        {
            var quads = NQuads.Parse(File.ReadAllText(file, Encoding.UTF8));
            if (CompareWithSpecText(quads, Path.GetFileName(file)))
            {
                compared++;
            }
        }

        output.WriteLine($"{compared} of {inputs.Count} W3C inputs compared (the rest exceed the work limit on purpose)");
        Assert.True(compared > 60);
    }

    [Fact]
    public void Agrees_with_the_spec_text_on_random_datasets()
    {
        var random = new Random(20261206);
        var compared = 0;
        for (var i = 0; i < 600; i++)
        {
            if (CompareWithSpecText(RandomDataset(random), $"random dataset {i}"))
            {
                compared++;
            }
        }

        output.WriteLine($"{compared} of 600 random datasets compared");
        Assert.True(compared > 500);
    }

    [Fact]
    public void Catches_a_line_order_that_is_UTF16_order_rather_than_code_point_order()
    {
        // The differential check must be able to fail: U+1F600 sorts after U+E000 by code point but before it in
        // UTF-16, so a join in UTF-16 order differs from the canonical form here.
        var quads = new List<RdfQuad>
        {
            new(RdfTerm.Iri("http://example.org/s"), RdfTerm.Iri("http://example.org/p"), RdfTerm.Literal("\uE000"), RdfTerm.DefaultGraph),
            new(RdfTerm.Iri("http://example.org/s"), RdfTerm.Iri("http://example.org/p"), RdfTerm.Literal("\U0001F600"), RdfTerm.DefaultGraph),
        };
        var result = Rdfc10.Canonicalize(quads, Options);
        var utf16Order = string.Concat(quads.Select(NQuads.Serialize).Order(StringComparer.Ordinal));
        Assert.NotEqual(utf16Order, result.NQuads);
        Assert.Equal(SpecCanonicalNQuads(quads, result.IssuedIdentifiers), result.NQuads);
    }

    /// <summary>Compares the byte path with the spec text on one dataset; false when the work limit stops both.</summary>
    private static bool CompareWithSpecText(IReadOnlyList<RdfQuad> quads, string name)
    {
        Rdfc10Result result;
        try
        {
            result = Rdfc10.Canonicalize(quads, Options);
        }
        catch (CanonicalizationLimitException)
        {
            return false;
        }

        // §4.6 for every blank node.
        var byteHashes = Rdfc10.FirstDegreeHashes(quads, Options);
        var labels = quads.SelectMany(BlankNodesOf).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(labels.Count == byteHashes.Count, $"{name}: {byteHashes.Count} first degree hashes for {labels.Count} blank nodes");
        foreach (var label in labels)
        {
            Assert.True(SpecFirstDegreeHash(quads, label) == byteHashes[label], $"{name}: first degree hash of _:{label} differs");
        }

        // §4.4.3 step 7, and the hash the proofs take.
        Assert.True(SpecCanonicalNQuads(quads, result.IssuedIdentifiers) == result.NQuads, $"{name}: canonical N-Quads differ");
        Span<byte> hash = stackalloc byte[32];
        Rdfc10.CanonicalSha256(quads, Options, CancellationToken.None, hash);
        Assert.True(SHA256.HashData(Encoding.UTF8.GetBytes(result.NQuads)).AsSpan().SequenceEqual(hash), $"{name}: CanonicalSha256 differs");
        return true;
    }

    private static string SpecFirstDegreeHash(IReadOnlyList<RdfQuad> quads, string reference)
    {
        // Steps 1-3: each quad mentioning the reference blank node, written with _:a for it and _:z for the others.
        RdfTerm Relabel(RdfTerm term) =>
            term.Kind == RdfTermKind.BlankNode ? RdfTerm.BlankNode(term.Value == reference ? "a" : "z") : term;
        var lines = quads
            .Distinct()
            .Where(q => BlankNodesOf(q).Contains(reference))
            .Select(q => NQuads.Serialize(new RdfQuad(Relabel(q.Subject), q.Predicate, Relabel(q.Object), Relabel(q.Graph))))
            .ToList();

        // Step 4: code point order. Step 5: hash the joined lines.
        lines.Sort(CodePointOrder);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }

    private static string SpecCanonicalNQuads(IReadOnlyList<RdfQuad> quads, IReadOnlyDictionary<string, string> issued)
    {
        RdfTerm Relabel(RdfTerm term) => term.Kind == RdfTermKind.BlankNode ? RdfTerm.BlankNode(issued[term.Value]) : term;
        var lines = quads
            .Select(q => NQuads.Serialize(new RdfQuad(Relabel(q.Subject), q.Predicate, Relabel(q.Object), Relabel(q.Graph))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        lines.Sort(CodePointOrder);
        return string.Concat(lines);
    }

    private static int CodePointOrder(string x, string y) =>
        Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y));

    private static IEnumerable<string> BlankNodesOf(RdfQuad quad) =>
        new[] { quad.Subject, quad.Object, quad.Graph }.Where(t => t.Kind == RdfTermKind.BlankNode).Select(t => t.Value);

    private static List<RdfQuad> RandomDataset(Random random)
    {
        string[] iris = ["http://example.org/a", "http://example.org/b", "http://example.org/é", "http://example.org/\U0001F600", "urn:x:\uE000"];
        string[] texts = ["", "a", "A", "\uE000", "\U0001F600", "\uFFFD", "say \"hi\"", "back\\slash", "line\nbreak\r\t", "\u0001\u007F\b\f", "é"];
        string[] languages = ["en", "en-GB", "nl"];
        string[] datatypes = [RdfVocabulary.XsdString, "http://www.w3.org/2001/XMLSchema#integer", "http://example.org/\uE000type"];
        var blankNodes = random.Next(1, 7);
        RdfTerm Blank() => RdfTerm.BlankNode("b" + random.Next(blankNodes));
        RdfTerm Iri() => RdfTerm.Iri(iris[random.Next(iris.Length)]);
        RdfTerm Literal() => random.Next(3) switch
        {
            0 => RdfTerm.Literal(texts[random.Next(texts.Length)]),
            1 => RdfTerm.Literal(texts[random.Next(texts.Length)], language: languages[random.Next(languages.Length)]),
            _ => RdfTerm.Literal(texts[random.Next(texts.Length)], datatype: datatypes[random.Next(datatypes.Length)]),
        };

        var quads = new List<RdfQuad>();
        var count = random.Next(1, 12);
        for (var i = 0; i < count; i++)
        {
            var subject = random.Next(3) == 0 ? Iri() : Blank();
            var @object = random.Next(3) switch { 0 => Iri(), 1 => Blank(), _ => Literal() };
            var graph = random.Next(4) switch { 0 => Iri(), 1 => Blank(), _ => RdfTerm.DefaultGraph };
            quads.Add(new RdfQuad(subject, Iri(), @object, graph));
        }

        // Now and then a duplicate, which the dataset drops.
        if (random.Next(4) == 0)
        {
            quads.Add(quads[random.Next(quads.Count)]);
        }

        return quads;
    }
}
