using System.Security.Cryptography;
using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

// The fast path beside the algorithm: each quad's terms written once as UTF-8 N-Quads bytes, lines copied
// together from them, sorted as bytes and hashed in one call, in a workspace reused per thread.
public static partial class Rdfc10
{
    private sealed partial class CanonicalizationState
    {
        /// <summary>Writes each quad's terms (blank nodes aside) as canonical N-Quads bytes, and numbers the blank nodes.</summary>
        private void WriteTerms(List<RdfQuad> dataset)
        {
            var texts = _work.QuadTexts;
            for (var i = 0; i < dataset.Count; i++)
            {
                var quad = dataset[i];
                var subject = WriteTerm(quad.Subject, "subject");
                var predicate = WriteTerm(quad.Predicate, "predicate");
                var @object = WriteTerm(quad.Object, "object");
                var graph = WriteTerm(quad.Graph, "graph");
                texts.Add(new QuadText(subject, predicate, @object, graph));
            }
        }

        private TermText WriteTerm(RdfTerm term, string position)
        {
            if (term.Kind == RdfTermKind.BlankNode)
            {
                // Its label depends on what the line is for (_:a or _:z, or its canonical label): keep its number.
                if (!_work.BlankNodeNumbers.TryGetValue(term.Value, out var number))
                {
                    number = _work.Labels.Count;
                    _work.BlankNodeNumbers.Add(term.Value, number);
                    _work.Labels.Add(term.Value);
                }

                return TermText.ForBlankNode(number);
            }

            var terms = _work.Terms;
            var start = terms.Length;
            NQuads.AppendTerm(new NQuads.Utf8Sink(terms), term, position);
            return new TermText(start, terms.Length - start);
        }

        /// <summary>§4.4.3 step 2: the quads (as dataset indexes) of each blank node, laid out one list after another.</summary>
        private void MapBlankNodesToQuads()
        {
            var texts = _work.QuadTexts;
            var blankNodeCount = _work.Labels.Count;

            // Count each blank node's quads. The map holds a set of quads: a quad that names the same blank node
            // twice (e.g. _:x <p> _:x) is listed once.
            var starts = Workspace.Ensure(ref _work.QuadListStarts, blankNodeCount + 1);
            starts.AsSpan(0, blankNodeCount + 1).Clear();
            foreach (var text in texts)
            {
                var (subject, @object, graph) = text.DistinctBlankNodes();
                CountIn(starts, subject);
                CountIn(starts, @object);
                CountIn(starts, graph);
            }

            // Blank node n's list starts where n - 1's ends.
            for (var n = 0; n < blankNodeCount; n++)
            {
                starts[n + 1] += starts[n];
            }

            // Fill the lists in dataset order.
            var quads = Workspace.Ensure(ref _work.QuadLists, starts[blankNodeCount]);
            var next = Workspace.Ensure(ref _work.QuadListNext, blankNodeCount);
            starts.AsSpan(0, blankNodeCount).CopyTo(next);
            for (var i = 0; i < texts.Count; i++)
            {
                var (subject, @object, graph) = texts[i].DistinctBlankNodes();
                AddTo(subject, i);
                AddTo(@object, i);
                AddTo(graph, i);
            }

            static void CountIn(int[] starts, int blankNode)
            {
                if (blankNode >= 0)
                {
                    starts[blankNode + 1]++;
                }
            }

            void AddTo(int blankNode, int quad)
            {
                if (blankNode >= 0)
                {
                    quads[next[blankNode]++] = quad;
                }
            }
        }

        /// <summary>The first degree hashes of the last <see cref="Label"/>, by input label (see <see cref="FirstDegreeHashes"/>).</summary>
        public Dictionary<string, string> FirstDegreeHashesByLabel()
        {
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var n = 0; n < _work.Labels.Count; n++)
            {
                hashes.Add(_work.Labels[n], Convert.ToHexStringLower(_work.FirstDegreeHash(n)));
            }

            return hashes;
        }

        /// <summary>
        /// Writes each quad's canonical line (blank nodes by canonical label) and sorts them; returns the sorted
        /// lines, one after another (valid until the workspace is used again).
        /// </summary>
        private ReadOnlySpan<byte> WriteSortedCanonicalLines(List<RdfQuad> dataset)
        {
            // Every blank node's "_:c14nN" once, next to the terms, for the lines to copy.
            var labels = Workspace.Ensure(ref _work.CanonicalLabelTexts, _work.Labels.Count);
            var terms = _work.Terms;
            for (var n = 0; n < _work.Labels.Count; n++)
            {
                var start = terms.Length;
                terms.Append("_:"u8);
                terms.Append(CanonicalLabel(n)); // ASCII: "c14n" and digits
                labels[n] = new TermText(start, terms.Length - start);
            }

            _work.ClearLines();
            for (var i = 0; i < dataset.Count; i++)
            {
                AppendLine(i, CanonicalLabels);
            }

            return SortLines();
        }

        private string CanonicalLabel(int blankNode) =>
            CanonicalIssuer.TryGetIssued(_work.Labels[blankNode], out var canonical)
                ? canonical
                : throw CanonicalizationErrors.NoCanonicalIdentifier(_work.Labels[blankNode]);

        /// <summary>
        /// Appends dataset quad <paramref name="quad"/>'s line, blank nodes written for a first degree hash of
        /// <paramref name="reference"/> (_:a for it, _:z for the others) or, for <see cref="CanonicalLabels"/>,
        /// by their canonical labels.
        /// </summary>
        private void AppendLine(int quad, int reference)
        {
            var lines = _work.Lines;
            var text = _work.QuadTexts[quad];
            var start = lines.Length;
            AppendTerm(lines, text.Subject, reference);
            lines.Append((byte)' ');
            AppendTerm(lines, text.Predicate, reference);
            lines.Append((byte)' ');
            AppendTerm(lines, text.Object, reference);
            if (!text.Graph.IsEmpty)
            {
                lines.Append((byte)' ');
                AppendTerm(lines, text.Graph, reference);
            }

            lines.Append(" .\n"u8);
            _work.LineRanges.Add(new LineRange(start, lines.Length - start, quad));
        }

        private void AppendTerm(Utf8Buffer lines, TermText term, int reference)
        {
            if (!term.IsBlankNode)
            {
                lines.Append(_work.Terms.Slice(term.Start, term.Length));
            }
            else if (reference == CanonicalLabels)
            {
                var label = _work.CanonicalLabelTexts[term.BlankNode];
                lines.Append(_work.Terms.Slice(label.Start, label.Length));
            }
            else
            {
                lines.Append(term.BlankNode == reference ? "_:a"u8 : "_:z"u8);
            }
        }

        /// <summary>
        /// Sorts the lines written since <see cref="Workspace.ClearLines"/> in code point order (byte order, as
        /// they are UTF-8) and returns them one after another, ready to hash.
        /// </summary>
        private ReadOnlySpan<byte> SortLines()
        {
            var ranges = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_work.LineRanges);
            ranges.Sort(_work.LineOrder);
            var sorted = _work.SortedLines;
            foreach (var range in ranges)
            {
                sorted.Append(_work.Lines.Slice(range.Start, range.Length));
            }

            return sorted.Written;
        }
    }

    /// <summary>
    /// What one run fills: collections and buffers that the next run on the same thread clears and reuses.
    /// Arrays are public fields so that <see cref="Ensure"/> can grow them in place.
    /// </summary>
    private sealed class Workspace : IDisposable
    {
        // Larger ones are dropped rather than kept for the thread's lifetime.
        private const int MaxKeptBytes = 1 << 20;
        private const int MaxKeptItems = 1 << 14;

        // §4.4.3 step 1: the dataset (the input without duplicates), and the set that finds the duplicates.
        public readonly List<RdfQuad> Dataset = [];
        public readonly HashSet<RdfQuad> Seen = new(QuadEquality.Instance);

        // Each dataset quad's terms: N-Quads bytes in Terms, or a blank node number.
        public readonly List<QuadText> QuadTexts = [];
        public readonly Utf8Buffer Terms = new(4096);

        // Blank nodes, numbered in the order first met: label to number, and number to label.
        public readonly Dictionary<string, int> BlankNodeNumbers = new(StringComparer.Ordinal);
        public readonly List<string> Labels = [];

        // §4.3 blank node to quads map: blank node n's quads (dataset indexes, in dataset order) are
        // QuadLists[QuadListStarts[n]..QuadListStarts[n + 1]]. QuadListNext is where the next one goes while filling.
        public int[] QuadListStarts = [];
        public int[] QuadLists = [];
        public int[] QuadListNext = [];

        // First degree hashes (blank node n's is bytes n * HashSize to (n + 1) * HashSize), the blank node numbers
        // in hash order, and the lists of blank nodes sharing a hash (§4.4.3 step 4.1).
        public int HashSize;
        public byte[] FirstDegreeHashes = [];
        public int[] BlankNodesByHash = [];
        public readonly List<List<string>> NonUnique = [];

        // §4.3 canonical issuer; every blank node's "_:c14nN" as bytes in Terms, once labelling is done.
        public readonly IdentifierIssuer CanonicalIssuer = new("c14n");
        public TermText[] CanonicalLabelTexts = [];

        // Lines to sort (the spec sorts serialized quads: §4.6 step 4, §4.4.3 step 7) are written one after
        // another and sorted as ranges; then copied, in order, into one buffer to hash in one call.
        public readonly Utf8Buffer Lines = new(8192);
        public readonly List<LineRange> LineRanges = [];
        public readonly Utf8Buffer SortedLines = new(8192);

        // Hash objects, made on first use and kept: one append and one finish on a kept object cost less than a
        // one-shot hash, which sets up and frees an OpenSSL context every time (a run hashes once per blank node).
        private IncrementalHash? _sha256;
        private IncrementalHash? _sha384;

        /// <summary>Hashes <paramref name="data"/> (SHA-256 or SHA-384) into <paramref name="hash"/>.</summary>
        public void HashData(HashAlgorithmName algorithm, ReadOnlySpan<byte> data, Span<byte> hash)
        {
            var hasher = algorithm == HashAlgorithmName.SHA384
                ? _sha384 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA384)
                : _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hasher.AppendData(data);
            hasher.GetHashAndReset(hash);
        }

        public void Dispose()
        {
            _sha256?.Dispose();
            _sha384?.Dispose();
        }

        // The two sort orders, as delegates made once: sorting a span with a comparer object makes a delegate
        // (and boxes a struct comparer) on every call, and a run sorts once per blank node.
        public readonly Comparison<LineRange> LineOrder;
        public readonly Comparison<int> HashOrder;

        public Workspace()
        {
            LineOrder = CompareLines;
            HashOrder = CompareHashes;
        }

        /// <summary>The quads of blank node <paramref name="n"/>, as dataset indexes.</summary>
        public ReadOnlySpan<int> QuadsOf(int n) => QuadLists.AsSpan(QuadListStarts[n], QuadListStarts[n + 1] - QuadListStarts[n]);

        public void ClearLines()
        {
            Lines.Clear();
            LineRanges.Clear();
            SortedLines.Clear();
        }

        /// <summary>Empties everything (dropping the references to the input's quads); false when it grew too large to keep.</summary>
        public bool TryReset()
        {
            var keep =
                Terms.Capacity <= MaxKeptBytes && Lines.Capacity <= MaxKeptBytes && SortedLines.Capacity <= MaxKeptBytes &&
                Dataset.Capacity <= MaxKeptItems && Seen.EnsureCapacity(0) <= MaxKeptItems && Labels.Capacity <= MaxKeptItems;
            Dataset.Clear();
            Seen.Clear();
            QuadTexts.Clear();
            Terms.Clear();
            BlankNodeNumbers.Clear();
            Labels.Clear();
            NonUnique.Clear();
            CanonicalIssuer.Clear();
            ClearLines();
            return keep;
        }

        public ReadOnlySpan<byte> FirstDegreeHash(int n) => FirstDegreeHashes.AsSpan(n * HashSize, HashSize);

        /// <summary>
        /// Code point order of lines: byte order, as UTF-8 keeps code point order (unlike UTF-16, where characters
        /// above U+FFFF sort before U+E000–U+FFFF). Equal lines (possible for first degree hashes, where every
        /// other blank node is _:z) keep dataset order, only so that the order never depends on the sort algorithm.
        /// </summary>
        private int CompareLines(LineRange x, LineRange y)
        {
            var byBytes = Lines.Slice(x.Start, x.Length).SequenceCompareTo(Lines.Slice(y.Start, y.Length));
            return byBytes != 0 ? byBytes : x.Index.CompareTo(y.Index);
        }

        /// <summary>Blank node numbers by first degree hash (bytes compare as their lower-case hex does), then by number.</summary>
        private int CompareHashes(int x, int y)
        {
            var byHash = FirstDegreeHash(x).SequenceCompareTo(FirstDegreeHash(y));
            return byHash != 0 ? byHash : x.CompareTo(y);
        }

        /// <summary>Makes <paramref name="array"/> hold at least <paramref name="length"/> items; returns it.</summary>
        public static T[] Ensure<T>(ref T[] array, int length)
        {
            if (array.Length < length)
            {
                array = new T[Math.Max(length, array.Length * 2)];
            }

            return array;
        }
    }

    /// <summary>Where a quad's four terms are (see <see cref="TermText"/>).</summary>
    private readonly record struct QuadText(TermText Subject, TermText Predicate, TermText Object, TermText Graph)
    {
        /// <summary>The blank node numbers of subject, object and graph name; -1 for other terms and for repeats.</summary>
        public (int Subject, int Object, int Graph) DistinctBlankNodes()
        {
            var subject = Subject.BlankNode;
            var @object = Object.BlankNode != subject ? Object.BlankNode : -1;
            var graph = Graph.BlankNode != subject && Graph.BlankNode != Object.BlankNode ? Graph.BlankNode : -1;
            return (subject, @object, graph);
        }
    }

    /// <summary>
    /// One term of a quad: its N-Quads bytes at <see cref="Start"/> in the workspace's term buffer (none for the
    /// default graph), or, for a blank node, its number: a blank node's label depends on what the line is for.
    /// </summary>
    private readonly record struct TermText(int Start, int Length, int BlankNode = -1)
    {
        public bool IsBlankNode => BlankNode >= 0;

        /// <summary>True for the default graph, which is not written (nor the space before it).</summary>
        public bool IsEmpty => BlankNode < 0 && Length == 0;

        public static TermText ForBlankNode(int number) => new(0, 0, number);
    }

    /// <summary>A line in the line buffer, and the dataset quad it was written from.</summary>
    private readonly record struct LineRange(int Start, int Length, int Index);

    /// <summary>
    /// Quad equality for removing duplicates: the record's own equality (same four terms), without its generic
    /// dispatch per member; the terms' hash codes are cached, so a quad hashes in a few instructions, and terms
    /// shared between quads (the same instance) compare without looking at their strings.
    /// </summary>
    private sealed class QuadEquality : IEqualityComparer<RdfQuad>
    {
        public static readonly QuadEquality Instance = new();

        public bool Equals(RdfQuad? x, RdfQuad? y) =>
            ReferenceEquals(x, y) ||
            (x is not null && y is not null &&
             Same(x.Subject, y.Subject) && Same(x.Predicate, y.Predicate) && Same(x.Object, y.Object) && Same(x.Graph, y.Graph));

        public int GetHashCode(RdfQuad quad) =>
            HashCode.Combine(quad.Subject.GetHashCode(), quad.Predicate.GetHashCode(), quad.Object.GetHashCode(), quad.Graph.GetHashCode());

        private static bool Same(RdfTerm x, RdfTerm y) => ReferenceEquals(x, y) || x.Equals(y);
    }
}
