using System.Collections.ObjectModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 21 May 2024, https://www.w3.org/TR/rdf-canon/).
/// Gives every blank node a canonical label (<c>c14nN</c>) that depends only on the dataset's shape, and
/// returns the dataset in canonical N-Quads: the input to every eddsa-rdfc-2022 signature.
/// </summary>
/// <remarks>
/// <para>Comments carry the specification's section and step numbers (§4.4.3 step 5.2 and so on).</para>
/// <para>Thread-safe: all state lives in one <see cref="CanonicalizationState"/> per call.</para>
/// <para>Hash N-Degree Quads is exponential on contrived inputs; its calls are bounded like rdf-canonize
/// bounds them (see <see cref="Rdfc10Options.MaxWorkFactor"/>), and a cancellation token is honoured inside it.</para>
/// </remarks>
public static class Rdfc10
{
    /// <summary>Canonicalizes <paramref name="quads"/> (duplicates are removed: a dataset is a set).</summary>
    /// <param name="quads">The input dataset; blank node labels are those of the input blank node identifier map.</param>
    /// <param name="options">Hash algorithm and limits; <see langword="null"/> for <see cref="Rdfc10Options.Default"/>.</param>
    /// <param name="cancellationToken">Checked between blank nodes and inside Hash N-Degree Quads.</param>
    /// <exception cref="CanonicalizationLimitException">The input has more quads than allowed, or needs more Hash N-Degree Quads work than allowed.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or a quad is not RDF (e.g. a literal subject) or cannot be written as N-Quads.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Rdfc10Result Canonicalize(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options = null, CancellationToken cancellationToken = default)
    {
        options = CheckInput(quads, options, cancellationToken);
        using var state = new CanonicalizationState(options, cancellationToken);
        return state.BuildResult(state.Label(quads));
    }

    // The checks both entry points make before any work: arguments, options, the input-size limit, cancellation.
    private static Rdfc10Options CheckInput(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quads);
        options ??= Rdfc10Options.Default;
        ValidateOptions(options);
        if (quads.Count > options.MaxQuads)
        {
            throw new CanonicalizationLimitException(
                nameof(Rdfc10Options) + "." + nameof(Rdfc10Options.MaxQuads),
                options.MaxQuads,
                $"The dataset has {quads.Count} quads; RDFC-1.0 canonicalization accepts at most {options.MaxQuads} " +
                $"(Rdfc10Options.MaxQuads). Raise MaxQuads only if such large inputs are expected and trusted.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return options;
    }

    /// <summary>
    /// The SHA-256 of the canonical N-Quads (UTF-8) of <paramref name="quads"/>, written to <paramref name="destination"/>:
    /// what <see cref="Canonicalize"/> returns, hashed, without building the result's string, quad list and map.
    /// The signing and verifying hot path needs only this hash.
    /// </summary>
    internal static void CanonicalSha256(IReadOnlyList<RdfQuad> quads, Rdfc10Options? options, CancellationToken cancellationToken, Span<byte> destination)
    {
        options = CheckInput(quads, options, cancellationToken);
        using var state = new CanonicalizationState(options, cancellationToken);
        state.HashCanonicalNQuads(state.Label(quads), destination);
    }

    private static void ValidateOptions(Rdfc10Options options)
    {
        if (options.HashAlgorithm != HashAlgorithmName.SHA256 && options.HashAlgorithm != HashAlgorithmName.SHA384)
        {
            throw new ArgumentException(
                $"RDFC-1.0 hash algorithm '{options.HashAlgorithm.Name}' is not supported; use SHA256 (the default) or SHA384.",
                nameof(options));
        }

        if (options.MaxWorkFactor < 0)
        {
            throw new ArgumentException($"Rdfc10Options.MaxWorkFactor is {options.MaxWorkFactor}; it must be 0 or more.", nameof(options));
        }

        if (options.MaxDeepIterations is < 0)
        {
            throw new ArgumentException($"Rdfc10Options.MaxDeepIterations is {options.MaxDeepIterations}; it must be 0 or more.", nameof(options));
        }

        if (options.MaxQuads < 0)
        {
            throw new ArgumentException($"Rdfc10Options.MaxQuads is {options.MaxQuads}; it must be 0 or more.", nameof(options));
        }
    }

    /// <summary>§4.3 The canonicalization state, plus what one run needs (hasher, limits, token).</summary>
    private sealed class CanonicalizationState : IDisposable
    {
        // The line and hash buffers of the last finished run on this thread, reused by the next one (one sign
        // canonicalizes twice; growing fresh buffers each time was most of the canonicalizer's allocation).
        [ThreadStatic]
        private static SortedLines? t_spareLines;

        [ThreadStatic]
        private static Hasher? t_spareHasher;

        private readonly Rdfc10Options _options;
        private readonly CancellationToken _cancellationToken;
        private Hasher? _hasher;

        // §4.3 blank node to quads map (with the first degree hash cached beside the quads); the order list
        // keeps the order in which blank nodes were first met, which fixes the order of ties below.
        private readonly Dictionary<string, BlankNodeInfo> _blankNodeInfo = new(StringComparer.Ordinal);
        private readonly List<string> _blankNodesInOrder = [];

        // §4.3 canonical issuer, prefix "c14n".
        private readonly IdentifierIssuer _canonicalIssuer = new("c14n");

        // Scratch buffer for N-Quads lines that are sorted before use (first degree hashes, the final output).
        private readonly SortedLines _lines = TakeSpareLines();

        // The bound on Hash N-Degree Quads calls, and how many are left.
        private long _maxDeepIterations;
        private long _remainingDeepIterations;

        public CanonicalizationState(Rdfc10Options options, CancellationToken cancellationToken)
        {
            _options = options;
            _cancellationToken = cancellationToken;
        }

        // Created on first use: a dataset without blank nodes (a common proof configuration) hashes nothing.
        private Hasher Hash => _hasher ??= TakeSpareHasher(_options.HashAlgorithm);

        /// <summary>Hands the buffers to the next run on this thread (unless they grew unusually large).</summary>
        public void Dispose()
        {
            if (_lines.TryReset())
            {
                t_spareLines = _lines;
            }

            if (_hasher is not null && _hasher.TryReset())
            {
                t_spareHasher = _hasher;
            }
        }

        private static SortedLines TakeSpareLines()
        {
            var spare = t_spareLines ?? new SortedLines();
            t_spareLines = null;
            return spare;
        }

        private static Hasher TakeSpareHasher(HashAlgorithmName algorithm)
        {
            var spare = t_spareHasher;
            if (spare is not null && spare.Algorithm == algorithm)
            {
                t_spareHasher = null;
                return spare;
            }

            return new Hasher(algorithm);
        }

        /// <summary>§4.4.3 The canonicalization algorithm, steps 1-6 (step 7, serialization, is <see cref="BuildResult"/>).</summary>
        public List<RdfQuad> Label(IReadOnlyList<RdfQuad> input)
        {
            // Step 1: the state is this object. The input is a dataset, i.e. a set: drop duplicate quads
            // (the rdf-canon suite's test076/test077 require it).
            var dataset = new List<RdfQuad>(input.Count);
            var seen = new HashSet<RdfQuad>(input.Count, QuadEquality.Instance);
            for (var i = 0; i < input.Count; i++)
            {
                var quad = input[i] ?? throw new ArgumentException($"Quad {i} is null.", "quads");
                CheckQuadShape(quad, i);
                if (seen.Add(quad))
                {
                    dataset.Add(quad);
                }
            }

            // Step 2: for every quad, for each blank node component (subject, object, graph name), add the
            // quad to that blank node's entry in the blank node to quads map.
            foreach (var quad in dataset)
            {
                AddToBlankNodeMap(quad.Subject, quad);
                AddToBlankNodeMap(quad.Object, quad);
                AddToBlankNodeMap(quad.Graph, quad);
            }

            // Step 3: for each blank node n, compute its first degree hash hf(n) (§4.6) and add n to the
            // hash to blank nodes map under hf(n).
            var hashToBlankNodes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var identifier in _blankNodesInOrder)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var hash = HashFirstDegreeQuads(identifier);
                if (!hashToBlankNodes.TryGetValue(hash, out var identifiers))
                {
                    hashToBlankNodes.Add(hash, identifiers = []);
                }

                identifiers.Add(identifier);
            }

            // Step 4: in code point order of hash (hashes are lower-case hex, so ordinal order is code point
            // order): a blank node alone under its hash gets its canonical identifier now (4.2) and the entry
            // is removed (4.3). The rest, still in hash order, are the non-unique lists step 5 works on.
            var hashes = new List<string>(hashToBlankNodes.Keys);
            hashes.Sort(StringComparer.Ordinal);
            var nonUnique = new List<List<string>>();
            var nonUniqueBlankNodeCount = 0L;
            foreach (var hash in hashes)
            {
                var identifiers = hashToBlankNodes[hash];
                if (identifiers.Count > 1)
                {
                    // 4.1: more than one blank node shares this hash; step 5 handles it.
                    nonUnique.Add(identifiers);
                    nonUniqueBlankNodeCount += identifiers.Count;
                    continue;
                }

                _canonicalIssuer.Issue(identifiers[0]);
            }

            SetDeepIterationLimit(nonUniqueBlankNodeCount);

            // Step 5: for each remaining hash to identifier list entry, in code point order of hash:
            foreach (var identifiers in nonUnique)
            {
                // 5.1: the hash path list.
                var hashPathList = new List<(HashNDegreeResult Result, int Order)>(identifiers.Count);

                // 5.2: for each blank node identifier n in the list:
                foreach (var identifier in identifiers)
                {
                    // 5.2.1: skip n if it was given a canonical identifier meanwhile.
                    if (_canonicalIssuer.HasIssued(identifier))
                    {
                        continue;
                    }

                    // 5.2.2-5.2.3: a temporary issuer with prefix "b" issues n its temporary identifier.
                    var temporaryIssuer = new IdentifierIssuer("b");
                    temporaryIssuer.Issue(identifier);

                    // 5.2.4: run Hash N-Degree Quads (§4.8) and keep the result.
                    hashPathList.Add((HashNDegreeQuads(identifier, temporaryIssuer), hashPathList.Count));
                }

                // 5.3: for each result in code point order of its hash (equal hashes keep their list order,
                // as the reference implementation's stable sort does; equal hashes mean the blank nodes are
                // interchangeable, so the canonical output is the same either way)...
                hashPathList.Sort(static (a, b) =>
                {
                    var byHash = string.CompareOrdinal(a.Result.Hash, b.Result.Hash);
                    return byHash != 0 ? byHash : a.Order.CompareTo(b.Order);
                });
                foreach (var (result, _) in hashPathList)
                {
                    // 5.3.1: ...issue canonical identifiers to the blank nodes the result's issuer named, in
                    // the order it named them (already issued ones keep theirs: Issue Identifier step 1).
                    foreach (var existing in result.Issuer.IssuedInOrder)
                    {
                        _canonicalIssuer.Issue(existing);
                    }
                }
            }

            // Step 6: the issued identifiers map of the canonical issuer goes into the canonicalized dataset
            // (BuildResult reads it from the canonical issuer).
            return dataset;
        }

        // ------------------------------------------------------------ §4.6 Hash First Degree Quads

        private string HashFirstDegreeQuads(string referenceIdentifier)
        {
            var info = _blankNodeInfo[referenceIdentifier];
            if (info.FirstDegreeHash is { } cached)
            {
                return cached;
            }

            // Steps 1-3: serialize each quad mentioning the reference blank node in canonical N-Quads, writing
            // that blank node as _:a and every other blank node as _:z.
            // (Canonical identifiers already issued are NOT used here: RDFC-1.0 fixed this behaviour, which the
            // original URDNA2015 text described differently but every implementation did this way.)
            // (The lines go into one buffer and are sorted as ranges of it, not as one string each.)
            var quads = info.Quads;
            _lines.Clear();
            var line = _lines.Text;
            for (var i = 0; i < quads.Count; i++)
            {
                var quad = quads[i];
                var start = line.Length;
                AppendFirstDegreeTerm(line, quad.Subject, referenceIdentifier, "subject");
                line.Append(' ');
                NQuads.AppendTerm(line, quad.Predicate, "predicate");
                line.Append(' ');
                AppendFirstDegreeTerm(line, quad.Object, referenceIdentifier, "object");
                if (quad.Graph.Kind != RdfTermKind.DefaultGraph)
                {
                    line.Append(' ');
                    AppendFirstDegreeTerm(line, quad.Graph, referenceIdentifier, "graph");
                }

                line.Append(" .\n");
                _lines.EndLine(start, i);
            }

            // Step 4: sort in code point order. Step 5: hash the concatenation.
            _lines.Sort();
            for (var i = 0; i < _lines.Count; i++)
            {
                Hash.Append(_lines.Line(i));
            }

            return info.FirstDegreeHash = Hash.FinishHex();
        }

        private static void AppendFirstDegreeTerm(StringBuilder line, RdfTerm term, string referenceIdentifier, string position)
        {
            if (term.Kind == RdfTermKind.BlankNode)
            {
                line.Append(string.Equals(term.Value, referenceIdentifier, StringComparison.Ordinal) ? "_:a" : "_:z");
            }
            else
            {
                NQuads.AppendTerm(line, term, position);
            }
        }

        // ------------------------------------------------------------ §4.7 Hash Related Blank Node

        private string HashRelatedBlankNode(string related, RdfQuad quad, IdentifierIssuer issuer, char position)
        {
            // Step 3 first (the hasher takes one input at a time): the identifier for related is its canonical
            // identifier if issued, else the one issuer gave it, else its first degree hash (already computed
            // for every blank node in §4.4.3 step 3, so this reads the cache). Issued identifiers get "_:".
            string? issued = null;
            var identifier = _canonicalIssuer.TryGetIssued(related, out var canonical) ? issued = canonical
                : issuer.TryGetIssued(related, out var temporary) ? issued = temporary
                : HashFirstDegreeQuads(related);

            // Step 1: input starts with the position: s, o or g.
            Hash.Append(position);

            // Step 2: unless the position is g, append <predicate>.
            if (position != 'g')
            {
                Hash.Append('<');
                Hash.Append(quad.Predicate.Value);
                Hash.Append('>');
            }

            // Step 4: append the identifier.
            if (issued is not null)
            {
                Hash.Append("_:");
            }

            Hash.Append(identifier);

            // Step 5: hash it.
            return Hash.FinishHex();
        }

        // ------------------------------------------------------------ §4.8 Hash N-Degree Quads

        private HashNDegreeResult HashNDegreeQuads(string identifier, IdentifierIssuer issuer)
        {
            // The work bound (not a step of the algorithm), counted as rdf-canonize 4/5 counts it: every call,
            // recursive ones included, uses up one of MaxDeepIterations. A poison graph therefore stops after a
            // bounded number of calls instead of running for hours; a graph the reference implementation
            // accepts with the same options is accepted here, and one it refuses is refused.
            // Counting calls also bounds the permutations of step 5.4: a related-hash group with two or more
            // distinct blank nodes holds only nodes no issuer has named yet (named ones hash differently), every
            // permutation of distinct nodes issues the same identifiers in the same order, so step 5.4.4.3 cannot
            // cut it short and it makes at least one counted call. Only a group listing the same node more than
            // once can have permutations cut short uncounted; the cancellation token is the backstop for those.
            _cancellationToken.ThrowIfCancellationRequested();

            // Recursion depth grows with chains of look-alike blank nodes; fail with a catchable exception
            // rather than overflow the stack (which would end the process).
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            if (_remainingDeepIterations == 0)
            {
                throw DeepIterationLimitExceeded(identifier);
            }

            _remainingDeepIterations--;

            // Steps 1-3: the hash to related blank nodes map: for each quad mentioning identifier and each other
            // blank node component related in it (subject s, object o, graph g), hash related (§4.7) and
            // file related under that hash.
            var hashToRelatedBlankNodes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var quad in _blankNodeInfo[identifier].Quads)
            {
                AddRelated(hashToRelatedBlankNodes, quad.Subject, identifier, quad, issuer, 's');
                AddRelated(hashToRelatedBlankNodes, quad.Object, identifier, quad, issuer, 'o');
                AddRelated(hashToRelatedBlankNodes, quad.Graph, identifier, quad, issuer, 'g');
            }

            // Step 4: data to hash.
            var dataToHash = new StringBuilder();

            // Step 5: for each related hash to blank node list entry, in code point order of related hash:
            var relatedHashes = new List<string>(hashToRelatedBlankNodes.Keys);
            relatedHashes.Sort(StringComparer.Ordinal);
            var path = new StringBuilder();
            foreach (var relatedHash in relatedHashes)
            {
                // 5.1: append the related hash.
                dataToHash.Append(relatedHash);

                // 5.2-5.3: chosen path and chosen issuer.
                string? chosenPath = null;
                IdentifierIssuer? chosenIssuer = null;

                // 5.4: for each permutation of the blank node list:
                var permutations = new Permutations(hashToRelatedBlankNodes[relatedHash]);
                while (permutations.MoveNext())
                {
                    _cancellationToken.ThrowIfCancellationRequested();

                    // 5.4.1-5.4.3: a copy of issuer, an empty path and an empty recursion list.
                    var issuerCopy = issuer.Clone();
                    path.Clear();
                    var recursionList = new List<string>();
                    var skipPermutation = false;

                    // 5.4.4: for each related in the permutation:
                    foreach (var related in permutations.Current)
                    {
                        if (_canonicalIssuer.TryGetIssued(related, out var canonical))
                        {
                            // 5.4.4.1: related has a canonical identifier: append it.
                            path.Append("_:").Append(canonical);
                        }
                        else
                        {
                            // 5.4.4.2: otherwise recurse on it later if issuer copy has not named it yet, and
                            // append the identifier issuer copy gives it.
                            if (!issuerCopy.HasIssued(related))
                            {
                                recursionList.Add(related);
                            }

                            path.Append("_:").Append(issuerCopy.Issue(related));
                        }

                        // 5.4.4.3: give up on this permutation once path can no longer beat chosen path.
                        // The spec also requires path to be at least as long as chosen path; like rdf-canonize
                        // we compare only in code point order: a path that is already greater at some position
                        // stays greater however it grows, so it can never be chosen. (The shortcut also keeps
                        // the number of recursive calls, and so the work limit, identical to rdf-canonize's.)
                        if (chosenPath is not null && CompareOrdinal(path, chosenPath) > 0)
                        {
                            skipPermutation = true;
                            break;
                        }
                    }

                    if (skipPermutation)
                    {
                        continue;
                    }

                    // 5.4.5: for each related in the recursion list:
                    foreach (var related in recursionList)
                    {
                        // 5.4.5.1: recurse with issuer copy.
                        var result = HashNDegreeQuads(related, issuerCopy);

                        // 5.4.5.2-5.4.5.3: append related's identifier from issuer copy and <result hash>.
                        path.Append("_:").Append(issuerCopy.Issue(related));
                        path.Append('<').Append(result.Hash).Append('>');

                        // 5.4.5.4: continue with the issuer the recursion returned.
                        issuerCopy = result.Issuer;

                        // 5.4.5.5: as 5.4.4.3.
                        if (chosenPath is not null && CompareOrdinal(path, chosenPath) > 0)
                        {
                            skipPermutation = true;
                            break;
                        }
                    }

                    if (skipPermutation)
                    {
                        continue;
                    }

                    // 5.4.6: keep the least path and its issuer.
                    if (chosenPath is null || CompareOrdinal(path, chosenPath) < 0)
                    {
                        chosenPath = path.ToString();
                        chosenIssuer = issuerCopy;
                    }
                }

                // 5.5: append chosen path. 5.6: continue with chosen issuer.
                dataToHash.Append(chosenPath);
                issuer = chosenIssuer!;
            }

            // Step 6: the hash of data to hash, and the issuer.
            Hash.Append(dataToHash);
            return new HashNDegreeResult(Hash.FinishHex(), issuer);
        }

        /// <summary>§4.8 step 3.1: file a blank node component other than identifier under its related hash.</summary>
        private void AddRelated(Dictionary<string, List<string>> hashToRelatedBlankNodes, RdfTerm component, string identifier, RdfQuad quad, IdentifierIssuer issuer, char position)
        {
            if (component.Kind != RdfTermKind.BlankNode || string.Equals(component.Value, identifier, StringComparison.Ordinal))
            {
                return;
            }

            // 3.1.1: the related hash (§4.7). 3.1.2: add related under it.
            var hash = HashRelatedBlankNode(component.Value, quad, issuer, position);
            if (!hashToRelatedBlankNodes.TryGetValue(hash, out var relatedBlankNodes))
            {
                hashToRelatedBlankNodes.Add(hash, relatedBlankNodes = []);
            }

            relatedBlankNodes.Add(component.Value);
        }

        // ------------------------------------------------------------ helpers

        private static void CheckQuadShape(RdfQuad quad, int index)
        {
            if (quad.Subject is null || quad.Predicate is null || quad.Object is null || quad.Graph is null)
            {
                throw new ArgumentException($"Quad {index} has a null term.", "quads");
            }

            if (quad.Subject.Kind is not (RdfTermKind.Iri or RdfTermKind.BlankNode) ||
                quad.Predicate.Kind != RdfTermKind.Iri ||
                quad.Object.Kind == RdfTermKind.DefaultGraph ||
                quad.Graph.Kind == RdfTermKind.Literal)
            {
                throw new ArgumentException(
                    $"Quad {index} is not an RDF quad (subject {quad.Subject.Kind}, predicate {quad.Predicate.Kind}, object {quad.Object.Kind}, graph {quad.Graph.Kind}): " +
                    "RDFC-1.0 needs an IRI or blank node subject, an IRI predicate, and an IRI, blank node or default graph name (generalized RDF is not supported).",
                    "quads");
            }
        }

        private void AddToBlankNodeMap(RdfTerm component, RdfQuad quad)
        {
            if (component.Kind != RdfTermKind.BlankNode)
            {
                return;
            }

            if (!_blankNodeInfo.TryGetValue(component.Value, out var info))
            {
                _blankNodeInfo.Add(component.Value, info = new BlankNodeInfo());
                _blankNodesInOrder.Add(component.Value);
            }

            // The map holds a set of quads: a quad that names the same blank node twice (e.g. _:x <p> _:x)
            // is listed once. Its positions are visited one after another, so checking the last entry suffices.
            if (info.Quads.Count == 0 || !ReferenceEquals(info.Quads[^1], quad))
            {
                info.Quads.Add(quad);
            }
        }

        private void SetDeepIterationLimit(long nonUniqueBlankNodeCount)
        {
            if (_options.MaxDeepIterations is { } explicitLimit)
            {
                _maxDeepIterations = explicitLimit;
            }
            else
            {
                // rdf-canonize: maxDeepIterations = (number of blank nodes in non-unique hash lists) ^ maxWorkFactor,
                // except that a work factor of 0 means no N-degree hashing at all (not n^0 = 1).
                var limit = _options.MaxWorkFactor == 0 ? 0.0 : 1.0;
                for (var i = 0; i < _options.MaxWorkFactor; i++)
                {
                    limit *= nonUniqueBlankNodeCount;
                }

                _maxDeepIterations = limit >= long.MaxValue ? long.MaxValue : (long)limit;
            }

            _remainingDeepIterations = _maxDeepIterations;

        }

        private CanonicalizationLimitException DeepIterationLimitExceeded(string identifier)
        {
            var source = _options.MaxDeepIterations is null
                ? $"Rdfc10Options.MaxWorkFactor = {_options.MaxWorkFactor}: (blank nodes sharing a first degree hash)^{_options.MaxWorkFactor}"
                : "Rdfc10Options.MaxDeepIterations";
            return new CanonicalizationLimitException(
                nameof(Rdfc10Options) + "." + (_options.MaxDeepIterations is null ? nameof(Rdfc10Options.MaxWorkFactor) : nameof(Rdfc10Options.MaxDeepIterations)),
                _maxDeepIterations,
                $"RDFC-1.0 canonicalization stopped at blank node _:{identifier}: the Hash N-Degree Quads algorithm would run more than " +
                $"{_maxDeepIterations} times (the limit from {source}). The dataset's blank nodes are so symmetric that canonicalizing it could take " +
                "exponential time; it may be a poison graph built to exhaust the CPU. If the input is trusted and genuinely needs it, " +
                "raise Rdfc10Options.MaxWorkFactor (or set MaxDeepIterations).");
        }

        /// <summary>
        /// §4.4.3 step 7: every quad with its blank nodes relabelled canonically, as canonical N-Quads lines sorted
        /// in code point order; with the relabelled quads in that order and the issued identifiers map.
        /// </summary>
        public Rdfc10Result BuildResult(List<RdfQuad> dataset)
        {
            // One RdfTerm per canonical label, shared by all quads that mention it.
            var canonicalTerms = new Dictionary<string, RdfTerm>(StringComparer.Ordinal);
            RdfTerm Relabel(RdfTerm term)
            {
                if (term.Kind != RdfTermKind.BlankNode)
                {
                    return term;
                }

                if (!canonicalTerms.TryGetValue(term.Value, out var relabelled))
                {
                    canonicalTerms.Add(term.Value, relabelled = RdfTerm.BlankNode(CanonicalLabel(term)));
                }

                return relabelled;
            }

            var canonical = new RdfQuad[dataset.Count];
            for (var i = 0; i < dataset.Count; i++)
            {
                var quad = dataset[i];
                canonical[i] = new RdfQuad(Relabel(quad.Subject), quad.Predicate, Relabel(quad.Object), Relabel(quad.Graph));
            }

            WriteSortedCanonicalLines(dataset);
            var canonicalQuads = new RdfQuad[_lines.Count];
            var text = new StringBuilder(_lines.TotalLength);
            for (var i = 0; i < _lines.Count; i++)
            {
                canonicalQuads[i] = canonical[_lines.Index(i)];
                text.Append(_lines.Line(i));
            }

            return new Rdfc10Result(
                Array.AsReadOnly(canonicalQuads),
                text.ToString(),
                new ReadOnlyDictionary<string, string>(_canonicalIssuer.ToDictionary()));
        }

        /// <summary>Step 7 for the signing hot path: SHA-256 over the UTF-8 of the sorted lines, from a pooled buffer.</summary>
        public void HashCanonicalNQuads(List<RdfQuad> dataset, Span<byte> destination)
        {
            WriteSortedCanonicalLines(dataset);
            var encoding = Encoding.UTF8;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(encoding.GetMaxByteCount(_lines.TotalLength));
            try
            {
                var length = 0;
                for (var i = 0; i < _lines.Count; i++)
                {
                    // Encoding.UTF8 per line, as the string's encoding would be: a line never splits a surrogate
                    // pair (the writer refuses lone surrogates), so line by line is byte for byte the same.
                    length += encoding.GetBytes(_lines.Line(i), buffer.AsSpan(length));
                }

                SHA256.HashData(buffer.AsSpan(0, length), destination);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>Writes each quad's canonical line (blank nodes by canonical label) and sorts them.</summary>
        private void WriteSortedCanonicalLines(List<RdfQuad> dataset)
        {
            _lines.Clear();
            var line = _lines.Text;
            for (var i = 0; i < dataset.Count; i++)
            {
                var quad = dataset[i];
                var start = line.Length;
                AppendCanonicalTerm(line, quad.Subject, "subject");
                line.Append(' ');
                NQuads.AppendTerm(line, quad.Predicate, "predicate");
                line.Append(' ');
                AppendCanonicalTerm(line, quad.Object, "object");
                if (quad.Graph.Kind != RdfTermKind.DefaultGraph)
                {
                    line.Append(' ');
                    AppendCanonicalTerm(line, quad.Graph, "graph");
                }

                line.Append(" .\n");
                _lines.EndLine(start, i);
            }

            _lines.Sort();
        }

        private void AppendCanonicalTerm(StringBuilder line, RdfTerm term, string position)
        {
            if (term.Kind == RdfTermKind.BlankNode)
            {
                NQuads.AppendBlankNode(line, CanonicalLabel(term), position);
            }
            else
            {
                NQuads.AppendTerm(line, term, position);
            }
        }

        private string CanonicalLabel(RdfTerm blankNode) =>
            _canonicalIssuer.TryGetIssued(blankNode.Value, out var canonical)
                ? canonical
                : throw new InvalidOperationException($"RDFC-1.0 left blank node _:{blankNode.Value} without a canonical identifier; this is a bug.");

        /// <summary>Ordinal comparison of a path being built with the chosen path (paths are ASCII).</summary>
        private static int CompareOrdinal(StringBuilder path, string chosen)
        {
            var offset = 0;
            foreach (var chunk in path.GetChunks())
            {
                var span = chunk.Span;
                var common = Math.Min(span.Length, chosen.Length - offset);
                var byChars = span[..common].SequenceCompareTo(chosen.AsSpan(offset, common));
                if (byChars != 0)
                {
                    return byChars;
                }

                if (common < span.Length)
                {
                    return 1; // chosen is a proper prefix of path
                }

                offset += common;
            }

            return offset == chosen.Length ? 0 : -1;
        }
    }

    /// <summary>
    /// N-Quads lines written one after another into one buffer and sorted as ranges of it. The spec sorts
    /// serialized quads (§4.6 step 4, §4.4.3 step 7); a string per quad only to sort and hash it was most of
    /// the canonicalizer's allocation.
    /// </summary>
    private sealed class SortedLines
    {
        private readonly List<LineRange> _ranges = [];
        private char[] _chars = [];

        /// <summary>Where the lines are written; call <see cref="EndLine"/> after each.</summary>
        public StringBuilder Text { get; } = new(1024);

        public int Count => _ranges.Count;

        public int TotalLength => Text.Length;

        public void Clear()
        {
            Text.Clear();
            _ranges.Clear();
        }

        /// <summary>Empties the buffer for reuse; false when it grew too large to keep.</summary>
        public bool TryReset()
        {
            Clear();
            return _chars.Length <= MaxKeptChars;
        }

        private const int MaxKeptChars = 1 << 20;

        /// <summary>Records the line written since <paramref name="start"/>, made from item <paramref name="index"/>.</summary>
        public void EndLine(int start, int index) => _ranges.Add(new LineRange(start, Text.Length - start, index));

        /// <summary>Sorts the lines in code point order.</summary>
        public void Sort()
        {
            if (_chars.Length < Text.Length)
            {
                _chars = new char[Math.Max(Text.Length, _chars.Length * 2)];
            }

            Text.CopyTo(0, _chars, Text.Length);
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ranges).Sort(new LineComparer(_chars));
        }

        /// <summary>Line <paramref name="i"/> in sorted order (valid until the next <see cref="Clear"/>).</summary>
        public ReadOnlySpan<char> Line(int i) => _chars.AsSpan(_ranges[i].Start, _ranges[i].Length);

        /// <summary>The item line <paramref name="i"/> (in sorted order) was made from.</summary>
        public int Index(int i) => _ranges[i].Index;

        private readonly record struct LineRange(int Start, int Length, int Index);

        private readonly struct LineComparer(char[] chars) : IComparer<LineRange>
        {
            public int Compare(LineRange x, LineRange y) =>
                CodePointComparer.Compare(chars.AsSpan(x.Start, x.Length), chars.AsSpan(y.Start, y.Length));
        }
    }

    /// <summary>
    /// Quad equality for removing duplicates: the record's own equality (same four terms), without its generic
    /// dispatch per member; the terms' hash codes are cached, so a quad hashes in a few instructions.
    /// </summary>
    private sealed class QuadEquality : IEqualityComparer<RdfQuad>
    {
        public static readonly QuadEquality Instance = new();

        public bool Equals(RdfQuad? x, RdfQuad? y) =>
            ReferenceEquals(x, y) ||
            (x is not null && y is not null && x.Subject.Equals(y.Subject) && x.Predicate.Equals(y.Predicate) && x.Object.Equals(y.Object) && x.Graph.Equals(y.Graph));

        public int GetHashCode(RdfQuad quad) =>
            HashCode.Combine(quad.Subject.GetHashCode(), quad.Predicate.GetHashCode(), quad.Object.GetHashCode(), quad.Graph.GetHashCode());
    }

    /// <summary>The quads mentioning one blank node, and its first degree hash once computed.</summary>
    private sealed class BlankNodeInfo
    {
        public List<RdfQuad> Quads { get; } = [];

        public string? FirstDegreeHash { get; set; }
    }

    /// <summary>§4.8 result: a hash and the identifier issuer that produced it.</summary>
    private sealed record HashNDegreeResult(string Hash, IdentifierIssuer Issuer);

    /// <summary>§4.3 identifier issuer and §4.5 Issue Identifier algorithm.</summary>
    private sealed class IdentifierIssuer
    {
        private readonly string _prefix;
        private readonly Dictionary<string, string> _issued;
        private readonly List<string> _issuedInOrder;

        public IdentifierIssuer(string prefix)
            : this(prefix, new Dictionary<string, string>(StringComparer.Ordinal), [])
        {
        }

        private IdentifierIssuer(string prefix, Dictionary<string, string> issued, List<string> issuedInOrder)
        {
            _prefix = prefix;
            _issued = issued;
            _issuedInOrder = issuedInOrder;
        }

        /// <summary>The existing identifiers in the order they were issued new ones.</summary>
        public List<string> IssuedInOrder => _issuedInOrder;

        /// <summary>Issue Identifier: the identifier already issued for <paramref name="existing"/>, or a new one.</summary>
        public string Issue(string existing)
        {
            // Step 1: return an identifier already issued.
            if (_issued.TryGetValue(existing, out var issued))
            {
                return issued;
            }

            // Steps 2-5: prefix + counter (the counter is the number issued so far), record, return.
            issued = _prefix + _issuedInOrder.Count.ToString(CultureInfo.InvariantCulture);
            _issued.Add(existing, issued);
            _issuedInOrder.Add(existing);
            return issued;
        }

        public bool HasIssued(string existing) => _issued.ContainsKey(existing);

        public bool TryGetIssued(string existing, out string issued) => _issued.TryGetValue(existing, out issued!);

        public IdentifierIssuer Clone() =>
            new(_prefix, new Dictionary<string, string>(_issued, StringComparer.Ordinal), new List<string>(_issuedInOrder));

        public Dictionary<string, string> ToDictionary()
        {
            var map = new Dictionary<string, string>(_issuedInOrder.Count, StringComparer.Ordinal);
            foreach (var existing in _issuedInOrder)
            {
                map.Add(existing, _issued[existing]);
            }

            return map;
        }
    }

    /// <summary>
    /// All permutations of a list (§4.8 step 5.4), in the Steinhaus–Johnson–Trotter order starting from the
    /// list sorted ordinally, the order rdf-canonize visits them. The order does not change the chosen path;
    /// it only decides which of several equally good issuers is kept, which can show in the issued identifiers
    /// map of a graph with symmetries, so matching the reference implementation keeps those maps identical.
    /// Directions are kept per label, as there, so a label listed twice behaves the same way.
    /// </summary>
    private sealed class Permutations
    {
        private readonly string[] _items;
        private readonly Dictionary<string, bool> _pointsLeft = new(StringComparer.Ordinal);
        private bool _started;
        private bool _done;

        public Permutations(List<string> items)
        {
            _items = [.. items];
            Array.Sort(_items, StringComparer.Ordinal);
            foreach (var item in _items)
            {
                _pointsLeft[item] = true;
            }

            Current = _items;
        }

        /// <summary>The current permutation (a live view: valid until the next <see cref="MoveNext"/>).</summary>
        public string[] Current { get; private set; }

        public bool MoveNext()
        {
            if (!_started)
            {
                _started = true;
                return true;
            }

            if (_done)
            {
                return false;
            }

            // The largest mobile element: one greater than the neighbour it points at.
            string? largest = null;
            var position = -1;
            for (var i = 0; i < _items.Length; i++)
            {
                var item = _items[i];
                var left = _pointsLeft[item];
                var neighbour = left ? i - 1 : i + 1;
                var mobile = neighbour >= 0 && neighbour < _items.Length && string.CompareOrdinal(item, _items[neighbour]) > 0;
                if (mobile && (largest is null || string.CompareOrdinal(item, largest) > 0))
                {
                    largest = item;
                    position = i;
                }
            }

            if (largest is null)
            {
                _done = true;
                return false;
            }

            // Swap it with that neighbour, then turn round every element greater than it.
            var swapWith = _pointsLeft[largest] ? position - 1 : position + 1;
            (_items[position], _items[swapWith]) = (_items[swapWith], _items[position]);
            foreach (var item in _items)
            {
                if (string.CompareOrdinal(item, largest) > 0)
                {
                    _pointsLeft[item] = !_pointsLeft[item];
                }
            }

            Current = _items;
            return true;
        }
    }

    /// <summary>
    /// Unicode code point order for strings held as UTF-16 (the "code point order" the spec sorts N-Quads by).
    /// Ordinal UTF-16 order differs only when a surrogate (a character above U+FFFF) meets U+E000–U+FFFF.
    /// </summary>
    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            return Compare(x.AsSpan(), y.AsSpan());
        }

        public static int Compare(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
        {
            var length = Math.Min(x.Length, y.Length);
            var mismatch = x[..length].CommonPrefixLength(y[..length]);
            if (mismatch == length)
            {
                return x.Length.CompareTo(y.Length);
            }

            return Weight(x[mismatch]).CompareTo(Weight(y[mismatch]));
        }

        // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF, so they must sort after U+E000–U+FFFF.
        private static int Weight(char c) => c >= 0xD800 ? (c >= 0xE000 ? c - 0x800 : c + 0x2000) : c;
    }

    /// <summary>
    /// Collects UTF-8 text for one hash at a time and hashes it in one shot. Reused for every hash of a run
    /// (never two at once); one-shot hashing avoids creating a hash object per run, which costs more than
    /// canonicalizing a small credential.
    /// </summary>
    private sealed class Hasher
    {
        private readonly bool _sha384;
        private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetEncoder();
        private byte[] _buffer = new byte[4096];
        private int _length;

        public Hasher(HashAlgorithmName algorithm) => _sha384 = algorithm == HashAlgorithmName.SHA384;

        public HashAlgorithmName Algorithm => _sha384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

        /// <summary>Starts over for reuse; false when the buffer grew too large to keep.</summary>
        public bool TryReset()
        {
            _length = 0;
            _encoder.Reset();
            return _buffer.Length <= 1 << 20;
        }

        public void Append(char c)
        {
            Span<char> one = [c];
            Append(one);
        }

        public void Append(string text) => Append(text.AsSpan());

        public void Append(StringBuilder text)
        {
            foreach (var chunk in text.GetChunks())
            {
                Append(chunk.Span);
            }
        }

        public void Append(ReadOnlySpan<char> text)
        {
            // The encoder carries a surrogate pair split across two appends (StringBuilder chunks).
            var needed = _encoder.GetByteCount(text, flush: false);
            if (_length + needed > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_length + needed, _buffer.Length * 2));
            }

            _length += _encoder.GetBytes(text, _buffer.AsSpan(_length), flush: false);
        }

        /// <summary>Hashes what was appended, as lower-case hex, and starts over.</summary>
        public string FinishHex()
        {
            Span<byte> digest = stackalloc byte[SHA384.HashSizeInBytes];
            var data = _buffer.AsSpan(0, _length);
            var size = _sha384 ? SHA384.HashData(data, digest) : SHA256.HashData(data, digest);
            _length = 0;
            _encoder.Reset();
            return Convert.ToHexStringLower(digest[..size]);
        }
    }
}
