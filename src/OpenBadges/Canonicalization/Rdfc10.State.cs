using System.Security.Cryptography;
using OpenBadges.Rdf;

namespace OpenBadges.Canonicalization;

// One run's state: options, limits, the reused workspace and hasher, the input checks.
public static partial class Rdfc10
{
    /// <summary>§4.3 The canonicalization state, plus what one run needs (buffers, limits, token).</summary>
    /// <remarks>
    /// Lines are handled as UTF-8 bytes throughout: they are hashed as UTF-8, and UTF-8 byte order is code point
    /// order (the order the spec sorts N-Quads by), so sorting the bytes needs no special comparer. Each quad's
    /// terms are written as N-Quads once per run, and every line that needs them (first degree quads, the
    /// canonical output) is copied together from those bytes and blank node labels.
    /// </remarks>
    private sealed partial class CanonicalizationState : IDisposable
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
    }
}
