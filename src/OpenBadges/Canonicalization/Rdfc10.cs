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
            throw CanonicalizationErrors.TooManyQuads(options.MaxQuads, quads.Count);
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
            throw CanonicalizationErrors.UnsupportedHashAlgorithm(options.HashAlgorithm.Name, nameof(options));
        }

        if (options.MaxWorkFactor < 0)
        {
            throw CanonicalizationErrors.NegativeMaxWorkFactor(options.MaxWorkFactor, nameof(options));
        }

        if (options.MaxDeepIterations is < 0)
        {
            throw CanonicalizationErrors.NegativeMaxDeepIterations(options.MaxDeepIterations, nameof(options));
        }

        if (options.MaxQuads < 0)
        {
            throw CanonicalizationErrors.NegativeMaxQuads(options.MaxQuads, nameof(options));
        }
    }

    /// <summary>§4.3 The canonicalization state, plus what one run needs (hasher, limits, token).</summary>
    /// <summary>§4.3 The canonicalization state, plus what one run needs (buffers, limits, token).</summary>
    /// <remarks>
    /// Lines are handled as UTF-8 bytes throughout: they are hashed as UTF-8, and UTF-8 byte order is code point
    /// order (the order the spec sorts N-Quads by), so sorting the bytes needs no special comparer. Each quad's
    /// terms are written as N-Quads once per run, and every line that needs them (first degree quads, the
    /// canonical output) is copied together from those bytes and blank node labels.
    /// </remarks>
    private sealed class CanonicalizationState : IDisposable
    {
        // The workspace of the last finished run on this thread, reused by the next one (one sign canonicalizes
        // twice; growing fresh collections and buffers each time was most of the canonicalizer's allocation).
        [ThreadStatic]
        private static Workspace? t_spareWorkspace;

        [ThreadStatic]
        private static Hasher? t_spareHasher;

        // Marks a line written with canonical labels rather than for a first degree hash (§4.6 names a reference
        // blank node by its number instead).
        private const int CanonicalLabels = -1;

        private readonly Rdfc10Options _options;
        private readonly CancellationToken _cancellationToken;
        private readonly Workspace _work = TakeSpareWorkspace();
        private readonly int _hashSize;
        private Hasher? _hasher;

        // First degree hashes as hex, made from the bytes only when Hash Related Blank Node needs them (§4.7 step 3).
        private string?[]? _firstDegreeHex;

        // The bound on Hash N-Degree Quads calls, and how many are left.
        private long _maxDeepIterations;
        private long _remainingDeepIterations;

        public CanonicalizationState(Rdfc10Options options, CancellationToken cancellationToken)
        {
            _options = options;
            _cancellationToken = cancellationToken;
            _hashSize = options.HashAlgorithm == HashAlgorithmName.SHA384 ? SHA384.HashSizeInBytes : SHA256.HashSizeInBytes;
            _work.HashSize = _hashSize;
        }

        // Created on first use: only Hash Related Blank Node and Hash N-Degree Quads hash through it, and most
        // datasets never need them.
        private Hasher Hash => _hasher ??= TakeSpareHasher(_options.HashAlgorithm);

        // §4.3 canonical issuer, prefix "c14n".
        private IdentifierIssuer CanonicalIssuer => _work.CanonicalIssuer;

        /// <summary>Hands the workspace and hasher to the next run on this thread (unless they grew unusually large).</summary>
        public void Dispose()
        {
            if (_work.TryReset())
            {
                t_spareWorkspace = _work;
            }
            else
            {
                _work.Dispose();
            }

            if (_hasher is not null && _hasher.TryReset())
            {
                t_spareHasher = _hasher;
            }
        }

        private static Workspace TakeSpareWorkspace()
        {
            var spare = t_spareWorkspace ?? new Workspace();
            t_spareWorkspace = null;
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
            var dataset = _work.Dataset;
            var seen = _work.Seen;
            seen.EnsureCapacity(input.Count);
            for (var i = 0; i < input.Count; i++)
            {
                var quad = input[i] ?? throw CanonicalizationErrors.NullQuad(i);
                CheckQuadShape(quad, i);
                if (seen.Add(quad))
                {
                    dataset.Add(quad);
                }
            }

            // (Not a step of the spec.) Write every quad's terms in canonical N-Quads once, numbering the blank
            // nodes in the order first met (subject, object, graph name of each quad in turn). A term N-Quads
            // cannot represent fails here, before any hashing.
            WriteTerms(dataset);

            // Step 2: for every quad, for each blank node component (subject, object, graph name), add the
            // quad to that blank node's entry in the blank node to quads map.
            MapBlankNodesToQuads();

            // Step 3: for each blank node n, compute its first degree hash hf(n) (§4.6). (The hash to blank
            // nodes map is step 4's sort: blank nodes in hash order, those sharing a hash next to each other.)
            var blankNodeCount = _work.Labels.Count;
            var hashes = Workspace.Ensure(ref _work.FirstDegreeHashes, blankNodeCount * _hashSize);
            for (var n = 0; n < blankNodeCount; n++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                HashFirstDegreeQuads(n, hashes.AsSpan(n * _hashSize, _hashSize));
            }

            // Step 4: in code point order of hash (comparing the hash bytes orders the hashes as their lower-case
            // hex does; blank nodes sharing a hash stay in the order first met, as the map's lists would): a blank
            // node alone under its hash gets its canonical identifier now (4.2) and the entry is removed (4.3).
            // The rest, still in hash order, are the non-unique lists step 5 works on.
            var byHash = Workspace.Ensure(ref _work.BlankNodesByHash, blankNodeCount);
            for (var n = 0; n < blankNodeCount; n++)
            {
                byHash[n] = n;
            }

            byHash.AsSpan(0, blankNodeCount).Sort(_work.HashOrder);
            var nonUnique = _work.NonUnique;
            var nonUniqueBlankNodeCount = 0L;
            for (var first = 0; first < blankNodeCount;)
            {
                var end = first + 1;
                while (end < blankNodeCount && _work.FirstDegreeHash(byHash[first]).SequenceEqual(_work.FirstDegreeHash(byHash[end])))
                {
                    end++;
                }

                if (end - first == 1)
                {
                    CanonicalIssuer.Issue(_work.Labels[byHash[first]]);
                }
                else
                {
                    // 4.1: more than one blank node shares this hash; step 5 handles it.
                    var identifiers = new List<string>(end - first);
                    for (var i = first; i < end; i++)
                    {
                        identifiers.Add(_work.Labels[byHash[i]]);
                    }

                    nonUnique.Add(identifiers);
                    nonUniqueBlankNodeCount += identifiers.Count;
                }

                first = end;
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
                    if (CanonicalIssuer.HasIssued(identifier))
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
                        CanonicalIssuer.Issue(existing);
                    }
                }
            }

            // Step 6: the issued identifiers map of the canonical issuer goes into the canonicalized dataset
            // (BuildResult reads it from the canonical issuer).
            return dataset;
        }

        // ------------------------------------------------------------ §4.6 Hash First Degree Quads

        private void HashFirstDegreeQuads(int referenceBlankNode, Span<byte> hash)
        {
            // Steps 1-3: serialize each quad mentioning the reference blank node in canonical N-Quads, writing
            // that blank node as _:a and every other blank node as _:z.
            // (Canonical identifiers already issued are NOT used here: RDFC-1.0 fixed this behaviour, which the
            // original URDNA2015 text described differently but every implementation did this way.)
            _work.ClearLines();
            foreach (var quad in _work.QuadsOf(referenceBlankNode))
            {
                AppendLine(quad, referenceBlankNode);
            }

            // Step 4: sort in code point order. Step 5: hash the concatenation.
            HashData(SortLines(), hash);
        }

        /// <summary>First degree hash of a blank node as lower-case hex, the form §4.7 step 3 hashes.</summary>
        private string FirstDegreeHashHex(string identifier)
        {
            var n = _work.BlankNodeNumbers[identifier];
            _firstDegreeHex ??= new string?[_work.Labels.Count];
            return _firstDegreeHex[n] ??= Convert.ToHexStringLower(_work.FirstDegreeHash(n));
        }

        private void HashData(ReadOnlySpan<byte> data, Span<byte> hash) => _work.HashData(_options.HashAlgorithm, data, hash);

        // ------------------------------------------------------------ §4.7 Hash Related Blank Node

        private string HashRelatedBlankNode(string related, RdfQuad quad, IdentifierIssuer issuer, char position)
        {
            // Step 3 first (the hasher takes one input at a time): the identifier for related is its canonical
            // identifier if issued, else the one issuer gave it, else its first degree hash (already computed
            // for every blank node in §4.4.3 step 3, so this reads the cache). Issued identifiers get "_:".
            string? issued = null;
            var identifier = CanonicalIssuer.TryGetIssued(related, out var canonical) ? issued = canonical
                : issuer.TryGetIssued(related, out var temporary) ? issued = temporary
                : FirstDegreeHashHex(related);

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
            foreach (var quadIndex in _work.QuadsOf(_work.BlankNodeNumbers[identifier]))
            {
                var quad = _work.Dataset[quadIndex];
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
                        if (CanonicalIssuer.TryGetIssued(related, out var canonical))
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
                throw CanonicalizationErrors.NullTerm(index);
            }

            if (quad.Subject.Kind is not (RdfTermKind.Iri or RdfTermKind.BlankNode) ||
                quad.Predicate.Kind != RdfTermKind.Iri ||
                quad.Object.Kind == RdfTermKind.DefaultGraph ||
                quad.Graph.Kind == RdfTermKind.Literal)
            {
                throw CanonicalizationErrors.NotAnRdfQuad(index, quad.Subject.Kind, quad.Predicate.Kind, quad.Object.Kind, quad.Graph.Kind);
            }
        }

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
            return CanonicalizationErrors.DeepIterationsExceeded((_options.MaxDeepIterations is null ? nameof(Rdfc10Options.MaxWorkFactor) : nameof(Rdfc10Options.MaxDeepIterations)), _maxDeepIterations, identifier, source);
        }

        /// <summary>
        /// §4.4.3 step 7: every quad with its blank nodes relabelled canonically, as canonical N-Quads lines sorted
        /// in code point order; with the relabelled quads in that order and the issued identifiers map.
        /// </summary>
        public Rdfc10Result BuildResult(List<RdfQuad> dataset)
        {
            var nquads = Encoding.UTF8.GetString(WriteSortedCanonicalLines(dataset));

            // One RdfTerm per canonical label, shared by all quads that mention it.
            var canonicalTerms = new RdfTerm?[_work.Labels.Count];
            RdfTerm Relabel(RdfTerm term, TermText text) =>
                text.IsBlankNode
                    ? canonicalTerms[text.BlankNode] ??= RdfTerm.BlankNode(CanonicalLabel(text.BlankNode))
                    : term;

            var canonicalQuads = new RdfQuad[_work.LineRanges.Count];
            for (var i = 0; i < canonicalQuads.Length; i++)
            {
                var index = _work.LineRanges[i].Index;
                var quad = dataset[index];
                var text = _work.QuadTexts[index];
                canonicalQuads[i] = new RdfQuad(
                    Relabel(quad.Subject, text.Subject), quad.Predicate, Relabel(quad.Object, text.Object), Relabel(quad.Graph, text.Graph));
            }

            return new Rdfc10Result(
                Array.AsReadOnly(canonicalQuads),
                nquads,
                new ReadOnlyDictionary<string, string>(CanonicalIssuer.ToDictionary()));
        }

        /// <summary>
        /// Step 7 for the signing hot path: SHA-256 over the sorted lines, without building the result; SHA-384 when
        /// <paramref name="destination"/> is 48 bytes (ecdsa-rdfc-2019 with a P-384 key hashes its output with SHA-384).
        /// </summary>
        public void HashCanonicalNQuads(List<RdfQuad> dataset, Span<byte> destination) =>
            _work.HashData(destination.Length == SHA384.HashSizeInBytes ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256, WriteSortedCanonicalLines(dataset), destination);

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

    private sealed record HashNDegreeResult(string Hash, IdentifierIssuer Issuer);

    /// <summary>§4.3 identifier issuer and §4.5 Issue Identifier algorithm.</summary>
    private sealed class IdentifierIssuer
    {
        private readonly string _prefix;
        private readonly Dictionary<string, string> _issued;
        private readonly List<string> _issuedInOrder;

        // The identifiers by counter value, made once and kept: clones share their original's list, and the
        // canonical issuer is reused from run to run on a thread, so "c14n0", "c14n1"... are not made every run.
        private readonly List<string> _identifiers;

        public IdentifierIssuer(string prefix)
            : this(prefix, new Dictionary<string, string>(StringComparer.Ordinal), [], [])
        {
        }

        private IdentifierIssuer(string prefix, Dictionary<string, string> issued, List<string> issuedInOrder, List<string> identifiers)
        {
            _prefix = prefix;
            _issued = issued;
            _issuedInOrder = issuedInOrder;
            _identifiers = identifiers;
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
            var counter = _issuedInOrder.Count;
            if (counter == _identifiers.Count)
            {
                _identifiers.Add(_prefix + counter.ToString(CultureInfo.InvariantCulture));
            }

            issued = _identifiers[counter];
            _issued.Add(existing, issued);
            _issuedInOrder.Add(existing);
            return issued;
        }

        public bool HasIssued(string existing) => _issued.ContainsKey(existing);

        public bool TryGetIssued(string existing, out string issued) => _issued.TryGetValue(existing, out issued!);

        public IdentifierIssuer Clone() =>
            new(_prefix, new Dictionary<string, string>(_issued, StringComparer.Ordinal), new List<string>(_issuedInOrder), _identifiers);

        /// <summary>Forgets what was issued (the counter starts again at 0), for reuse.</summary>
        public void Clear()
        {
            _issued.Clear();
            _issuedInOrder.Clear();
        }

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
    /// Collects UTF-8 text for one hash at a time and hashes it in one shot: the inputs of Hash Related Blank Node
    /// and Hash N-Degree Quads, which are built piece by piece. Reused for every such hash of a run (never two at
    /// once); one-shot hashing avoids creating a hash object per run, which costs more than canonicalizing a
    /// small credential.
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
