using System.Security.Cryptography;

namespace OpenBadges.Status;

/// <summary>
/// Hands out status list indexes at random among the unused ones (so an index says nothing about issuing
/// order, as the Bitstring Status List privacy considerations advise). Thread-safe.
/// </summary>
public sealed class StatusListIndexAllocator
{
    private readonly Lock _gate = new();
    private readonly bool[] _used;
    private int _usedCount;

    /// <summary>An allocator over a list of <paramref name="length"/> entries; <paramref name="alreadyUsed"/> are never handed out.</summary>
    public StatusListIndexAllocator(int length = BitstringStatusList.MinimumLength, IEnumerable<int>? alreadyUsed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _used = new bool[length];
        foreach (var index in alreadyUsed ?? [])
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, length);
            if (!_used[index])
            {
                _used[index] = true;
                _usedCount++;
            }
        }
    }

    /// <summary>How many indexes are still free.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _used.Length - _usedCount;
            }
        }
    }

    /// <summary>A fresh, never-before-allocated index.</summary>
    /// <exception cref="InvalidOperationException">The list is full: start a new status list.</exception>
    public int Allocate()
    {
        lock (_gate)
        {
            if (_usedCount == _used.Length)
            {
                throw StatusErrors.ListFull(_used.Length);
            }

            // Random probing is fast while the list is mostly free; a linear scan from a random start finishes it.
            for (var attempt = 0; attempt < 32; attempt++)
            {
                var candidate = RandomNumberGenerator.GetInt32(_used.Length);
                if (!_used[candidate])
                {
                    return Take(candidate);
                }
            }

            var start = RandomNumberGenerator.GetInt32(_used.Length);
            for (var i = 0; i < _used.Length; i++)
            {
                var candidate = (start + i) % _used.Length;
                if (!_used[candidate])
                {
                    return Take(candidate);
                }
            }

            throw StatusErrors.FreeIndexNotFound();
        }
    }

    private int Take(int index)
    {
        _used[index] = true;
        _usedCount++;
        return index;
    }
}
