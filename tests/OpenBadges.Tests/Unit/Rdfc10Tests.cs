using System.Security.Cryptography;
using System.Text;
using OpenBadges.Canonicalization;
using OpenBadges.Rdf;
using OpenBadges.Tests.Support;

namespace OpenBadges.Tests.Unit;

public sealed class Rdfc10Tests
{
    // A ring of three (rdf-canon test023's shape): every blank node looks the same at first degree, so Hash
    // N-Degree Quads has to run, and more than once per node: it needs MaxWorkFactor 2.
    private static readonly Rdfc10Options Ring = new() { MaxWorkFactor = 2 };

    private const string Circle =
        "_:e0 <http://example.org/vocab#next> _:e1 .\n" +
        "_:e1 <http://example.org/vocab#next> _:e2 .\n" +
        "_:e2 <http://example.org/vocab#next> _:e0 .\n";

    [SharedDataFact]
    public void Reproduces_the_reference_stack_canonical_nquads()
    {
        var expected = File.ReadAllBytes(SharedData.Conformance("reference-stack/ob3-microcredential.unsigned.nq"));
        var quads = NQuads.Parse(Encoding.UTF8.GetString(expected));

        var result = Rdfc10.Canonicalize(quads);

        Assert.Equal(expected, Encoding.UTF8.GetBytes(result.NQuads));
        Assert.Equal(quads.Count, result.Quads.Count);
        Assert.Equal(result.NQuads, NQuads.Serialize(result.Quads));
    }

    [SharedDataFact]
    public void Output_is_stable_under_input_order_shuffles()
    {
        var inputs = new[]
        {
            File.ReadAllText(SharedData.Conformance("reference-stack/ob3-microcredential.unsigned.nq")),
            File.ReadAllText(SharedData.Conformance("rdf-canon/rdfc10/test044-in.nq")),
            File.ReadAllText(SharedData.Conformance("rdf-canon/rdfc10/test072-in.nq")),
            Circle,
        };
        var random = new Random(20240521);
        var options = new Rdfc10Options { MaxWorkFactor = 3 }; // test044 is a "poison" graph
        foreach (var input in inputs)
        {
            var quads = NQuads.Parse(input);
            var expected = Rdfc10.Canonicalize(quads, options).NQuads;
            for (var round = 0; round < 5; round++)
            {
                var shuffled = quads.ToArray();
                random.Shuffle(shuffled);
                Assert.Equal(expected, Rdfc10.Canonicalize(shuffled, options).NQuads);
            }
        }
    }

    [Fact]
    public void Relabelling_blank_nodes_does_not_change_the_output()
    {
        var renamed = Circle.Replace("_:e0", "_:zz").Replace("_:e1", "_:a9").Replace("_:e2", "_:m");
        Assert.Equal(Rdfc10.Canonicalize(NQuads.Parse(Circle), Ring).NQuads, Rdfc10.Canonicalize(NQuads.Parse(renamed), Ring).NQuads);
    }

    [Fact]
    public void Issued_identifiers_cover_every_input_blank_node()
    {
        var result = Rdfc10.Canonicalize(NQuads.Parse(Circle), Ring);
        Assert.Equal(["e0", "e1", "e2"], result.IssuedIdentifiers.Keys.Order());
        Assert.Equal(["c14n0", "c14n1", "c14n2"], result.IssuedIdentifiers.Values.Order());
    }

    [Fact]
    public void Duplicate_quads_are_removed()
    {
        var quads = NQuads.Parse("_:x <urn:ex:p> \"v\" .\n_:x <urn:ex:p> \"v\" .\n<urn:ex:s> <urn:ex:p> _:x .\n");
        var result = Rdfc10.Canonicalize(quads);
        Assert.Equal("<urn:ex:s> <urn:ex:p> _:c14n0 .\n_:c14n0 <urn:ex:p> \"v\" .\n", result.NQuads);
    }

    [Fact]
    public void Sha384_is_selectable_and_other_algorithms_are_refused()
    {
        var quads = NQuads.Parse(Circle);
        var sha384 = Rdfc10.Canonicalize(quads, Ring with { HashAlgorithm = HashAlgorithmName.SHA384 });
        Assert.Equal(3, sha384.IssuedIdentifiers.Count);

        var error = Assert.Throws<ArgumentException>(() => Rdfc10.Canonicalize(quads, new Rdfc10Options { HashAlgorithm = HashAlgorithmName.MD5 }));
        Assert.Contains("MD5", error.Message);
    }

    [Fact]
    public void A_cancelled_token_stops_before_work()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Rdfc10.Canonicalize(NQuads.Parse(Circle), cancellationToken: cancelled.Token));
    }

    [SharedDataFact]
    public void Cancellation_is_honoured_inside_hash_n_degree_quads()
    {
        // The poison clique with the work limit lifted would run for a very long time; cancellation must end it.
        var clique = NQuads.Parse(File.ReadAllText(SharedData.Conformance("rdf-canon/rdfc10/test074-in.nq")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Rdfc10.Canonicalize(clique, new Rdfc10Options { MaxDeepIterations = long.MaxValue }, timeout.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Default_work_factor_refuses_a_ring_as_rdf_canonize_does()
    {
        // Three look-alike nodes give a limit of 3^1 calls; the ring needs 9 (3 per starting node), so the
        // default refuses it, exactly like the JavaScript reference stack with its defaults.
        var error = Assert.Throws<CanonicalizationLimitException>(() => Rdfc10.Canonicalize(NQuads.Parse(Circle)));
        Assert.Equal(3, error.Limit);
        Assert.Equal("Rdfc10Options.MaxWorkFactor", error.LimitName);
    }

    [Fact]
    public void Work_factor_zero_refuses_any_n_degree_hashing()
    {
        var error = Assert.Throws<CanonicalizationLimitException>(() =>
            Rdfc10.Canonicalize(NQuads.Parse(Circle), new Rdfc10Options { MaxWorkFactor = 0 }));
        Assert.Equal(0, error.Limit);
        Assert.Contains("MaxWorkFactor", error.Message);

        // A dataset whose blank nodes all have unique first degree hashes needs no N-degree work at all.
        var simple = NQuads.Parse("<urn:ex:s> <urn:ex:p> _:a .\n_:a <urn:ex:q> \"x\" .\n");
        Assert.Equal("<urn:ex:s> <urn:ex:p> _:c14n0 .\n_:c14n0 <urn:ex:q> \"x\" .\n", Rdfc10.Canonicalize(simple, new Rdfc10Options { MaxWorkFactor = 0 }).NQuads);
    }

    [Fact]
    public void Explicit_deep_iteration_limit_is_named_in_the_error()
    {
        var error = Assert.Throws<CanonicalizationLimitException>(() =>
            Rdfc10.Canonicalize(NQuads.Parse(Circle), new Rdfc10Options { MaxDeepIterations = 1, MaxWorkFactor = 5 }));
        Assert.Equal("Rdfc10Options.MaxDeepIterations", error.LimitName);
        Assert.Equal(1, error.Limit);
    }

    [Fact]
    public void Input_size_limit()
    {
        var quads = NQuads.Parse(Circle);
        var error = Assert.Throws<CanonicalizationLimitException>(() => Rdfc10.Canonicalize(quads, new Rdfc10Options { MaxQuads = 2 }));
        Assert.Equal("Rdfc10Options.MaxQuads", error.LimitName);
        Assert.Contains("3 quads", error.Message);
    }

    [Fact]
    public void Refuses_quads_that_are_not_rdf()
    {
        var literalSubject = new RdfQuad(RdfTerm.Literal("x"), RdfTerm.Iri("urn:ex:p"), RdfTerm.Iri("urn:ex:o"));
        Assert.Throws<ArgumentException>(() => Rdfc10.Canonicalize([literalSubject]));
        var blankPredicate = new RdfQuad(RdfTerm.Iri("urn:ex:s"), RdfTerm.BlankNode("p"), RdfTerm.Iri("urn:ex:o"));
        Assert.Throws<ArgumentException>(() => Rdfc10.Canonicalize([blankPredicate]));
    }

    [Fact]
    public void Output_lines_sort_in_code_point_order_not_utf16_order()
    {
        // U+FB33 is below U+1F600 as a code point, but its UTF-16 unit is above the surrogate 0xD83D.
        var quads = NQuads.Parse("<urn:ex:s> <urn:ex:p> \"\U0001F600\" .\n<urn:ex:s> <urn:ex:p> \"\uFB33\" .\n");
        Assert.Equal("<urn:ex:s> <urn:ex:p> \"\uFB33\" .\n<urn:ex:s> <urn:ex:p> \"\U0001F600\" .\n", Rdfc10.Canonicalize(quads).NQuads);
    }

    [SharedDataFact]
    public void Hot_path_hash_is_the_sha256_of_the_canonical_nquads()
    {
        var inputs = new (string NQuads, Rdfc10Options? Options)[]
        {
            (File.ReadAllText(SharedData.Conformance("reference-stack/ob3-microcredential.unsigned.nq")), null),
            (File.ReadAllText(SharedData.Conformance("rdf-canon/rdfc10/test044-in.nq")), new Rdfc10Options { MaxWorkFactor = 3 }),
            (File.ReadAllText(SharedData.Conformance("rdf-canon/rdfc10/test072-in.nq")), null),
            (Circle, Ring),
            (Circle, Ring with { HashAlgorithm = HashAlgorithmName.SHA384 }),
            ("_:g <urn:ex:p> \"tab\\t \\u0001 \\\" \uFB33 \U0001F600\"@en-GB _:g .\n" +
             "_:x <urn:ex:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <urn:ex:graph> .\n" +
             "_:x <urn:ex:\u00E9> _:x .\n", null),
        };
        Span<byte> hash = stackalloc byte[32];
        foreach (var (nquads, options) in inputs)
        {
            var quads = NQuads.Parse(nquads);
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(Rdfc10.Canonicalize(quads, options).NQuads));

            Rdfc10.CanonicalSha256(quads, options, CancellationToken.None, hash);

            Assert.Equal(expected, hash.ToArray());
        }
    }

    [Fact]
    public void A_failed_run_does_not_disturb_the_next()
    {
        // Runs on a thread reuse one workspace; a run that throws half way must leave nothing behind.
        var quads = NQuads.Parse(Circle);
        var expected = Rdfc10.Canonicalize(quads, Ring);
        var unwritable = new RdfQuad(RdfTerm.BlankNode("e9"), RdfTerm.Iri("urn:ex:p q"), RdfTerm.BlankNode("e0"));
        var error = Assert.Throws<ArgumentException>(() => Rdfc10.Canonicalize([.. quads, unwritable], Ring));
        Assert.Contains("<urn:ex:p q> in the predicate contains a space", error.Message);
        Assert.Throws<CanonicalizationLimitException>(() => Rdfc10.Canonicalize(quads, new Rdfc10Options { MaxWorkFactor = 1 }));

        var again = Rdfc10.Canonicalize(quads, Ring);

        Assert.Equal(expected.NQuads, again.NQuads);
        Assert.Equal(expected.IssuedIdentifiers, again.IssuedIdentifiers);
    }
}
