using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

// The algorithm as the specification reads it: §4.4.3 (steps 1-7), §4.6, §4.7, §4.8, each step numbered.
// The byte-level work it calls (writing terms and lines, sorting, hashing) is in Rdfc10.Lines.cs.
public static partial class Rdfc10
{
    private sealed partial class CanonicalizationState
    {
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
}
