using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenBadges.Canonicalization;

// §4.3 identifier issuer, §4.5 Issue Identifier, §4.8 step 5.4's permutations, and the hasher §4.7/§4.8 use.
public static partial class Rdfc10
{
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
